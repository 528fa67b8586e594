"""
Deployed mode's ERP chat transport, as the real server keeps it in Redis: one pub/sub channel
per user (`user:<uuid>`) carrying `{"event": <type>, "data": {...}}` JSON, and presence as the
set `online_users` plus a key `online:user:<uuid>` that lives 300 s.

Sync side (REST views, test control): every Redis failure is logged and swallowed, as the real
server's helpers do, so a send still saves its message while Redis is down.
"""
import json
import logging
import os

import redis

logger = logging.getLogger('refsite.erp')

REDIS_HOST = '127.0.0.1'
REDIS_PORT = int(os.environ.get('REFSITE_REDIS_PORT', '6379'))
ONLINE_USERS = 'online_users'
ONLINE_TTL = 300

# Seconds between heartbeats, checked only after an event is written. The test control surface
# may change it in the running server (see testcontrol); a restart brings back the default.
STREAM_SETTINGS = {'heartbeat_seconds': float(os.environ.get('REFSITE_ERP_SSE_HEARTBEAT', '30'))}


def user_channel(user_id):
    return f'user:{user_id}'


def online_key(user_id):
    return f'online:user:{user_id}'


def sse_frame(event, data):
    """One server-sent event: `event:` and `data:` lines, no id, no retry."""
    return f'event: {event}\ndata: {json.dumps(data, default=str)}\n\n'.encode()


_client = None


def client():
    """One shared sync client; connections are made per command, so it survives a Redis restart."""
    global _client
    if _client is None:
        _client = redis.Redis(
            host=REDIS_HOST, port=REDIS_PORT, decode_responses=True,
            socket_connect_timeout=5, socket_timeout=5, retry_on_timeout=True,
        )
    return _client


def publish(user_id, event, data):
    """Publish to the user's channel; returns how many streams got it, or None when Redis failed."""
    try:
        return client().publish(user_channel(user_id), json.dumps({'event': event, 'data': data}, default=str))
    except (redis.RedisError, OSError) as e:
        logger.info('Redis unavailable, %s to %s not published: %s', event, user_id, e)
        return None


def is_online(user_id):
    try:
        return client().exists(online_key(user_id)) > 0
    except (redis.RedisError, OSError):
        return False


def online_users():
    try:
        return sorted(client().smembers(ONLINE_USERS))
    except (redis.RedisError, OSError):
        return []


def presence(user_id):
    """
    What Redis holds about one user (for tests): set membership, the key's TTL (-2: no key) and
    how many connections are subscribed to the user's channel (open streams).
    """
    r = client()
    [(_, subscribers)] = r.pubsub_numsub(user_channel(user_id))
    return {'in_set': bool(r.sismember(ONLINE_USERS, str(user_id))), 'ttl': r.ttl(online_key(user_id)), 'subscribers': subscribers}
