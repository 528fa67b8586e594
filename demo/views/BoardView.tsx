import { ConnectionIndicator, OrderCard, RealtimeProvider, RealtimeToaster } from 'react-realtime-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import { tokens } from '../backend';
import { useClient } from '../useClient';

const initial = [101, 102, 103, 104, 105, 106];

/** A booster's or manager's board: many live orders, one shared socket per order. */
export function BoardView(): ReactNode {
  const client = useClient(tokens.customer);
  const [ids, setIds] = useState(initial);
  const [draft, setDraft] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const id = Number(draft);
    if (Number.isInteger(id) && id > 0 && !ids.includes(id)) setIds([...ids, id]);
    setDraft('');
  };
  return (
    <RealtimeProvider client={client}>
      <section className="demo__view" aria-labelledby="board-title">
        <div className="demo__toolbar">
          <h2 id="board-title">Orders on the board ({ids.length})</h2>
          <ConnectionIndicator label="Connection" />
          <form onSubmit={add} className="demo__add">
            <label htmlFor="watch-id">Watch order #</label>
            <input id="watch-id" inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} size={6} />
            <button type="submit">Watch</button>
          </form>
        </div>
        <div className="demo__grid">
          {ids.map((id) => (
            <OrderCard key={id} orderId={id} />
          ))}
        </div>
      </section>
      <RealtimeToaster containerId="board" />
    </RealtimeProvider>
  );
}
