"""
Broadcasts to the `admin_dashboard` group. Their timestamps keep the real server's quirk:
`json.dumps(str(datetime.now()))` is put in the field, so the value itself holds quote marks,
e.g. "\"2025-01-01 10:00:00.123456\"".
"""
import json
from datetime import datetime, timedelta

from django.conf import settings

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from orders.models import Order
from refsite.realtime import group_send

from .consumers import GROUP
from .models import AdminNotification, ApprovalLog
from .services import pending_count, performer_json, user_json


def quoted_now():
    if settings.DEPLOYED:
        # The deployed server runs with TIME_ZONE = 'Asia/Kolkata': a naive local time, 5 h 30 ahead of UTC.
        return json.dumps(str(datetime.utcnow() + timedelta(hours=5, minutes=30)))
    return json.dumps(str(datetime.now()))


def broadcast_pending_count(change):
    group_send(GROUP, {'type': 'pending_count_update', 'count': pending_count(), 'change': change})


@receiver(post_save, sender=get_user_model())
def new_user_registered(sender, instance, created, **kwargs):
    if not created or instance.approval_status != sender.PENDING:
        return
    AdminNotification.objects.create(
        title='New user registration', message=f'{instance.username} is waiting for approval',
        notification_type='new_user', related_user=instance,
    )
    group_send(GROUP, {'type': 'new_user', 'user': user_json(instance), 'timestamp': quoted_now()})
    if settings.DEPLOYED:
        # A group event the consumer has no handler for: every admin socket closes with 1011 here.
        group_send(GROUP, {'type': 'new_notification', 'title': 'New user registration', 'message': f'{instance.username} is waiting for approval'})
    broadcast_pending_count(1)


@receiver(post_save, sender=ApprovalLog)
def approval_recorded(sender, instance, created, **kwargs):
    # Deployed: the signal compares the saved row with itself, so nothing is ever sent.
    if not created or settings.DEPLOYED:
        return
    group_send(GROUP, {
        'type': 'approval_update',
        'action': instance.action,
        'user': user_json(instance.user),
        'performed_by': performer_json(instance.performed_by),
        'timestamp': quoted_now(),
        'notes': instance.notes,
    })
    broadcast_pending_count(-1)


@receiver(pre_save, sender=Order)
def remember_order_status(sender, instance, **kwargs):
    instance._admin_previous_status = (
        Order.objects.filter(pk=instance.pk).values_list('status', flat=True).first() if instance.pk else None
    )


@receiver(post_save, sender=Order)
def order_status_changed(sender, instance, created, **kwargs):
    previous = getattr(instance, '_admin_previous_status', None)
    if settings.DEPLOYED:
        # Deployed: only a creation is announced (a status change compares the row with itself).
        if not created:
            return
    elif created or previous == instance.status:
        return
    group_send(GROUP, {
        'type': 'order_update',
        'order_id': instance.id,
        'status': instance.status,
        'previous_status': previous,
        'timestamp': quoted_now(),
    })
