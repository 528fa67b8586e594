import json

from channels.db import database_sync_to_async
from django.conf import settings
from channels.generic.websocket import AsyncWebsocketConsumer

from . import deployed
from .models import Order, order_payload


class OrderConsumer(AsyncWebsocketConsumer):
    """
    ws/orders/<order_id>/: anyone may listen (the guide says session auth; the real consumer
    never checks scope['user']). A snapshot on connect if the order exists, then every change.
    """

    async def connect(self):
        self.order_id = int(self.scope['url_route']['kwargs']['order_id'])
        self.group_name = f'order_{self.order_id}'
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        snapshot = await self.get_snapshot()
        if snapshot is not None:
            await self.send(text_data=json.dumps(snapshot))

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        # Clients only listen; whatever they send is ignored (no ping either).
        pass

    async def order_update(self, event):
        # The group message is the wire message, `type: "order.update"` included.
        await self.send(text_data=json.dumps(event))

    @database_sync_to_async
    def get_snapshot(self):
        order = Order.objects.select_related('booster').filter(pk=self.order_id).first()
        if order is None:
            return None
        # Deployed: percent_for_view progress, str() floats, and no snapshot when the price computation raises.
        return deployed.snapshot_payload(order) if settings.DEPLOYED else order_payload(order, 'Order updated')
