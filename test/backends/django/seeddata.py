"""The demo data of the reference backend, and the tokens that reach it."""
from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework_simplejwt.tokens import AccessToken

from admin_dashboard.models import ApprovalLog
from erp.models import ChatMessage, Conversation, Notice
from orders.models import Order
from smarthunt.models import Booking, Notification, Property

# key: (id, username, first, last, is_staff, is_superuser, approval_status)
USERS = {
    'customer': (1, 'alice', 'Alice', 'Customer', False, False, 'approved'),
    'second': (2, 'bob', 'Bob', 'Second', False, False, 'approved'),
    'admin': (3, 'admin', 'Ada', 'Admin', True, True, 'approved'),
    'moderator': (4, 'moderator', 'Mo', 'Derator', True, False, 'approved'),
    'booster': (5, 'pro_booster', '', '', False, False, 'approved'),
    'rejected': (6, 'mallory', 'Mallory', 'Rejected', False, False, 'rejected'),
}
PENDING = [(7, 'carol_pending', 'Carol'), (8, 'dave_pending', 'Dave'), (9, 'erin_pending', 'Erin')]
# The ERP chat as deployed (SSE + REST) names users by UUID: key: (id, username, first, last).
ERP_CHAT_USERS = {
    'jane': (10, 'jane.doe', 'Jane', 'Doe'),
    'john': (11, 'john.smith', 'John', 'Smith'),
}
ERP_CHAT_SEED_MESSAGE = 'Hi Jane, the timetable is out.'

# id: (status, progress, booster_price, actual_price, has_booster, reached_rank, reached_division, reached_marks)
ORDERS = {
    101: ('Continue', 75, '85.50', '100.00', True, 'Platinum', 2, 1),
    102: ('New', None, None, '40.00', False, None, None, None),
    103: ('Droped', 30, '25.00', '30.00', True, 'Gold', 4, 0),
    104: ('Extend', 50, '60.00', '72.50', True, 'Diamond', 1, 3),
    105: ('Done', 100, '120.00', '150.00', True, 'Master', None, None),
}


@transaction.atomic
def create_demo_data():
    User = get_user_model()
    if User.objects.exists():
        return
    now = timezone.now()
    users = {}
    for key, (pk, username, first, last, staff, superuser, approval) in USERS.items():
        users[key] = User.objects.create_user(
            id=pk, username=username, email=f'{username}@example.com', first_name=first, last_name=last,
            is_staff=staff, is_superuser=superuser, approval_status=approval,
        )
    for i, (pk, username, first) in enumerate(PENDING):
        User.objects.create_user(
            id=pk, username=username, email=f'{username}@example.com', first_name=first,
            approval_status=User.PENDING, date_joined=now - timedelta(hours=len(PENDING) - i),
        )
    for key, (pk, username, first, last) in ERP_CHAT_USERS.items():
        users[key] = User.objects.create_user(id=pk, username=username, email=f'{username}@example.com', first_name=first, last_name=last)
    for key in ('customer', 'second', 'admin', 'moderator', *ERP_CHAT_USERS):
        Token.objects.create(user=users[key])

    for pk, (status, progress, booster_price, actual_price, has_booster, rank, division, marks) in ORDERS.items():
        Order.objects.create(
            id=pk, customer=users['customer'], booster=users['booster'] if has_booster else None, status=status,
            progress=progress, booster_price=Decimal(booster_price) if booster_price else None,
            actual_price=Decimal(actual_price) if actual_price else None,
            reached_rank=rank, reached_division=division, reached_marks=marks,
        )

    alice = users['customer']
    Notification.objects.create(recipient=alice, title='Welcome to SmartHunt', body='Find your next home.', notification_type='system', is_read=True)
    Notification.objects.create(recipient=alice, title='Booking received', body='Your booking request was sent.', notification_type='booking', data={'booking_id': 1})
    Notification.objects.create(recipient=alice, title='New message', body='Bob wrote to you.', notification_type='message', data={'sender_id': 2})
    flat = Property.objects.create(id=1, title='Sunny flat near the park', landlord=users['second'])
    Booking.objects.create(id=1, property=flat, tenant=alice, status='pending')

    ChatMessage.objects.create(sender=users['second'], receiver=alice, message='Hi Alice, the timetable is out.')
    # Deployed chat: one conversation, John to Jane, unread by Jane.
    chat = Conversation.between(users['jane'], users['john'])
    first = ChatMessage.objects.create(sender=users['john'], receiver=users['jane'], conversation=chat, message=ERP_CHAT_SEED_MESSAGE)
    chat.last_message, chat.last_message_at, chat.last_message_by = first.message, first.timestamp, users['john']
    chat.add_unread(users['jane'])
    chat.save()
    Notice.objects.create(title='Semester starts', message='Classes begin on Monday.', posted_by=users['admin'])

    ApprovalLog.objects.create(user=users['rejected'], action='rejected', performed_by=users['admin'], notes='Duplicate account')


def smarthunt_jwt(user_id, *, lifetime=timedelta(hours=12), key=None):
    now = timezone.now()
    payload = {'token_type': 'access', 'user_id': user_id, 'jti': uuid4().hex, 'iat': now, 'exp': now + lifetime}
    return jwt.encode(payload, key or settings.SECRET_KEY, algorithm='HS256')


def user_ref(user):
    return {'id': user.id, 'uuid': str(user.uuid), 'username': user.username}


def erp_chat_json():
    """The deployed chat's users (id = UUID, as on the wire) with their token keys, and the seeded conversation."""
    User = get_user_model()
    people = {key: User.objects.get(username=spec[1]) for key, spec in ERP_CHAT_USERS.items()}
    chat = Conversation.between(people['jane'], people['john'])
    return {
        **{key: {'id': str(u.uuid), 'pk': u.id, 'username': u.username, 'fullName': f'{u.first_name} {u.last_name}',
                 'token': Token.objects.get_or_create(user=u)[0].key} for key, u in people.items()},
        'conversationId': str(chat.id),
        'seededMessage': ERP_CHAT_SEED_MESSAGE,
    }


def tokens_json():
    User = get_user_model()
    by_key = {key: User.objects.get(username=spec[1]) for key, spec in {**USERS, **ERP_CHAT_USERS}.items()}
    pending = list(User.objects.filter(approval_status=User.PENDING).order_by('id'))
    erp_key = lambda user: Token.objects.get_or_create(user=user)[0].key  # noqa: E731
    return {
        'users': {**{key: user_ref(u) for key, u in by_key.items()}, 'pending': [user_ref(u) for u in pending]},
        'smarthunt': {
            'customer': smarthunt_jwt(by_key['customer'].id),
            'second': smarthunt_jwt(by_key['second'].id),
            'expired': smarthunt_jwt(by_key['customer'].id, lifetime=timedelta(hours=-1)),
            'badSignature': smarthunt_jwt(by_key['customer'].id, key='some-other-secret'),
        },
        'erp': {key: erp_key(by_key[key]) for key in ('customer', 'second', 'admin')},
        'admin': {
            'staff': str(AccessToken.for_user(by_key['admin'])),
            'moderator': str(AccessToken.for_user(by_key['moderator'])),
            'nonStaff': str(AccessToken.for_user(by_key['customer'])),
            'malformed': 'this-is-not-a-jwt',
        },
        'erpChat': erp_chat_json(),
        'orders': sorted(ORDERS),
        'bookings': [1],
    }
