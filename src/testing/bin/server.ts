/**
 * `npm run server`: the simulator of all five backends on one port, with live traffic.
 * Flags: --port 8000  --host 127.0.0.1  --seed 1  --rate 2  --quiet-traffic  --documented-timing
 *        --notifications smarthunt|notify|erp  --any-origin
 */
import { parseArgs } from 'node:util';
import { createSimulatorServer } from '../createSimulatorServer';
import { demoUsers } from '../demoTokens';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8000' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    rate: { type: 'string', default: '2' },
    'quiet-traffic': { type: 'boolean', default: false },
    'documented-timing': { type: 'boolean', default: false },
    notifications: { type: 'string', default: 'smarthunt' },
    'any-origin': { type: 'boolean', default: false },
  },
});

function number(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a non-negative number (got ${text}).`);
    process.exit(2);
  }
  return value;
}

const kinds = ['smarthunt', 'notify', 'erp'] as const;
const notifications = values.notifications as (typeof kinds)[number];
if (!kinds.includes(notifications)) {
  console.error(`--notifications must be one of ${kinds.join(', ')} (got ${values.notifications}).`);
  process.exit(2);
}

const server = await createSimulatorServer({
  port: number('port', values.port),
  host: values.host,
  seed: number('seed', values.seed),
  scenario: values['quiet-traffic'] ? false : { ratePerSecond: number('rate', values.rate) },
  shapes: { timing: values['documented-timing'] ? 'documented' : 'real', notifications },
  allowedOrigins: values['any-origin'] ? ['*'] : undefined,
}).catch((error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ` Port ${values.port} is taken: pass --port 0 for any free port, or --port <n>.` : '';
  console.error(`The simulator could not start: ${error.message}.${hint}`);
  process.exit(1);
});

// Ctrl-C is handled before the banner says so: a signal right after it must stop cleanly.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}

const timing = values['documented-timing'] ? `${server.url}/admin?token=<token>   (raw WebSocket, documented shapes)` : `${server.httpUrl}/admin   (Socket.IO namespace, auth: { token })`;
console.log(`react-realtime-kit simulator listening on ${server.httpUrl}

WebSocket endpoints:
  ${server.url}/ws/orders/<id>/                per-order stream (orders 101-106)
  ${timing}
  ${server.url}/ws/notifications/?token=<token> notifications (${notifications})
  ${server.url}/ws/chat/?token=<token>          chat
  ${server.url}/ws/admin/dashboard/?token=<token>  admin dashboard (staff only)

ERP chat over Server-Sent Events + REST (user ids are the UUIDs below):
  ${server.httpUrl}/api/v1/communication/sse/events/?token=<token>
  ${server.httpUrl}/api/v1/communication/chats/   (Authorization: Token <token>)

REST: ${server.httpUrl}/api/orders, /api/admin/orders, /api/v1/admin-dashboard/...

Demo tokens:
${Object.entries(demoUsers)
  .map(([token, user]) => `  ${token.padEnd(9)} user ${String(user.id).padEnd(36)} ${user.username.padEnd(6)} ERP ${user.uuid}${user.is_staff ? ' (staff)' : ''}`)
  .join('\n')}

Traffic: ${values['quiet-traffic'] ? 'off' : `${values.rate} events/s (seed ${values.seed})`}. Ctrl-C stops.`);
