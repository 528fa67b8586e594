from django.conf import settings
from django.db import IntegrityError, models, transaction

User = settings.AUTH_USER_MODEL


class Conversation(models.Model):
    """
    Deployed mode's chat (SSE + REST): one row per pair of users, user1 the one with the smaller
    UUID, holding the last message preview and an unread counter for each side.
    """

    user1 = models.ForeignKey(User, on_delete=models.CASCADE, related_name='erp_conversations_as_user1')
    user2 = models.ForeignKey(User, on_delete=models.CASCADE, related_name='erp_conversations_as_user2')
    last_message = models.TextField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    last_message_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name='+')
    unread_count_user1 = models.IntegerField(default=0)
    unread_count_user2 = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        unique_together = [('user1', 'user2')]

    @classmethod
    def between(cls, a, b):
        """The pair's conversation, created on first use (the users ordered by UUID)."""
        first, second = (a, b) if a.uuid <= b.uuid else (b, a)
        return cls.objects.get_or_create(user1=first, user2=second)[0]

    def _unread_field(self, user):
        return 'unread_count_user1' if user.pk == self.user1_id else 'unread_count_user2'

    def unread_for(self, user):
        return getattr(self, self._unread_field(user))

    def add_unread(self, user):
        field = self._unread_field(user)
        setattr(self, field, getattr(self, field) + 1)
        self.save(update_fields=[field, 'updated_at'])

    def clear_unread(self, user):
        field = self._unread_field(user)
        setattr(self, field, 0)
        self.save(update_fields=[field, 'updated_at'])


class ChatMessage(models.Model):
    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name='erp_sent')
    receiver = models.ForeignKey(User, on_delete=models.CASCADE, related_name='erp_received')
    message = models.TextField(blank=True)
    attachment = models.URLField(max_length=500, null=True, blank=True)
    timestamp = models.DateTimeField(auto_now_add=True)
    # The deployed chat's columns; the documented socket leaves them at their defaults.
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, null=True, blank=True, related_name='messages')
    attachment_type = models.CharField(max_length=20, null=True, blank=True)
    is_read = models.BooleanField(default=False)
    read_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_active = models.BooleanField(default=True)
    # The sender's idempotency key (the kit's `client_id`); not on the real server, which ignores
    # it. A repeat of a stored (sender, client_id) is answered with the stored message.
    client_id = models.CharField(max_length=64, null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=['sender', 'client_id'], name='erp_chatmessage_unique_client_id')]

    @classmethod
    def create_once(cls, client_id, **fields):
        """
        `(message, created)`: a new message, or the one this sender already stored under
        `client_id` (also when a concurrent send of the same key won the race).
        """
        key = client_id if isinstance(client_id, str) and 0 < len(client_id) <= 64 else None
        if key is None:
            return cls.objects.create(**fields), True
        found = cls.objects.filter(sender=fields['sender'], client_id=key).first()
        if found is not None:
            return found, False
        try:
            with transaction.atomic():
                return cls.objects.create(client_id=key, **fields), True
        except IntegrityError:
            return cls.objects.get(sender=fields['sender'], client_id=key), False


class TypingIndicator(models.Model):
    """Deployed mode: the last typing state one user sent another (written, never read back)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='+')
    conversation_partner = models.ForeignKey(User, on_delete=models.CASCADE, related_name='+')
    is_typing = models.BooleanField(default=True)
    timestamp = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [('user', 'conversation_partner')]


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
