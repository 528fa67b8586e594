from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from refsite.realtime import group_send

from . import deployed
from .models import Order, order_payload


@receiver(post_save, sender=Order)
def broadcast_order(sender, instance, created, **kwargs):
    if settings.DEPLOYED:
        # Every save broadcasts (even with nothing changed); nothing when the price computation raises.
        payload = deployed.update_payload(instance)
        if payload is not None:
            group_send(f'order_{instance.pk}', payload)
        return
    group_send(f'order_{instance.pk}', order_payload(instance, 'Order created' if created else 'Order updated'))
