import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth import get_user_model

from .models import ChatMessage


def chat_group(user_id):
    return f'erp_chat_{user_id}'


def notification_group(user_id):
    return f'erp_notifications_{user_id}'


class ChatConsumer(AsyncWebsocketConsumer):
    """
    ws/chat/?token=<key>: one-to-one chat. Inbound `{receiver_id, message, attachment?}` with no
    type; the sender gets `message_sent` (never an echo), the receiver `chat_message`. Unlike the
    real server, an inbound `client_id` is honoured as an idempotency key (see receive).
    """

    async def connect(self):
        self.user = self.scope['user']
        if self.user.is_anonymous:
            await self.close(code=4001)
            return
        self.room_group_name = chat_group(self.user.id)
        await self.channel_layer.group_add(self.room_group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, 'room_group_name', None):
            await self.channel_layer.group_discard(self.room_group_name, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        # As in the real consumer, bad JSON (or a non-object) is not caught: it closes with 1011.
        data = json.loads(text_data)
        receiver_id = data.get('receiver_id')
        message = data.get('message', '')
        attachment = data.get('attachment')
        # Not on the real server (it ignores unknown fields): `client_id`, the kit's idempotency
        # key. A repeat of a stored (sender, client_id) gets the stored message's ack and is
        # neither stored nor delivered again; acks and errors echo it.
        client_id = data.get('client_id')

        async def error(text):
            frame = {'type': 'error', 'error': text}
            if isinstance(client_id, str) and client_id:
                frame['client_id'] = client_id
            await self.send(text_data=json.dumps(frame))

        if not receiver_id:
            await error('receiver_id is required')
            return
        if not message and not attachment:
            await error('message or attachment is required')
            return

        result = await self.save_message(receiver_id, message, attachment, client_id)
        if result is None:
            await error('Failed to send message. Receiver not found.')
            return
        saved, created = result

        if created:
            await self.channel_layer.group_send(chat_group(saved.receiver_id), {
                'type': 'chat_message',
                'id': saved.id,
                'sender_id': self.user.id,
                'sender_name': self.user.display_name(),
                'message': saved.message,
                'attachment': saved.attachment or None,
                'timestamp': saved.timestamp.isoformat(),
            })
        ack = {'type': 'message_sent', 'id': saved.id}
        if saved.client_id:
            ack['client_id'] = saved.client_id
        await self.send(text_data=json.dumps(ack))

    async def chat_message(self, event):
        await self.send(text_data=json.dumps(event))

    @database_sync_to_async
    def save_message(self, receiver_id, message, attachment, client_id=None):
        try:
            receiver = get_user_model().objects.get(id=receiver_id)
        except (get_user_model().DoesNotExist, ValueError, TypeError):
            return None
        text = message if isinstance(message, str) else json.dumps(message)
        return ChatMessage.create_once(client_id, sender=self.user, receiver=receiver, message=text, attachment=attachment or None)


class NotificationConsumer(AsyncWebsocketConsumer):
    """The ERP's notices socket: forwards `notify` events; accepts nothing, answers no ping."""

    async def connect(self):
        self.user = self.scope['user']
        if self.user.is_anonymous:
            await self.close(code=4001)
            return
        self.group_name = notification_group(self.user.id)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, 'group_name', None):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        pass

    async def notify(self, event):
        await self.send(text_data=json.dumps(event))
