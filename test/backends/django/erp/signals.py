from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.db.models.signals import post_save
from django.dispatch import receiver

from refsite.realtime import group_send

from .consumers import notification_group
from .models import Notice, Notification


@receiver(post_save, sender=Notification)
def push_notification(sender, instance, created, **kwargs):
    if not created:
        return
    group_send(notification_group(instance.user_id), {
        'type': 'notify',
        'id': instance.id,
        'title': instance.title,
        'message': instance.message,
        'notification_type': instance.notification_type,
        'timestamp': instance.created_at.isoformat(),
        **instance.extra,
    })


@receiver(post_save, sender=Notice)
def publish_notice(sender, instance, created, **kwargs):
    if settings.DEPLOYED:
        # Deployed: every save of a published notice goes to each user's group again, with
        # `id: None` (no Notification row), so a client cannot tell a re-save from a new notice.
        payload = {
            'type': 'notify', 'id': None, 'title': instance.title, 'message': instance.message,
            'notification_type': 'notice', 'timestamp': timezone.now().isoformat(),
            'notice_id': instance.id, 'priority': instance.priority,
        }
        for user_id in get_user_model().objects.filter(is_active=True).values_list('id', flat=True):
            group_send(notification_group(user_id), payload)
        return
    if not created:
        return
    extra = {
        'notice_id': instance.id,
        'priority': instance.priority,
        'posted_by': instance.posted_by.display_name() if instance.posted_by_id else None,
    }
    for user in get_user_model().objects.filter(is_active=True):
        Notification.objects.create(user=user, title=instance.title, message=instance.message, notification_type='notice', extra=extra)
