/**
 * react-use-websocket's hook, as the bench pages call it. The package ships CommonJS only: in a
 * "type": "module" package the bundler gives its default import Node's meaning
 * (module.exports), and the hook is that object's `default`.
 */
import * as ruw from 'react-use-websocket';

type UseWebSocket = typeof ruw.default;
const exported = ruw.default as UseWebSocket | { default: UseWebSocket };
export const useWebSocket: UseWebSocket = typeof exported === 'function' ? exported : exported.default;
