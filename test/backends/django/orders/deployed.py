"""
The order stream as youssef-anas/game-boosters runs it at its latest commit (realtime/consumers.py
and realtime/signals.py), used when settings.DEPLOYED:

- prices are floats passed through str(): "85.5", "42.35000000000001", and "None" for a null
  actual_price, which also fills booster_price's position when there is no price computation;
- status is the nullable column as is; message is the order's free-text field (usually null);
- the snapshot on connect sends progress from percent_for_view, 0 for orders without League of
  Legends details; updates from the save signal send 100 if is_done else 0 for those;
- the price computation (LoL orders) divides by actual_price: when it raises, the snapshot is
  skipped silently (the consumer logs and sends nothing) and so is the update (the signal logs);
- every save broadcasts the same state again (the signal fires on each post_save).
"""
from django.utils import timezone


def as_float_text(value):
    # The real columns are FloatFields: str(float) ("85.5", "None"); ours are decimals.
    return str(None if value is None else float(value))


def price_info(order):
    """get_order_price() of a LoL order: booster_price is the money owed, percent_for_view divides by actual_price."""
    booster_price = float(order.booster_price) if order.booster_price is not None else 0.0
    actual_price = float(order.actual_price) if order.actual_price is not None else None
    # ZeroDivisionError for a zero price, TypeError for a null one: the callers give up silently.
    percent_for_view = round((booster_price / actual_price) * 100)
    return {'booster_price': booster_price, 'percent_for_view': percent_for_view}


def _payload(order, progress, booster_price, lol, timestamp):
    return {
        'type': 'order.update',
        'order_id': order.id,
        'status': order.status,
        'progress': progress,
        'booster_price': booster_price,
        'actual_price': as_float_text(order.actual_price),
        'booster_id': order.booster_id,
        'booster_username': order.booster.username if order.booster_id else None,
        'reached_rank': order.reached_rank if lol else None,
        'reached_division': order.reached_division if lol else None,
        'reached_marks': order.reached_marks if lol else None,
        'message': order.message,
        'timestamp': timestamp,
    }


def snapshot_payload(order):
    """What the consumer sends on connect, or None when it sends nothing."""
    try:
        progress, booster_price = 0, None
        if order.lol_details:
            info = price_info(order)
            booster_price = str(info['booster_price'])
            progress = info['percent_for_view']
        return _payload(order, progress, booster_price or as_float_text(order.actual_price), order.lol_details,
                        order.updated_at.isoformat() if order.updated_at else None)
    except Exception:  # noqa: BLE001 - the real consumer logs and returns None
        return None


def update_payload(order):
    """What the save signal broadcasts, or None when it sends nothing."""
    try:
        booster_price = as_float_text(order.actual_price)
        if order.lol_details:
            info = price_info(order)
            booster_price = str(info['booster_price'])
            progress = info['percent_for_view']
        else:
            progress = 100 if order.is_done else 0
        return _payload(order, progress, booster_price, order.lol_details, timezone.now().isoformat())
    except Exception:  # noqa: BLE001 - the real signal logs and sends nothing
        return None
