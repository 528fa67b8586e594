// Resolved by the bench build to bench/page/variants/<variant>.tsx.
declare module '@variant' {
  import type { ReactElement, ReactNode } from 'react';
  export function Root(props: { children: ReactNode }): ReactElement;
  export function useCardStatus(orderId: number): string | undefined;
}
