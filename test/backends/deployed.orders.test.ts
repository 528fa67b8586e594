/**
 * The kit against the reference server in deployed mode (REFSITE_MODE=deployed): the order
 * stream as `youssef-anas/game-boosters` runs it at its latest commit (PROTOCOLS.md, last
 * section): str() floats ("None" for null), a null status, the free-text message, progress from
 * percent_for_view in the snapshot but 100/0 in updates, and no snapshot when the price
 * computation divides by zero. Each test shows one quirk and what a user of the kit sees.
 */
import { createElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinEnvironments } from 'vitest/environments';
import { ChatAttachment, OrderCard, RealtimeProvider, ordersBackend, type RealtimeClient } from 'react-realtime-kit';
import { toastEventsFromDiff, type ToastEvent } from '../../src/components/RealtimeToaster/toastEvents';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { until } from '../helpers/until';
import { startDjangoBackend, type DjangoBackend } from './startDjangoBackend';

// A node-environment file (the jsdom environment's transform breaks startDjangoBackend's
// file: URLs), with a DOM of its own for the cards; the DOM libraries load after it exists.
const page = await builtinEnvironments.jsdom.setup(globalThis, { jsdom: { url: 'http://127.0.0.1/' } });
const { cleanup, render, screen, within } = await import('@testing-library/react');

let backend: DjangoBackend;

const noneProblem = (field: string) => `"${field}" must be a number or a decimal string or null (got "None")`;
const kept = ' (the other fields were kept)';

function card(client: RealtimeClient, orderId: number, notFoundAfter?: number): void {
  render(createElement(RealtimeProvider, { client }, createElement(OrderCard, { orderId, notFoundAfter })));
}

/** Every toast event the toaster would raise from now on (the toaster's own diff, run per store change). */
function toastsOf(client: RealtimeClient): ToastEvent[] {
  const out: ToastEvent[] = [];
  client.store.subscribe((next, prev) => out.push(...toastEventsFromDiff(prev, next)));
  return out;
}

