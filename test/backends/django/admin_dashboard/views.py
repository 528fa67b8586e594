from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import AdminNotification, ApprovalLog
from .services import dashboard_stats, performer_json, user_json


class StaffView(APIView):
    # Bearer simplejwt (settings), and is_staff: others get 401/403 from DRF.
    permission_classes = [IsAdminUser]


class DashboardView(StaffView):
    def get(self, request):
        return Response(dashboard_stats())


class PendingApprovalsView(StaffView):
    def get(self, request):
        User = get_user_model()
        if settings.DEPLOYED:
            # Deployed: rejected users are still listed (their status is never changed), as {success, count, data}.
            users = [user_json(u) for u in User.objects.filter(approval_status__in=[User.PENDING, 'rejected']).order_by('-date_joined', '-id')]
            return Response({'success': True, 'count': len(users), 'data': users})
        users = [user_json(u) for u in User.objects.filter(approval_status=User.PENDING).order_by('-date_joined', '-id')]
        return Response({'results': users, 'count': len(users)})


class RecentApprovalsView(StaffView):
    def get(self, request):
        logs = ApprovalLog.objects.select_related('user', 'performed_by').order_by('-created_at', '-id')[:20]
        return Response({'results': [
            {
                'action': log.action,
                'user': user_json(log.user),
                'performed_by': performer_json(log.performed_by),
                'timestamp': log.created_at.isoformat(),
                'notes': log.notes,
            }
            for log in logs
        ]})


class DecideView(StaffView):
    action = None  # 'approved' or 'rejected'

    def post(self, request, user_id):
        User = get_user_model()
        notes = request.data.get('notes') if isinstance(request.data, dict) else None
        if settings.DEPLOYED and self.action == 'rejected':
            reason = request.data.get('reason') if isinstance(request.data, dict) else None
            if not isinstance(reason, str) or not reason.strip():
                return Response({'success': False, 'message': 'Rejection reason is required'}, status=400)
            notes = reason
        if notes is not None and not isinstance(notes, str):
            return Response({'error': 'notes must be a string'}, status=400)
        if settings.DEPLOYED:
            pending = [User.PENDING, 'rejected']
            with transaction.atomic():
                user = User.objects.filter(uuid=user_id, approval_status__in=pending).first()
                if user is None:
                    return Response({'success': False, 'message': 'User not found or not pending'}, status=404)
                user.approval_status = self.action
                user.save(update_fields=['approval_status'])
            ApprovalLog.objects.create(user=user, action=self.action, performed_by=request.user, notes=notes)
            return Response({'success': True, 'message': f'User {self.action}', 'data': user_json(user)})
        with transaction.atomic():
            user = User.objects.filter(uuid=user_id, approval_status=User.PENDING).first()
            if user is None:
                return Response({'error': 'User not found or not pending'}, status=404)
            user.approval_status = self.action
            user.save(update_fields=['approval_status'])
        # Saving the log sends approval_update and pending_count_update (signals.py).
        ApprovalLog.objects.create(user=user, action=self.action, performed_by=request.user, notes=notes)
        return Response({'status': self.action, 'user': user_json(user)})


class ApproveUserView(DecideView):
    action = 'approved'


class RejectUserView(DecideView):
    action = 'rejected'


class NotificationsView(StaffView):
    def get(self, request):
        items = AdminNotification.objects.order_by('-created_at', '-id')[:50]
        results = [
            {
                'id': n.id, 'title': n.title, 'message': n.message, 'notification_type': n.notification_type,
                'is_read': n.is_read, 'created_at': n.created_at.isoformat(),
            }
            for n in items
        ]
        return Response({'results': results, 'count': len(results)})
