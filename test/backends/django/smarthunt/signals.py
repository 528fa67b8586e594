from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from refsite.realtime import group_send

from .models import Booking, Message, Notification


@receiver(post_save, sender=Notification)
def push_notification(sender, instance, created, **kwargs):
    # Deployed: the notification signals are never imported, so nothing is pushed (REST only).
    if not created or settings.DEPLOYED:
        return
    group = f'user_{instance.recipient_id}'
    group_send(group, {
        'type': 'notification',
        'title': instance.title,
        'body': instance.body,
        'notification_type': instance.notification_type,
        'data': instance.data,
        'notification_id': instance.id,
        'timestamp': instance.created_at.isoformat(),
    })
    unread = Notification.objects.filter(recipient_id=instance.recipient_id, is_read=False).count()
    group_send(group, {'type': 'unread_count', 'count': unread})


@receiver(post_save, sender=Booking)
def push_booking(sender, instance, created, **kwargs):
    prop = instance.property
    message = {
        'type': 'booking_update',
        'booking_id': instance.id,
        'action': 'created' if created else 'status_changed',
        'status': instance.status,
        'property_id': prop.id,
        'property_title': prop.title,
        'tenant_id': instance.tenant_id,
        'landlord_id': prop.landlord_id,
        'timestamp': instance.updated_at.isoformat(),
    }
    for user_id in {instance.tenant_id, prop.landlord_id}:
        group_send(f'user_{user_id}', message)


@receiver(post_save, sender=Message)
def push_message(sender, instance, created, **kwargs):
    if not created:
        return
    group_send(f'user_{instance.recipient_id}', {
        'type': 'chat_message',
        'message_id': instance.id,
        'sender_id': instance.sender_id,
        'sender_name': instance.sender.display_name(),
        'recipient_id': instance.recipient_id,
        'content': instance.content,
        'timestamp': instance.created_at.isoformat(),
        'property_id': instance.property_id,
    })
