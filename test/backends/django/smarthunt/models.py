from django.conf import settings
from django.db import models

User = settings.AUTH_USER_MODEL


class Notification(models.Model):
    TYPES = [('booking', 'Booking'), ('message', 'Message'), ('maintenance', 'Maintenance'), ('system', 'System')]

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name='smarthunt_notifications')
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    notification_type = models.CharField(max_length=32, choices=TYPES, default='system')
    data = models.JSONField(null=True, blank=True)
    is_read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)


class Property(models.Model):
    title = models.CharField(max_length=200)
    landlord = models.ForeignKey(User, on_delete=models.CASCADE, related_name='properties')


class Booking(models.Model):
    STATUSES = [('pending', 'Pending'), ('confirmed', 'Confirmed'), ('cancelled', 'Cancelled'), ('completed', 'Completed')]

    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name='bookings')
    tenant = models.ForeignKey(User, on_delete=models.CASCADE, related_name='bookings')
    status = models.CharField(max_length=16, choices=STATUSES, default='pending')
    updated_at = models.DateTimeField(auto_now=True)


class Message(models.Model):
    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name='smarthunt_sent')
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name='smarthunt_received')
    content = models.TextField()
    property = models.ForeignKey(Property, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
