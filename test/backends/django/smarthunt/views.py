"""
SmartHunt's notifications over REST (`/api/interactions/notifications/…`), as its deployed
server serves them: a DRF page of 20 `{id, title, body, notification_type, is_read,
created_at}`, `stats/` `{total, unread, by_type}`, `mark-all-read/` `{message, updated_count}`,
and `<id>/` to PATCH `is_read`. Authenticated by `Authorization: Bearer <the same HS256 JWT>`.
"""
import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Notification

PAGE_SIZE = 20


class SmartHuntJWTAuthentication(BaseAuthentication):
    def authenticate(self, request):
        header = request.META.get('HTTP_AUTHORIZATION', '')
        if not header.startswith('Bearer '):
            return None
        try:
            payload = jwt.decode(header[7:], settings.SECRET_KEY, algorithms=['HS256'])
            user = get_user_model().objects.get(id=int(payload.get('user_id')), is_active=True)
        except Exception:
            raise exceptions.AuthenticationFailed('Given token not valid for any token type')
        return (user, None)

    def authenticate_header(self, request):
        return 'Bearer'


class SmartHuntView(APIView):
    authentication_classes = [SmartHuntJWTAuthentication]
    permission_classes = [IsAuthenticated]


def notification_json(n):
    return {
        'id': n.id, 'title': n.title, 'body': n.body, 'notification_type': n.notification_type,
        'is_read': n.is_read, 'created_at': n.created_at.isoformat(),
    }


class NotificationListView(SmartHuntView):
    def get(self, request):
        items = Notification.objects.filter(recipient=request.user).order_by('-created_at', '-id')
        count = items.count()
        return Response({'count': count, 'next': None, 'previous': None, 'results': [notification_json(n) for n in items[:PAGE_SIZE]]})


class NotificationDetailView(SmartHuntView):
    def patch(self, request, pk):
        n = Notification.objects.filter(recipient=request.user, id=pk).first()
        if n is None:
            return Response({'detail': 'Not found.'}, status=404)
        is_read = request.data.get('is_read') if isinstance(request.data, dict) else None
        if isinstance(is_read, bool):
            n.is_read = is_read
            n.save(update_fields=['is_read'])
        return Response({**notification_json(n), 'data': n.data})


class MarkAllReadView(SmartHuntView):
    def post(self, request):
        updated = Notification.objects.filter(recipient=request.user, is_read=False).update(is_read=True)
        return Response({'message': f'Marked {updated} notifications as read', 'updated_count': updated})


class NotificationStatsView(SmartHuntView):
    def get(self, request):
        mine = Notification.objects.filter(recipient=request.user)
        by_type = {}
        for kind, _ in Notification.TYPES:
            count = mine.filter(notification_type=kind).count()
            if count:
                by_type[kind] = count
        return Response({'total': mine.count(), 'unread': mine.filter(is_read=False).count(), 'by_type': by_type})
