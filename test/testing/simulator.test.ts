import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRandom, createSimClock, createSimulator, demoTokens, type SimEvent, type Simulator } from 'react-realtime-kit/testing';
import { attempt, checkedSimulator, join, ORIGIN, RecordingSink } from './simHarness';

const sims: Simulator[] = [];
const make = (...args: Parameters<typeof checkedSimulator>) => {
  const sim = checkedSimulator(...args);
  sims.push(sim);
  return sim;
};
afterEach(() => {
  for (const sim of sims.splice(0)) {
    if ('assertParsed' in sim) (sim as ReturnType<typeof checkedSimulator>).assertParsed();
    sim.dispose();
  }
  vi.useRealTimers();
});

describe('createRandom and the simulated clock', () => {
  it('repeats for a seed and stays in range', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const seqA = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(Array.from({ length: 50 }, () => b.int(1, 6))).toEqual(seqA);
    expect(seqA.every((n) => n >= 1 && n <= 6)).toBe(true);
    expect(new Set(seqA).size).toBe(6);
    expect(createRandom(8).next()).not.toBe(createRandom(7).next());
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(['x']).toContain(a.pick(['x']));
    expect(() => a.pick([])).toThrow(/empty/);
    expect(() => createRandom(Number.NaN)).toThrow(/seed/);
  });

  it('starts at startTime and moves only when told', async () => {
    const clock = createSimClock({ startTime: '2024-05-01T00:00:00.000Z' });
    const start = clock.now();
    await new Promise((r) => setTimeout(r, 15));
    expect(clock.now()).toBe(start);
    expect(clock.advance(1500)).toBe(start + 1500);
    expect(clock.iso()).toBe('2024-05-01T00:00:01.500Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(createSimulator({ clock: 'manual' }).clock.iso()).toBe('2025-01-01T10:00:00.000Z');
  });

  it("flows with the wall clock in 'real' mode, the default", () => {
    const before = Date.now();
    const sim = createSimulator();
    expect(sim.clock.now()).toBeGreaterThanOrEqual(before);
    expect(sim.clock.now()).toBeLessThanOrEqual(Date.now());
    const advanced = sim.clock.advance(60_000);
    expect(advanced).toBeGreaterThanOrEqual(before + 60_000);
  });
});

