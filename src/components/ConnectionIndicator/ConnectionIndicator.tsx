import type { ReactElement } from 'react';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { ConnectionIndicatorView, type ConnectionIndicatorViewProps } from './ConnectionIndicatorView';

export interface ConnectionIndicatorProps extends Omit<ConnectionIndicatorViewProps, 'status' | 'attempt'> {
  /** Which backend's socket to show (`adminBackend`, or `ordersBackend` with `param`; a name works too). @default the worst of all the client's sockets */
  endpoint?: string | { readonly name: string };
  /** The subscription's parameter, e.g. an order id. */
  param?: string | number;
}

/** Live connection state: Live / Connecting… / Reconnecting (attempt n)… / Offline / Connection failed. */
export function ConnectionIndicator({ endpoint, param, ...rest }: ConnectionIndicatorProps): ReactElement {
  const { status, attempt } = useConnectionStatus(endpoint, param);
  return <ConnectionIndicatorView status={status} attempt={attempt} {...rest} />;
}
