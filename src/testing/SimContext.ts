/** What every part of the simulator shares: resolved options, world, clock, sessions, fault switches. */
import type { SimClock } from './createSimClock';
import type { ErpSseState } from './ErpSseState';
import type { Random } from './createRandom';
import type { SimHub } from './SimHub';
import type { SimWorld } from './SimWorld';
import type { SimShapes } from './types';

/** {@link SimulatorOptions} with every default filled in. */
export interface ResolvedSimulatorOptions {
  seed: number;
  startTime: string;
  clock: 'real' | 'manual';
  shapes: Required<SimShapes>;
  allowedOrigins: string[] | false;
  botReplyDelayMs: number | false;
  scenarioStepMs: number;
  erpReadReceipts: boolean;
}

export interface SimContext {
  readonly options: ResolvedSimulatorOptions;
  readonly world: SimWorld;
  readonly clock: SimClock;
  readonly random: Random;
  readonly hub: SimHub;
  readonly faults: { refuseStatus: number | null; pingsSilenced: boolean };
  /** The ERP chat's Redis: presence keys, heartbeat times, whether it is reachable. */
  readonly erp: ErpSseState;
  /** A real-time timer that `dispose()` cancels. */
  later(fn: () => void, ms: number): void;
}

/** Split `path?query` and read the query the way Django's `parse_qs` does (first value wins). */
export function splitUrl(url: string): { path: string; query: Record<string, string> } {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query: Record<string, string> = {};
  if (at >= 0) {
    for (const part of url.slice(at + 1).split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = decode(eq < 0 ? part : part.slice(0, eq));
      if (!Object.hasOwn(query, key)) query[key] = decode(eq < 0 ? '' : part.slice(eq + 1));
    }
  }
  return { path: path.split('#')[0] ?? path, query };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Channels' `AllowedHostsOriginValidator`: the Origin's host must match ALLOWED_HOSTS
 * (`'*'` any host, `.example.com` the domain and its subdomains). A missing Origin is refused.
 */
export function originAllowed(origin: string | undefined, allowed: string[] | false): boolean {
  if (allowed === false) return true;
  if (!origin) return false;
  const match = /^[a-z][a-z0-9+.-]*:\/\/(\[[0-9a-f:.]+\]|[^/:?#[\]@]+)(?::\d*)?(?:[/?#]|$)/i.exec(origin.trim());
  if (!match) return false;
  const host = match[1]!.toLowerCase().replace(/\.$/, '');
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('.')) return host === p.slice(1) || host.endsWith(p);
    return host === p;
  });
}

/** Decode a client frame the way `json.loads` would: the value, or `undefined` when it is not JSON. */
export function loadsJson(frame: unknown): { ok: true; value: unknown } | { ok: false } {
  const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A JSON object, or null (a list, a string… on which a Python consumer's `data.get` crashes). */
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** How Python's f-string prints a JSON value: `None`, `True`, `5`, `abc`. */
export function pyStr(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Python truthiness of a JSON value. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

/** A display name for chat frames: the full name, else the username. */
export function displayName(user: { first_name: string; last_name: string; username: string }): string {
  return `${user.first_name} ${user.last_name}`.trim() || user.username;
}
