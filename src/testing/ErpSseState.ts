/** What Redis holds for the ERP chat, and whether it is reachable. */
export class ErpSseState {
  /** The `online_users` set (no TTL: only a stream's end removes a user). */
  readonly onlineSet = new Set<string>();
  /** The `online:user:<id>` keys: when each expires, in simulated ms. */
  readonly onlineUntil = new Map<string, number>();
  /** Per stream (hub session id): simulated ms of its last heartbeat. */
  readonly lastHeartbeat = new Map<number, number>();
  redisDown = false;
}
