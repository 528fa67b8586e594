from django.conf import settings
from django.db import models

User = settings.AUTH_USER_MODEL


class ChatMessage(models.Model):
    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name='erp_sent')
    receiver = models.ForeignKey(User, on_delete=models.CASCADE, related_name='erp_received')
    message = models.TextField(blank=True)
    attachment = models.URLField(max_length=500, null=True, blank=True)
    timestamp = models.DateTimeField(auto_now_add=True)


class Notice(models.Model):
    """A notice published to everyone; each user gets a Notification of type `notice`."""

    title = models.CharField(max_length=200)
    message = models.TextField()
    priority = models.CharField(max_length=16, default='normal')
    posted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)


class Notification(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='erp_notifications')
    title = models.CharField(max_length=200)
    message = models.TextField()
    notification_type = models.CharField(max_length=32, default='info')
    extra = models.JSONField(default=dict, blank=True)
    is_read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
