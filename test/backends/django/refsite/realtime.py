"""The one way server code reaches sockets: a channel-layer group_send from sync code (signals)."""
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

# seed.py switches broadcasting off: nobody is connected yet, and Redis may still be starting.
BROADCASTS = {'enabled': True}


def group_send(group, message):
    """Send to a channel-layer group. The message must hold only msgpack-able values."""
    if not BROADCASTS['enabled']:
        return
    async_to_sync(get_channel_layer().group_send)(group, message)