describe('routing and the handshake', () => {
  it('answers 404 for an unknown path (raw) and "Invalid namespace" for Socket.IO', () => {
    const sim = make();
    for (const url of ['/', '/ws/unknown/', '/ws/notifications', '/ws/orders/12', '/api/orders']) expect(attempt(sim, url)).toMatchObject({ ok: false, status: 404 });
    expect(sim.connect({ url: '/chat', kind: 'socketio', auth: { token: 'demo' } }, new RecordingSink())).toEqual({ ok: false, status: 404, message: 'Invalid namespace' });
  });

  it("checks the Origin like AllowedHostsOriginValidator (default hosts, custom lists, '*', off)", () => {
    const sim = make();
    for (const origin of ['http://localhost:3000', 'https://127.0.0.1', 'http://[::1]:8080', 'http://LOCALHOST']) expect(attempt(sim, '/ws/orders/101/', { origin }).ok).toBe(true);
    for (const origin of [undefined, '', 'null', 'http://example.com', 'http://localhost.evil.com', 'localhost']) expect(attempt(sim, '/ws/orders/101/', { origin })).toMatchObject({ ok: false, status: 403 });
    const custom = make({ allowedOrigins: ['.example.com'] });
    expect(attempt(custom, '/ws/orders/101/', { origin: 'https://app.example.com' }).ok).toBe(true);
    expect(attempt(custom, '/ws/orders/101/', { origin: 'https://example.com' }).ok).toBe(true);
    expect(attempt(custom, '/ws/orders/101/', { origin: ORIGIN }).ok).toBe(false);
    const any = make({ allowedOrigins: ['*'] });
    expect(attempt(any, '/ws/orders/101/', { origin: 'https://anything.test' }).ok).toBe(true);
    expect(attempt(any, '/ws/orders/101/', { origin: undefined }).ok).toBe(false);
    const off = make({ allowedOrigins: false });
    expect(attempt(off, '/ws/orders/101/', { origin: undefined }).ok).toBe(true);
    // Socket.IO is not behind Django's validator.
    expect(sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'demo' }, origin: 'https://evil.test' }, new RecordingSink()).ok).toBe(true);
  });

  it('accepts every demo token where the real backend would', () => {
    const sim = make();
    for (const token of Object.values(demoTokens)) {
      expect(attempt(sim, `/ws/notifications/?token=${token}`).ok).toBe(true);
      expect(attempt(sim, `/ws/chat/?token=${token}`).ok).toBe(true);
      expect(sim.connect({ url: '/admin', kind: 'socketio', auth: { token } }, new RecordingSink()).ok).toBe(true);
      expect(attempt(sim, `/ws/admin/dashboard/?token=${token}`).ok).toBe(token === 'admin' || token === 'staff');
    }
  });

  it('sends nothing before start(), and lists only started sessions', () => {
    const sim = make();
    const sink = new RecordingSink();
    const result = sim.connect({ url: '/ws/notifications/?token=demo', origin: ORIGIN, kind: 'websocket' }, sink);
    expect(result.ok && sink.frames).toEqual([]);
    expect(sim.sessions()).toEqual([]);
    if (result.ok) result.session.start();
    join(sim, '/ws/orders/101/');
    join(sim, '/ws/admin/dashboard/?token=admin');
    expect(sim.sessions()).toEqual([
      { id: 1, backend: 'notifications', userId: '1' },
      { id: 2, backend: 'orderStream', userId: null },
      { id: 3, backend: 'admin', userId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    if (result.ok) result.session.closed();
    expect(sim.sessions().map((s) => s.id)).toEqual([2, 3]);
  });
});

describe('faults', () => {
  it('dropAll closes every session with the given code (default 1001), without goodbyes', () => {
    const sim = make();
    const clients = [join(sim, '/ws/orders/101/'), join(sim, '/ws/chat/?token=demo'), join(sim, '/ws/admin/dashboard/?token=admin'), join(sim, '/ws/admin/dashboard/?token=staff')];
    const io = new RecordingSink();
    const r = sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'demo' } }, io);
    if (r.ok) r.session.start();
    clients.forEach((c) => c.sink.clear());
    expect(sim.faults.dropAll()).toBe(5);
    for (const c of clients) expect(c.sink.closes).toEqual([{ code: 1001, reason: expect.any(String) }]);
    expect(io.closes.map((c) => c.code)).toEqual([1001]);
    expect(clients.every((c) => c.sink.frames.length === 0)).toBe(true); // no admin_left storm
    expect(sim.sessions()).toEqual([]);
    // Later broadcasts reach nobody; a transport reporting the close is harmless.
    sim.emit.orderUpdate({ order_id: 101, progress: 1 });
    clients[0]!.session.closed();
    expect(clients[0]!.sink.frames).toEqual([]);
    const again = join(sim, '/ws/orders/101/');
    expect(sim.faults.dropAll(1012)).toBe(1);
    expect(again.sink.closes.map((c) => c.code)).toEqual([1012]);
  });

  it('dropAll also closes a session accepted but not yet started, once it starts', () => {
    const sim = make();
    const sink = new RecordingSink();
    const result = sim.connect({ url: '/ws/notifications/?token=demo', origin: ORIGIN, kind: 'websocket' }, sink);
    expect(sim.faults.dropAll(1006)).toBe(1);
    if (result.ok) result.session.start();
    expect(sink.frames).toEqual([]);
    expect(sink.closes.map((c) => c.code)).toEqual([1006]);
  });

  it('refuseHandshakes refuses every new connect with that status until null', () => {
    const sim = make();
    const open = join(sim, '/ws/orders/101/');
    sim.faults.refuseHandshakes(403);
    expect(attempt(sim, '/ws/orders/101/')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/nowhere/')).toMatchObject({ ok: false, status: 403 });
    expect(sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'demo' } }, new RecordingSink())).toMatchObject({ ok: false, status: 403, message: expect.any(String) });
    sim.faults.refuseHandshakes(503);
    expect(attempt(sim, '/ws/orders/101/')).toMatchObject({ ok: false, status: 503 });
    expect(open.sink.closes).toEqual([]); // open sessions are untouched
    sim.faults.refuseHandshakes(null);
    expect(attempt(sim, '/ws/orders/101/').ok).toBe(true);
    expect(() => sim.faults.refuseHandshakes(200)).toThrow(/HTTP error status/);
  });
});

