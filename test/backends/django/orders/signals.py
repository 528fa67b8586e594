from django.db.models.signals import post_save
from django.dispatch import receiver

from refsite.realtime import group_send

from .models import Order, order_payload


@receiver(post_save, sender=Order)
def broadcast_order(sender, instance, created, **kwargs):
    group_send(f'order_{instance.pk}', order_payload(instance, 'Order created' if created else 'Order updated'))
