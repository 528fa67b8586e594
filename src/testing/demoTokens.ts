/**
 * The simulator's built-in credentials. Each token stands for one demo user and is valid on
 * every backend the way that backend's real token would be (a JWT on SmartHunt, Timing and the
 * admin dashboard, a DRF key on the ERP chat and notices). Any other token is refused the way
 * the real backend refuses it; a token starting with `malformed` crashes the admin endpoint
 * (HTTP 500), as a malformed simplejwt token crashes the real one.
 */
export const demoTokens = {
  /** A customer: user id `1`, username `demo`. Not staff, so the admin dashboard refuses it (403). */
  demo: 'demo',
  /** User id `2`, username `sam`: a chat peer of `demo`, and a bot that answers chat messages. */
  peer: 'peer',
  /** User id `5`, username `noor`: a person (not a bot), so `demo` and `classmate` can chat with each other. */
  classmate: 'classmate',
  /** Staff and superuser, UUID id {@link demoUsers}`.admin.id`, username `admin`. */
  admin: 'admin',
  /** A second staff user (not superuser), username `staff`, for multi-admin scenarios. */
  staff: 'staff',
} as const;

/** The name of a demo token. */
export type DemoTokenName = keyof typeof demoTokens;

/**
 * The demo users behind {@link demoTokens}: fixed ids, so apps and tests can refer to them.
 * `uuid` is the user's id on the ERP chat over SSE + REST (`receiver_id`, `sender_id`, the URL
 * of a conversation's history).
 */
export const demoUsers = {
  demo: { id: 1, uuid: '3f6c2a9e-1b7d-4c58-9e2a-6d1f0b8c4a71', username: 'demo', email: 'demo@example.com', is_staff: false, is_superuser: false },
  peer: { id: 2, uuid: '7b9e4d12-5c3a-4f86-a1d0-2e8c6f4b9a35', username: 'sam', email: 'sam@example.com', is_staff: false, is_superuser: false },
  classmate: { id: 5, uuid: '9d4f1b6a-8e2c-4b37-a5f9-0c7e3d2b8a14', username: 'noor', email: 'noor@example.com', is_staff: false, is_superuser: false },
  admin: { id: '8d3c5a1e-2f47-4b9a-8e61-0c2d4f6a8b1c', uuid: '8d3c5a1e-2f47-4b9a-8e61-0c2d4f6a8b1c', username: 'admin', email: 'admin@example.com', is_staff: true, is_superuser: true },
  staff: { id: '5f1b7c2d-9e3a-4d68-b0c4-7a2e9f1d3b5e', uuid: '5f1b7c2d-9e3a-4d68-b0c4-7a2e9f1d3b5e', username: 'staff', email: 'staff@example.com', is_staff: true, is_superuser: false },
} as const;
