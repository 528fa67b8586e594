// The backend simulator: isomorphic core (no sockets). Transports live next to it.
export { createSimulator } from './createSimulator';
export { demoTokens, demoUsers } from './demoTokens';
export { createRandom } from './createRandom';
export { createSimClock } from './createSimClock';
export { SimWorld } from './SimWorld';
export { ERP_SSE_PATH, ERP_CHATS_PATH } from './erpSse';

export type { Simulator, SimFaults, CreateSimulatorOptions } from './createSimulator';
export type { SimEmitters, OrderUpdatePatch, TimingLine, NotificationFields } from './createEmitters';
export type { SimScenario, ScenarioStartOptions, ScenarioStepKind } from './createScenario';
export type { SimEvent } from './SimHub';
export type { ResolvedSimulatorOptions } from './SimContext';
export type { Random } from './createRandom';
export type { SimClock, SimClockOptions } from './createSimClock';
export type { DemoTokenName } from './demoTokens';
export type {
  BoostOrder,
  TimingItem,
  TimingOrderRecord,
  SimUser,
  SimNotification,
  SimChatMessage,
  SimConversation,
  SimBooking,
  SimApproval,
  SimAdminNotification,
} from './simEntities';
export type {
  SimBackendName,
  SimFrame,
  SimConnectRequest,
  SimSink,
  SimConnectResult,
  SimSession,
  SimRestRequest,
  SimRestResponse,
  SimStreamRequest,
  SimStreamSink,
  SimStream,
  SimShapes,
  SimulatorOptions,
} from './types';

// In-memory transport for the browser (Storybook, static demo, jsdom tests).
export { simulatorTransport } from './simulatorTransport';
export type { SimulatorTransportOptions } from './simulatorTransport';
export { simulatorFetch } from './simulatorFetch';
export type { SimulatorFetchOptions } from './simulatorFetch';