describe('determinism and the scenario', () => {
  function record(seed: number, steps: number): { log: SimEvent[]; kinds: string[] } {
    const sim = make({ seed });
    const log: SimEvent[] = [];
    sim.onEvent((e) => log.push(e));
    join(sim, '/ws/orders/101/');
    join(sim, '/ws/orders/102/');
    join(sim, '/ws/orders/103/');
    join(sim, '/ws/notifications/?token=demo');
    join(sim, '/ws/chat/?token=demo').send({ receiver_id: 2, message: 'hello' });
    join(sim, '/ws/admin/dashboard/?token=admin').send({ type: 'get_stats' });
    const io = sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'demo' } }, new RecordingSink());
    if (io.ok) io.session.start();
    const kinds = Array.from({ length: steps }, () => sim.scenario.step());
    return { log, kinds };
  }

  it('the same seed gives exactly the same event log; another seed does not', () => {
    const a = record(7, 200);
    const b = record(7, 200);
    const c = record(8, 200);
    expect(a.log.length).toBeGreaterThan(150);
    expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    expect(JSON.stringify(c.log)).not.toBe(JSON.stringify(a.log));
    expect(a.log.some((e) => e.direction === 'in')).toBe(true);
    // Every kind of step happens, and every backend hears something.
    expect(new Set(a.kinds).size).toBe(10);
    expect(new Set(a.log.filter((e) => e.direction === 'out').map((e) => e.backend))).toEqual(new Set(['orderStream', 'timing', 'notifications', 'chat', 'admin']));
    for (const sim of sims) expect((sim as ReturnType<typeof checkedSimulator>).assertParsed()).toBeGreaterThan(150);
  });

  it('the same seed builds the same world; the clock advances a fixed amount per step', () => {
    const a = make({ seed: 3, scenarioStepMs: 250 });
    const b = make({ seed: 3 });
    expect(JSON.stringify([...a.world.users.values()])).toBe(JSON.stringify([...b.world.users.values()]));
    const start = a.clock.now();
    a.scenario.step();
    a.scenario.step();
    expect(a.clock.now() - start).toBe(500);
  });

  it('start() runs steps on an interval until stop(); dispose() stops it too', () => {
    vi.useFakeTimers();
    const sim = make();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    const seen: SimEvent[] = [];
    sim.onEvent((e) => seen.push(e));
    const t0 = sim.clock.now();
    sim.scenario.start({ ratePerSecond: 4 });
    expect(sim.scenario.running).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(sim.clock.now() - t0).toBe(4000);
    sim.scenario.stop();
    expect(sim.scenario.running).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(sim.clock.now() - t0).toBe(4000);
    sim.scenario.start();
    vi.advanceTimersByTime(1000);
    expect(sim.clock.now() - t0).toBe(6000);
    sim.dispose();
    expect(sim.scenario.running).toBe(false);
    expect(() => sim.scenario.start({ ratePerSecond: 0 })).toThrow(/ratePerSecond/);
    expect(a.sink.closes).toEqual([]);
  });

  it('the dialect check catches a frame the kit would reject', () => {
    const sim = createSimulator();
    sims.push(sim);
    const checked = make();
    join(checked, '/ws/orders/101/');
    checked.emit.raw('orderStream', '{"type":"order.update"}');
    expect(() => checked.assertParsed()).toThrow();
    // raw() reaches every live session of that backend, as is.
    const a = join(sim, '/ws/orders/101/');
    const b = join(sim, '/ws/orders/105/');
    expect(sim.emit.raw('orderStream', 'hello')).toBe(2);
    expect(a.sink.frames.at(-1)).toBe('hello');
    expect(b.sink.frames.at(-1)).toBe('hello');
    sims.splice(sims.indexOf(checked), 1);
    checked.dispose();
  });
});
