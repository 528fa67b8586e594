"""
Deployed mode: GET /api/v1/communication/sse/events/, the ERP chat's Server-Sent Events stream.

The real server writes it from a sync generator that blocks on a Redis listen. Under Django
3.2's ASGI handler a streaming response is iterated inside the event loop, so that would freeze
daphne; this is an AsyncHttpConsumer on redis.asyncio instead, with the same bytes on the wire:

- always HTTP 200 `text/event-stream`; a bad or missing token, or Redis unavailable when the
  stream opens, gives one `error` event and the response ends;
- otherwise `connected {status, user_id}`, then every event published to `user:<uuid>`,
  each followed by a `heartbeat` only if the last one is older than the interval: an idle
  stream sends nothing at all;
- presence: online (set + 300 s key) once `connected` is written, refreshed per event, removed
  when the stream ends; a final `disconnected` is attempted. If Redis drops while the stream is
  open, the stream sends that `disconnected` and ends.
"""
import asyncio
import json
import logging
import time
from urllib.parse import parse_qs

import redis.asyncio as aioredis
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.http import AsyncHttpConsumer
from redis.exceptions import RedisError
from rest_framework.authtoken.models import Token

from .pubsub import ONLINE_TTL, ONLINE_USERS, REDIS_HOST, REDIS_PORT, STREAM_SETTINGS, online_key, sse_frame, user_channel

logger = logging.getLogger('refsite.erp')

SSE_PATH = r'^api/v1/communication/sse/events/$'
REFUSAL_HEADERS = [(b'Content-Type', b'text/event-stream'), (b'Cache-Control', b'no-cache')]
STREAM_HEADERS = REFUSAL_HEADERS + [(b'X-Accel-Buffering', b'no'), (b'Connection', b'keep-alive')]


def token_from(scope):
    """`?token=`, else `Authorization: Token <key>` or `Authorization: Bearer <key>`."""
    values = parse_qs(scope.get('query_string', b'').decode('latin-1')).get('token')
    if values and values[-1]:
        return values[-1]
    header = dict(scope.get('headers', [])).get(b'authorization', b'').decode('latin-1')
    for scheme in ('Token ', 'Bearer '):
        if header.startswith(scheme):
            return header.replace(scheme, '')
    return None


@database_sync_to_async
def user_for(key):
    token = Token.objects.select_related('user').filter(key=key).first()
    return token.user if token else None


class ChatEventStream(AsyncHttpConsumer):
    """
    The stream runs in a task so that this consumer keeps reading its connection. On
    http.disconnect the task is told to stop (not cancelled: a cancellation can land inside a
    redis.asyncio 4.3 command, which may swallow it and leave the stream listening for ever); it
    notices within POLL_SECONDS, marks the user offline and closes its Redis connections.
    """

    # No channel layer: this consumer listens to the HTTP connection and its own Redis pub/sub only.
    channel_layer_alias = 'erp-sse-without-channel-layer'
    POLL_SECONDS = 0.25
    STOP_TIMEOUT = 5

    async def __call__(self, scope, receive, send):
        self.stream = None
        self.client_gone = asyncio.Event()
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self.end_stream()

    async def http_request(self, message):
        self.body.append(message.get('body', b''))
        if message.get('more_body'):
            return
        self.stream = asyncio.ensure_future(self.serve())

    async def http_disconnect(self, message):
        await self.end_stream()
        raise StopConsumer()

    async def end_stream(self):
        self.client_gone.set()
        task, self.stream = self.stream, None
        if task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(task), self.STOP_TIMEOUT)
        except asyncio.TimeoutError:
            logger.warning('ERP event stream did not stop within %s s; cancelling it', self.STOP_TIMEOUT)
            task.cancel()
        except Exception:  # already logged by serve()
            pass

    async def refuse(self, error):
        await self.send_headers(status=200, headers=REFUSAL_HEADERS)
        await self.send_body(sse_frame('error', {'error': error}))

    async def serve(self):
        try:
            await self.serve_stream()
        except Exception:
            logger.exception('ERP event stream failed')
            raise

    async def serve_stream(self):
        if self.scope['method'] != 'GET':
            await self.send_response(405, b'', headers=[(b'Allow', b'GET'), (b'Content-Type', b'text/html; charset=utf-8')])
            return
        key = token_from(self.scope)
        user = await user_for(key) if key else None
        if user is None:
            await self.refuse('Unauthorized')
            return
        user_id = str(user.uuid)
        redis = aioredis.Redis(host=REDIS_HOST, port=REDIS_PORT, decode_responses=True, socket_connect_timeout=5)
        pubsub = redis.pubsub()
        try:
            try:
                await pubsub.subscribe(user_channel(user_id))
            except (RedisError, OSError):
                await self.refuse('Redis not available')
                return
            await self.send_headers(status=200, headers=STREAM_HEADERS)
            await self.send_body(sse_frame('connected', {'status': 'connected', 'user_id': user_id}), more_body=True)
            try:
                await self.relay(redis, pubsub, user_id)
            finally:
                await self.set_offline(redis, user_id)
                await self.send_body(sse_frame('disconnected', {'status': 'disconnected'}))
        finally:
            await self.close_redis(redis, pubsub)

    async def relay(self, redis, pubsub, user_id):
        await self.set_online(redis, user_id)
        last_heartbeat = time.time()
        try:
            while not self.client_gone.is_set():
                item = await pubsub.get_message(ignore_subscribe_messages=True, timeout=self.POLL_SECONDS)
                if item is None or item.get('type') != 'message':
                    continue
                try:
                    published = json.loads(item['data'])
                    event, data = published.get('event', 'message'), published.get('data', {})
                except (ValueError, AttributeError):
                    continue
                await self.set_online(redis, user_id)
                await self.send_body(sse_frame(event, data), more_body=True)
                now = time.time()
                if now - last_heartbeat > STREAM_SETTINGS['heartbeat_seconds']:
                    await self.send_body(sse_frame('heartbeat', {'timestamp': now}), more_body=True)
                    last_heartbeat = now
        except (RedisError, OSError) as e:
            logger.info('ERP event stream of %s lost Redis: %s', user_id, e)

    @staticmethod
    async def set_online(redis, user_id):
        try:
            await redis.sadd(ONLINE_USERS, user_id)
            await redis.setex(online_key(user_id), ONLINE_TTL, '1')
        except (RedisError, OSError):
            pass

    @staticmethod
    async def set_offline(redis, user_id):
        try:
            await redis.srem(ONLINE_USERS, user_id)
            await redis.delete(online_key(user_id))
        except (RedisError, OSError):
            pass

    @staticmethod
    async def close_redis(redis, pubsub):
        for close in (pubsub.reset, redis.close, redis.connection_pool.disconnect):
            try:
                await close()
            except (RedisError, OSError):
                pass
