from django.conf import settings
from django.db import models

User = settings.AUTH_USER_MODEL


class ApprovalLog(models.Model):
    ACTIONS = [('approved', 'Approved'), ('rejected', 'Rejected')]

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='approval_logs')
    action = models.CharField(max_length=16, choices=ACTIONS)
    performed_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name='approvals_performed')
    notes = models.TextField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class AdminNotification(models.Model):
    title = models.CharField(max_length=200)
    message = models.TextField()
    notification_type = models.CharField(max_length=32, default='info')
    related_user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)
    is_read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
