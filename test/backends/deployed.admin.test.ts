/**
 * The kit against the reference server in deployed mode (REFSITE_MODE=deployed): the admin
 * dashboard as `syedgazanfar/invitation` runs at its latest commit (PROTOCOLS.md, last
 * section). Each test shows one of the server's quirks and what a user of the kit sees.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type RealtimeClientOptions, adminBackend, approveUser, loadPendingUsers, rejectUser } from 'react-realtime-kit';
import { clientFor, type TestClient } from '../helpers/clientFor';
import { until } from '../helpers/until';
import type { DjangoBackend, DjangoTokens } from './startDjangoBackend';
import { adminLoaded, handshake as probe } from './djangoProbes';
import { useDjangoBackend } from './useDjangoBackend';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KOLKATA = { admin: { timeZone: 'Asia/Kolkata' } };

const live = useDjangoBackend('deployed');
let backend: DjangoBackend;
let tokens: DjangoTokens;
beforeAll(() => void ({ backend, tokens } = live));

function connect(options: RealtimeClientOptions = {}): TestClient {
  return clientFor(backend, { apiUrl: backend.httpUrl, token: tokens.admin.staff, backends: KOLKATA, ...options });
}

const loaded = adminLoaded;
const handshake = (path: string) => probe(backend.url, path, 'http://127.0.0.1');

async function register(prefix: string): Promise<{ id: string; username: string }> {
  const username = `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const user = await backend.control<{ id: string }>('register/', { username });
  return { id: user.id, username };
}

describe('deployed admin dashboard (REFSITE_MODE=deployed)', () => {

  it('loads the dashboard from the {success, count, data} pending list', async () => {
    const handle = connect();
    handle.client.subscribe(adminBackend);
    const admin = await until(loaded(handle), 'the dashboard');
    // The seeded rejected user is still pending on this server.
    expect(admin.pendingUsers.map((u) => u.username)).toEqual(expect.arrayContaining(['carol_pending', 'dave_pending', 'erin_pending', tokens.users.rejected.username]));
    expect(admin.pendingCount).toBe(admin.pendingUsers.length);
    expect(handle.errors).toEqual([]);
  });

  it('reject needs a reason: without one the server answers 400 and the user comes back; with one it succeeds', async () => {
    const handle = connect();
    handle.client.subscribe(adminBackend);
    const before = await until(loaded(handle), 'the dashboard');
    const target = before.pendingUsers.find((u) => u.username === 'dave_pending')!;

    await expect(rejectUser(handle.client, target.id)).rejects.toMatchObject({ code: 'rest', status: 400 });
    expect(handle.errors.map((e) => e.message)).toContain(`POST /api/v1/admin-dashboard/users/${target.id}/reject/ answered 400: Rejection reason is required`);
    expect(handle.client.store.getState().admin.pendingUsers.some((u) => u.id === target.id)).toBe(true);

    handle.errors.length = 0;
    await rejectUser(handle.client, target.id, 'Duplicate account');
    expect(handle.errors).toEqual([]);
    // No approval_update comes, and the server keeps the rejected user pending: the kit
    // refetched the list, so it shows the server's truth rather than a list that looks done.
    const admin = handle.client.store.getState().admin;
    expect(admin.pendingUsers.find((u) => u.id === target.id)).toMatchObject({ approvalStatus: 'rejected' });
    expect(admin.activity.filter((a) => a.kind === 'rejected')).toEqual([]);
  });

  it('approve: no approval_update or pending_count_update is broadcast; the kit refetches the list and the count', async () => {
    const handle = connect();
    handle.client.subscribe(adminBackend);
    const before = await until(loaded(handle), 'the dashboard');
    const target = before.pendingUsers.find((u) => u.username === 'erin_pending')!;
    const count = before.pendingCount!;
    await approveUser(handle.client, target.id);
    await until(() => handle.client.store.getState().admin.pendingCount === count - 1, 'the refetched count');
    // Held for a moment: the refetched list does not bring the user back.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const admin = handle.client.store.getState().admin;
    expect(admin.pendingUsers.some((u) => u.id === target.id)).toBe(false);
    expect(admin.pendingCount).toBe(count - 1);
    expect(admin.activity.filter((a) => a.kind === 'approved')).toEqual([]);
    expect(handle.errors).toEqual([]);
  });

  it('a registration closes every admin socket with 1011 (stray new_notification); the kit reconnects and resyncs, one activity entry', async () => {
    const handle = connect();
    handle.client.subscribe(adminBackend);
    const start = await until(loaded(handle), 'the dashboard');
    const reconnects = handle.client.stats.reconnects;
    const user = await register('deployed');
    await until(() => handle.client.stats.reconnects > reconnects, 'the reconnect after 1011');
    await until(() => handle.client.store.getState().connections['admin']?.status === 'open', 'open again');
    await until(() => handle.client.store.getState().admin.pendingUsers.some((u) => u.id === user.id), 'the new user in the list');
    await until(() => handle.client.store.getState().admin.pendingCount === start.pendingCount! + 1, 'the resynced count');
    const entries = handle.client.store.getState().admin.activity.filter((a) => a.userId === user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.text).toBe(`${user.username} registered`);
    // Naive Asia/Kolkata time, read with backends.admin.timeZone: the right instant.
    expect(entries[0]!.timestamp).toMatch(ISO);
    expect(Math.abs(Date.parse(entries[0]!.timestamp) - Date.now())).toBeLessThan(60_000);
  });

  it('without the timeZone option a naive Asia/Kolkata time reads 5 h 30 late (why the option exists)', async () => {
    const handle = connect({ backends: {} });
    handle.client.subscribe(adminBackend);
    await until(loaded(handle), 'the dashboard');
    const user = await register('zoneless');
    const entry = await until(() => handle.client.store.getState().admin.activity.find((a) => a.userId === user.id), 'the new_user');
    const skew = Date.parse(entry.timestamp) - Date.now();
    expect(Math.abs(skew - 5.5 * 3_600_000)).toBeLessThan(60_000);
  });

  it('any token error is HTTP 500 at the handshake (not 403); the kit reports it once, clearly, and keeps trying', async () => {
    const [head, payload, signature] = tokens.admin.staff.split('.');
    const badSignature = `${head}.${payload}.${signature!.slice(0, 4)}${signature![4] === 'A' ? 'B' : 'A'}${signature!.slice(5)}`;
    expect(await handshake(`ws/admin/dashboard/?token=${encodeURIComponent(tokens.admin.malformed)}`)).toBe(500);
    expect(await handshake(`ws/admin/dashboard/?token=${encodeURIComponent(badSignature)}`)).toBe(500);
    const handle = connect({ token: badSignature });
    handle.client.subscribe(adminBackend);
    await until(() => (handle.client.store.getState().connections['admin']?.attempt ?? 0) >= 3, 'three failed attempts', 15_000);
    const refused = handle.errors.filter((e) => e.code === 'handshake-failed');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toMatch(/^admin: the handshake to ws:\/\/127\.0\.0\.1:\d+\/ws\/admin\/dashboard\/ failed before the socket opened\./);
    expect(refused[0]!.message).toContain('any bad, expired or malformed token with HTTP 500');
    expect(refused[0]!.message).not.toContain(badSignature);
    expect(handle.client.store.getState().connections['admin']).toMatchObject({ status: 'reconnecting', error: 'handshake failed' });
  });

  // The §5 conformance checks of django.test.ts that hold in both modes, run here in deployed mode.
  describe('unchanged from the documented server', () => {
    it('refuses a non-staff user: 403 at the handshake, handshake-failed in the kit, 403 over REST', async () => {
      expect(await handshake(`ws/admin/dashboard/?token=${encodeURIComponent(tokens.admin.nonStaff)}`)).toBe(403);
      const handle = connect({ token: tokens.admin.nonStaff });
      handle.client.subscribe(adminBackend);
      await until(() => handle.errors.some((e) => e.code === 'handshake-failed'), 'handshake-failed');
      await expect(loadPendingUsers(handle.client)).rejects.toMatchObject({ code: 'rest', status: 403 });
      expect(handle.client.store.getState().admin.me).toBeNull();
    });

    it("reports the server's error for an unknown command and keeps the socket", async () => {
      const handle = connect();
      handle.client.subscribe(adminBackend);
      await until(loaded(handle), 'the dashboard');
      handle.client.send(adminBackend, { type: 'launch_rockets' });
      const error = await until(() => handle.errors.find((e) => e.code === 'server-error'), 'the server error');
      expect(error.message).toBe('admin: the server said: Unknown message type: launch_rockets');
      expect(handle.client.connectionState(adminBackend)!.status).toBe('open');
    });

    it('keeps the socket alive with ping/pong heartbeats', async () => {
      const handle = connect({ heartbeat: { interval: 100, timeout: 1500 } });
      handle.client.subscribe(adminBackend);
      await until(loaded(handle), 'the dashboard');
      const frames = handle.client.stats.framesIn;
      await until(() => handle.client.stats.framesIn >= frames + 4, 'four pongs');
      expect(handle.errors).toEqual([]);
      expect(handle.client.stats.reconnects).toBe(0);
    });
  });
});
