import type { ReactElement } from 'react';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { ConnectionIndicatorView, type ConnectionIndicatorViewProps } from './ConnectionIndicatorView';

export interface ConnectionIndicatorProps extends Omit<ConnectionIndicatorViewProps, 'status' | 'attempt'> {
  /** Which socket to show (`'admin'`, `'orders'` with `param`). @default the worst of all the client's sockets */
  endpoint?: string;
  /** The endpoint's parameter, e.g. an order id. */
  param?: string | number;
}

/** Live connection state: Live / Connecting… / Reconnecting (attempt n)… / Offline / Connection failed. */
export function ConnectionIndicator({ endpoint, param, ...rest }: ConnectionIndicatorProps): ReactElement {
  const { status, attempt } = useConnectionStatus(endpoint, param);
  return <ConnectionIndicatorView status={status} attempt={attempt} {...rest} />;
}
