// Resolved by the bench build to bench/page/variants/<variant>.tsx.
declare module '@variant' {
  import type { ReactElement, ReactNode } from 'react';
  export function Root(props: { children: ReactNode }): ReactElement;
  export function useCardStatus(orderId: number): string | undefined;
}

// The component pages' variant (bench/page/components.tsx): a whole card per order.
declare module '@cardVariant' {
  import type { ReactElement, ReactNode } from 'react';
  export function Root(props: { children: ReactNode }): ReactElement;
  export function Card(props: { index: number; orderId: number }): ReactElement;
}

// The built package's stylesheet (dist/styles.css), as text.
declare module '@kit-styles?inline' {
  const css: string;
  export default css;
}
