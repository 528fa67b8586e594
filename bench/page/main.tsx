/**
 * The bench page: N minimal cards, the same DOM and the same work on both sides. Only
 * `useCardStatus` (from the variant module, `@variant`) differs: the kit's hooks or
 * react-use-websocket. Built once per variant by bench/lib/build.ts.
 */
import { useLayoutEffect, type ReactElement } from 'react';
import { Root, useCardStatus } from '@variant';
import { mountCards } from './cardList';
import { bench } from './harness';

function CardView({ index, orderId, status }: { index: number; orderId: number; status: string | undefined }): ReactElement {
  useLayoutEffect(() => bench.mountedCard(), []);
  useLayoutEffect(() => bench.committed(index, status), [index, status]);
  return (
    <div className="card" data-card={index}>
      {orderId} <b>{status ?? '—'}</b>
    </div>
  );
}

function Card({ index, orderId }: { index: number; orderId: number }): ReactElement {
  const status = useCardStatus(orderId);
  return <CardView index={index} orderId={orderId} status={status} />;
}

mountCards(Root, Card, bench.onRender);
