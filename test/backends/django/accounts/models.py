import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """
    One user table for all four servers. SmartHunt (§3) and the ERP (§4) identify users by the
    integer primary key, as their real servers do; the approval app (§5) by `uuid`, which is
    what its simplejwt tokens carry in `user_id` (SIMPLE_JWT['USER_ID_FIELD']) and what its
    API and socket call `id`.
    """

    PENDING, APPROVED, REJECTED = 'pending', 'approved', 'rejected'
    APPROVAL_CHOICES = [(PENDING, 'Pending'), (APPROVED, 'Approved'), (REJECTED, 'Rejected')]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    approval_status = models.CharField(max_length=16, choices=APPROVAL_CHOICES, default=APPROVED)

    def display_name(self):
        return self.get_full_name() or self.username