describe('deployed order stream (REFSITE_MODE=deployed)', () => {
  beforeAll(async () => {
    // Updates come from sockets, not from act(): the tests wait for what they render.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    backend = await startDjangoBackend({ mode: 'deployed' });
  }, 60_000);

  afterEach(() => {
    cleanup();
    disposeClients();
  });

  afterAll(async () => {
    await backend?.stop();
    await page.teardown(globalThis);
  }, 20_000);

  it('shows the valid fields of a frame whose prices are "None", and reports one error per frame', async () => {
    // A null actual_price: the server sends "None" in both price positions.
    await backend.control('orders/102/', { actual_price: null });
    const { client, errors } = clientFor(backend);
    card(client, 102);
    const article = await until(() => screen.queryByRole('article', { name: 'Order #102' })?.getAttribute('data-state') === 'ready' && screen.getByRole('article', { name: 'Order #102' }), 'the card ready');
    const order = client.store.getState().orders.byId['102']!;
    expect(order).toMatchObject({ id: '102', status: 'New', progress: 0, boosterId: null, boosterUsername: null, message: null });
    expect(order).not.toHaveProperty('boosterPrice');
    expect(order).not.toHaveProperty('actualPrice');
    expect(within(article).getByText('New')).toBeInTheDocument();
    expect(within(article).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(errors.map((e) => [e.code, e.message])).toEqual([['invalid-frame', `orderStream order.update: ${noneProblem('booster_price')}; ${noneProblem('actual_price')}${kept}`]]);
    expect(client.stats.invalidFrames).toBe(1);

    // The next save: still "None" prices, a message and a null status; the status is kept.
    await backend.control('orders/102/', { status: null, message: 'Booster assigned soon' });
    await until(() => within(article).queryByText('Booster assigned soon'), 'the message on the card');
    expect(client.store.getState().orders.byId['102']).toMatchObject({ status: 'New', message: 'Booster assigned soon' });
    expect(errors).toHaveLength(2);
    expect(errors[1]!.message).toBe(errors[0]!.message);
  });

  it('reads float-string prices, and a later save with a price shows it', async () => {
    const { client, errors } = clientFor(backend);
    client.subscribe(ordersBackend, 103);
    await until(() => client.store.getState().orders.byId['103'], 'the snapshot');
    // Non-LoL order: booster_price is str(actual_price) = "30.0" in both the snapshot and updates.
    expect(client.store.getState().orders.byId['103']).toMatchObject({ boosterPrice: 30, actualPrice: 30, progress: 0, reachedRank: null });
    await backend.control('orders/103/', { actual_price: '42.35' });
    await until(() => client.store.getState().orders.byId['103']?.actualPrice === 42.35, 'the update');
    expect(errors).toEqual([]);
  });

  it('keeps a Done order at 100 % across a server restart whose snapshot says 0, with no progress toast', async () => {
    const { client, errors } = clientFor(backend);
    const toasts = toastsOf(client);
    card(client, 105);
    const article = await until(() => screen.queryByRole('article', { name: 'Order #105' })?.getAttribute('data-state') === 'ready' && screen.getByRole('article', { name: 'Order #105' }), 'the card ready');
    // First sight is the snapshot: progress 0 from percent_for_view, shown as 100 for a Done order.
    expect(client.store.getState().orders.byId['105']).toMatchObject({ status: 'Done', progress: 100 });
    // An update from a save: 100 if done.
    await backend.control('orders/105/', { is_done: true });
    await until(() => client.stats.framesIn >= 2, 'the update');
    const framesBefore = client.stats.framesIn;
    const reconnectsBefore = client.stats.reconnects;

    await backend.restart();
    await until(() => client.stats.reconnects > reconnectsBefore && client.stats.framesIn > framesBefore, 'the reconnect and its snapshot', 30_000);
    expect(client.store.getState().orders.byId['105']).toMatchObject({ status: 'Done', progress: 100 });
    expect(within(article).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(toasts.filter((t) => t.type === 'order-progress' || t.type === 'order-status')).toEqual([]);
    expect(errors.filter((e) => e.code === 'invalid-frame')).toEqual([]);
  }, 60_000);

  it('takes a card whose snapshot the server skips (zero price) out of Loading to a clear "no data" state', async () => {
    // A LoL order with actual_price 0: the price computation divides by zero, so neither the save
    // nor the snapshot on connect sends anything; the socket stays open.
    await backend.control('orders/104/', { lol_details: true, actual_price: '0' });
    const { client, errors } = clientFor(backend);
    card(client, 104, 300);
    const article = screen.getByRole('article', { name: 'Order #104' });
    expect(article).toHaveAttribute('data-state', 'loading');
    await until(() => article.getAttribute('data-state') === 'not-found', 'the no-data state');
    expect(article).not.toHaveAttribute('aria-busy');
    expect(within(article).getByRole('status')).toHaveTextContent('No data from the server for this order yet. It may not exist, or the server could not send it; the card updates when it does.');
    expect(client.store.getState().connections['orders:104']?.status).toBe('open');
    expect(client.stats.framesIn).toBe(0);
    expect(errors).toEqual([]);

    // Once the price is fixed, the next save reaches the open socket and the card shows the order.
    await backend.control('orders/104/', { actual_price: '72.50' });
    await until(() => article.getAttribute('data-state') === 'ready', 'the order after the fix');
  });

  it("resolves a relative ERP attachment against the client's apiUrl, not the page", () => {
    const { client } = clientFor(backend, { apiUrl: backend.httpUrl });
    render(
      createElement(
        RealtimeProvider,
        { client },
        createElement(ChatAttachment, { url: '/media/chat/notes.pdf' }),
        createElement(ChatAttachment, { url: '/media/chat/photo.png' }),
        createElement(ChatAttachment, { url: 'javascript:alert(1)' }),
      ),
    );
    expect(screen.getByRole('link', { name: /notes\.pdf/ })).toHaveAttribute('href', `${backend.httpUrl}/media/chat/notes.pdf`);
    expect(screen.getByRole('img', { name: 'Attachment: photo.png' })).toHaveAttribute('src', `${backend.httpUrl}/media/chat/photo.png`);
    expect(screen.getByText('Attachment blocked: the link is not a safe web address.')).toBeInTheDocument();
  });
});
