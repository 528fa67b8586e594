import type { ConnectionStatus } from '../../core/ConnectionState';

/** What a person reads for a connection state. Text, so colour is never the only signal. */
export function connectionText(status: ConnectionStatus, attempt = 0): string {
  switch (status) {
    case 'open':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return attempt > 1 ? `Reconnecting (attempt ${attempt})…` : 'Reconnecting…';
    case 'failed':
      return 'Connection failed';
    case 'closed':
      return 'Offline';
    default:
      return 'Not connected';
  }
}
