from django.conf import settings
from django.db import models


class Order(models.Model):
    """A boosting order (§1). The status spelling `Droped` is the real server's."""

    STATUS_CHOICES = [('New', 'New'), ('Droped', 'Droped'), ('Extend', 'Extend'), ('Done', 'Done'), ('Continue', 'Continue')]

    customer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name='orders')
    booster = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name='boosted_orders')
    # Nullable like the real server's column (deployed mode sends null; documented mode never sets it).
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default='New', null=True, blank=True)
    progress = models.PositiveSmallIntegerField(null=True, blank=True)
    booster_price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    actual_price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    reached_rank = models.CharField(max_length=32, null=True, blank=True)
    reached_division = models.PositiveSmallIntegerField(null=True, blank=True)
    reached_marks = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Deployed mode only (see deployed.py): the real BaseOrder's free-text message and is_done flag,
    # and whether the order has League of Legends division details (the price computation).
    message = models.CharField(max_length=300, null=True, blank=True)
    is_done = models.BooleanField(default=False)
    lol_details = models.BooleanField(default=False)


def decimal_text(value):
    return None if value is None else str(value)


def order_payload(order, message='Order updated'):
    """The `order.update` message: prices as decimal strings, missing things as null."""
    return {
        'type': 'order.update',
        'order_id': order.id,
        'status': order.status,
        'progress': order.progress,
        'booster_price': decimal_text(order.booster_price),
        'actual_price': decimal_text(order.actual_price),
        'booster_id': order.booster_id,
        'booster_username': order.booster.username if order.booster_id else None,
        'reached_rank': order.reached_rank,
        'reached_division': order.reached_division,
        'reached_marks': order.reached_marks,
        'message': message,
        'timestamp': order.updated_at.isoformat(),
    }
