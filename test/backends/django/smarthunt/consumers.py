import json
import logging
from urllib.parse import parse_qs

import jwt
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import Notification

logger = logging.getLogger('refsite.smarthunt')


class NotificationConsumer(AsyncWebsocketConsumer):
    """ws/notifications/?token=<jwt>: SmartHunt's notifications, unread counts and user events."""

    async def connect(self):
        self.user = await self.authenticate()
        if self.user is None:
            # Before accept: daphne answers the handshake with HTTP 403.
            await self.close(code=4001)
            return
        self.group_name = f'user_{self.user.id}'
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        await self.send_json({
            'type': 'connection_established',
            'user_id': self.user.id,
            'username': self.user.username,
            'timestamp': timezone.now().isoformat(),
        })
        await self.send_unread_count()

    async def disconnect(self, code):
        if getattr(self, 'group_name', None):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            data = json.loads(text_data)
        except (json.JSONDecodeError, TypeError):
            await self.send_error('Invalid JSON format')
            return
        try:
            message_type = data.get('type')
            if message_type == 'mark_read':
                await self.handle_mark_read(data)
            elif message_type == 'mark_all_read':
                marked = await self.mark_all_read()
                await self.send_json({'type': 'mark_all_read_response', 'marked_count': marked})
                await self.send_unread_count()
            elif message_type == 'get_unread_count':
                await self.send_unread_count()
            elif message_type == 'ping':
                await self.send_json({'type': 'pong', 'timestamp': timezone.now().isoformat()})
            else:
                await self.send_error(f'Unknown message type: {message_type}')
        except Exception:  # the consumer's catch-all: the client sees a generic error
            logger.exception('notification consumer failed')
            await self.send_error('Internal server error')

    async def handle_mark_read(self, data):
        notification_id = data.get('notification_id')
        if notification_id is None:
            await self.send_error('notification_id is required')
            return
        success = await self.mark_read(int(notification_id))
        await self.send_json({'type': 'mark_read_response', 'notification_id': notification_id, 'success': success})
        await self.send_unread_count()

    # Group events (sent by signals to user_<id>): forwarded as they are.
    async def notification(self, event):
        await self.send_json(event)

    async def chat_message(self, event):
        await self.send_json(event)

    async def booking_update(self, event):
        await self.send_json(event)

    async def unread_count(self, event):
        await self.send_json(event)

    async def send_json(self, content):
        await self.send(text_data=json.dumps(content))

    async def send_error(self, message):
        await self.send_json({'type': 'error', 'message': message})

    async def send_unread_count(self):
        await self.send_json({'type': 'unread_count', 'count': await self.count_unread()})

    async def authenticate(self):
        token = parse_qs(self.scope['query_string'].decode()).get('token', [None])[0]
        if not token:
            return None
        try:
            payload = jwt.decode(token, settings.SECRET_KEY, algorithms=['HS256'])
        except jwt.InvalidTokenError:
            return None
        return await self.get_user(payload.get('user_id'))

    @database_sync_to_async
    def get_user(self, user_id):
        try:
            return get_user_model().objects.get(id=user_id, is_active=True)
        except (get_user_model().DoesNotExist, ValueError, TypeError, ValidationError):
            return None

    @database_sync_to_async
    def count_unread(self):
        return Notification.objects.filter(recipient=self.user, is_read=False).count()

    @database_sync_to_async
    def mark_read(self, notification_id):
        return Notification.objects.filter(id=notification_id, recipient=self.user, is_read=False).update(is_read=True) > 0

    @database_sync_to_async
    def mark_all_read(self):
        return Notification.objects.filter(recipient=self.user, is_read=False).update(is_read=True)


class ShadowingNotificationConsumer(NotificationConsumer):
    """
    Deployed mode: the chatbot app's ws/notifications/ consumer, whose route is listed first and
    wins. It joins user_<id> and accepts, then sends nothing: no greeting, no unread_count, no
    pong (it has no receive). Its only group handler is `notify`, so a `chat_message` or
    `booking_update` sent to the group closes it with 1011 ("No handler for message type").
    """

    async def connect(self):
        self.user = await self.authenticate()
        if self.user is None:
            await self.close()
            return
        self.group_name = f'user_{self.user.id}'
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def receive(self, text_data=None, bytes_data=None):
        return

    async def notify(self, event):
        await self.send_json(event)

    chat_message = None
    booking_update = None
    notification = None
    unread_count = None
