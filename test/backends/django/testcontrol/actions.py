"""
Server-side events for tests, made the way the real apps make them: a model is saved, and its
signal broadcasts through the channel layer. Shared by the HTTP control surface (views.py,
mounted at /__test__/ only when REFSITE_TEST_CONTROL=1) and by control.py (while daphne is down).
"""
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model

from admin_dashboard.services import user_json
from erp.models import Notice
from orders.models import Order, order_payload
from smarthunt.models import Booking, Message, Notification


class ControlError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


ORDER_FIELDS = {'status', 'progress', 'booster_price', 'actual_price', 'booster_id', 'reached_rank', 'reached_division', 'reached_marks'}
# The real BaseOrder's columns that only deployed mode sends or uses (orders/deployed.py).
DEPLOYED_ORDER_FIELDS = {'message', 'is_done', 'lol_details'}


def _decimal(value):
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ControlError(400, f'not a decimal: {value!r}')


def update_order(order_id, fields):
    """Change an order and save it: order.update to its stream, order_update to the admins."""
    unknown = set(fields) - ORDER_FIELDS - (DEPLOYED_ORDER_FIELDS if settings.DEPLOYED else set())
    if unknown:
        raise ControlError(400, f'unknown order fields: {sorted(unknown)}')
    order = Order.objects.filter(pk=order_id).first()
    if order is None:
        raise ControlError(404, f'no order {order_id}')
    statuses = {s for s, _ in Order.STATUS_CHOICES}
    if 'status' in fields and fields['status'] not in statuses and not (settings.DEPLOYED and fields['status'] is None):
        raise ControlError(400, f'status must be one of {sorted(statuses)}')
    for key, value in fields.items():
        setattr(order, key, _decimal(value) if key.endswith('_price') else value)
    order.save()
    order.refresh_from_db()
    return order_payload(order)


def notify(user_id, fields):
    """A SmartHunt notification for a user: `notification`, then `unread_count`."""
    User = get_user_model()
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise ControlError(404, f'no user {user_id}')
    n = Notification.objects.create(
        recipient=user,
        title=fields.get('title', 'Notification'),
        body=fields.get('body', ''),
        notification_type=fields.get('notification_type', 'system'),
        data=fields.get('data'),
    )
    return {'notification_id': n.id}


def update_booking(booking_id, fields):
    """Change a SmartHunt booking's status: `booking_update` to tenant and landlord."""
    booking = Booking.objects.select_related('property').filter(pk=booking_id).first()
    if booking is None:
        raise ControlError(404, f'no booking {booking_id}')
    booking.status = fields.get('status', booking.status)
    booking.save()
    return {'booking_id': booking.id, 'status': booking.status}


def smarthunt_message(fields):
    """A SmartHunt chat message: `chat_message` to the recipient's notifications socket."""
    try:
        m = Message.objects.create(
            sender_id=int(fields['sender_id']), recipient_id=int(fields['recipient_id']),
            content=fields.get('content', ''), property_id=fields.get('property_id'),
        )
    except (KeyError, ValueError) as e:
        raise ControlError(400, f'sender_id and recipient_id are required ({e})')
    return {'message_id': m.id}


def publish_notice(fields):
    """An ERP notice: every user's notices socket gets a `notify` of type `notice`."""
    User = get_user_model()
    posted_by = User.objects.filter(pk=fields['posted_by_id']).first() if fields.get('posted_by_id') else None
    notice = Notice.objects.create(
        title=fields.get('title', 'Notice'), message=fields.get('message', ''),
        priority=fields.get('priority', 'normal'), posted_by=posted_by,
    )
    return {'notice_id': notice.id}


def register(fields):
    """A new user who waits for approval: `new_user` and `pending_count_update` to the admins."""
    User = get_user_model()
    username = fields.get('username')
    if not username:
        raise ControlError(400, 'username is required')
    if User.objects.filter(username=username).exists():
        raise ControlError(400, f'username {username!r} is taken')
    user = User.objects.create_user(
        username=username, email=fields.get('email', f'{username}@example.com'),
        first_name=fields.get('first_name', ''), last_name=fields.get('last_name', ''),
        approval_status=User.PENDING,
    )
    return user_json(user)


def erp_publish(fields):
    """Deployed ERP chat: publish `{event, data}` to `user:<uuid>` as the real server's helpers do."""
    from erp import pubsub

    user_id, event = fields.get('user_id'), fields.get('event')
    if not user_id or not event:
        raise ControlError(400, 'user_id (a UUID) and event are required')
    return {'receivers': pubsub.publish(user_id, event, fields.get('data', {}))}


def erp_presence(fields):
    """Deployed ERP chat: what Redis holds about a user's presence."""
    from erp import pubsub

    if not fields.get('user_id'):
        raise ControlError(400, 'user_id (a UUID) is required')
    try:
        return pubsub.presence(fields['user_id'])
    except Exception as e:  # Redis down
        raise ControlError(503, f'Redis not available: {e}')


def batch(steps):
    """Several commands in one process: `[[command, args], ...]`; returns their results."""
    return [COMMANDS[command](args) for command, args in steps]


COMMANDS = {
    'order': lambda args: update_order(int(args['id']), args.get('fields', {})),
    'notify': lambda args: notify(int(args['user_id']), args),
    'booking': lambda args: update_booking(int(args['id']), args),
    'smarthunt_message': smarthunt_message,
    'notice': publish_notice,
    'register': register,
    'erp_publish': erp_publish,
    'erp_presence': erp_presence,
    'batch': batch,
}
