import json
from urllib.parse import parse_qs

import jwt
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from .services import dashboard_stats, pending_count

GROUP = 'admin_dashboard'


class AdminDashboardConsumer(AsyncWebsocketConsumer):
    """ws/admin/dashboard/?token=<simplejwt access>: staff only, group `admin_dashboard`."""

    async def connect(self):
        self.user = None
        token = parse_qs(self.scope['query_string'].decode()).get('token', [None])[0]
        if not token:
            await self.close(code=4001)
            return
        if settings.DEPLOYED:
            # Deployed: every token error (expired, bad signature, malformed) ends in an
            # UnboundLocalError before accept, so daphne answers HTTP 500, never 403.
            payload = jwt.decode(token, settings.SIMPLE_JWT['SIGNING_KEY'], algorithms=['HS256'])
        else:
            try:
                payload = jwt.decode(token, settings.SIMPLE_JWT['SIGNING_KEY'], algorithms=['HS256'])
            except (jwt.ExpiredSignatureError, jwt.InvalidSignatureError):
                await self.close(code=4001)
                return
        # The real server's bug, kept on purpose: a malformed token raises jwt.DecodeError,
        # which nothing catches, so connect() crashes before accept and daphne answers 500.
        if payload.get('token_type') != 'access':
            await self.close(code=4001)
            return
        user = await self.get_user(payload.get('user_id'))
        if user is None:
            await self.close(code=4001)
            return
        if not user.is_staff:
            await self.close(code=4003)
            return
        self.user = user
        await self.channel_layer.group_add(GROUP, self.channel_name)
        await self.accept()
        await self.send_json({
            'type': 'connection_established',
            'message': 'Connected to admin dashboard',
            'user': {
                'id': str(user.uuid),
                'username': user.username,
                'email': user.email,
                'is_staff': user.is_staff,
                'is_superuser': user.is_superuser,
            },
        })
        await self.channel_layer.group_send(GROUP, {
            'type': 'admin_joined', 'user_id': str(user.uuid), 'username': user.username, 'sender_channel_name': self.channel_name,
        })

    async def disconnect(self, code):
        if self.user is None:
            return
        await self.channel_layer.group_send(GROUP, {
            'type': 'admin_left', 'user_id': str(self.user.uuid), 'username': self.user.username, 'sender_channel_name': self.channel_name,
        })
        await self.channel_layer.group_discard(GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            data = json.loads(text_data)
        except (json.JSONDecodeError, TypeError):
            await self.send_json({'type': 'error', 'message': 'Invalid JSON'})
            return
        # Only JSON errors are caught: a non-object frame raises here, after accept (1011).
        message_type = data.get('type')
        if message_type == 'ping':
            await self.send_json({'type': 'pong', 'timestamp': data.get('timestamp')})
        elif message_type == 'get_stats':
            await self.send_json({'type': 'stats_update', 'data': await database_sync_to_async(dashboard_stats)()})
        elif message_type == 'get_pending_count':
            await self.send_json({'type': 'pending_count', 'count': await database_sync_to_async(pending_count)()})
        elif message_type == 'subscribe_approval_updates':
            await self.send_json({'type': 'subscribed', 'channel': 'approval_updates'})
        else:
            await self.send_json({'type': 'error', 'message': f'Unknown message type: {message_type}'})

    # Group events.
    async def admin_joined(self, event):
        await self.forward_to_others(event)

    async def admin_left(self, event):
        await self.forward_to_others(event)

    async def approval_update(self, event):
        await self.send_json(event)

    async def pending_count_update(self, event):
        await self.send_json(event)

    async def new_user(self, event):
        await self.send_json(event)

    async def order_update(self, event):
        await self.send_json(event)

    # No handler for `new_notification` (deployed mode sends one per registration): Channels
    # raises "No handler for message type new_notification" and the socket closes with 1011.

    async def forward_to_others(self, event):
        if event.get('sender_channel_name') == self.channel_name:
            return
        await self.send_json({'type': event['type'], 'user_id': event['user_id'], 'username': event['username']})

    async def send_json(self, content):
        await self.send(text_data=json.dumps(content))

    @database_sync_to_async
    def get_user(self, user_id):
        User = get_user_model()
        try:
            return User.objects.get(uuid=user_id, is_active=True)
        except (User.DoesNotExist, ValidationError, ValueError, TypeError):
            return None
