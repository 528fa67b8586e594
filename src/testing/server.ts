// Node-only entry: `import { createSimulatorServer } from 'react-realtime-kit/testing/server'`.
export { createSimulatorServer } from './createSimulatorServer';
export type { SimulatorServer, SimulatorServerOptions } from './createSimulatorServer';
