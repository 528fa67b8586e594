from rest_framework import serializers

from .models import ChatMessage

# The real server's REST_FRAMEWORK['DATETIME_FORMAT']: serialized messages carry minute-precision,
# 12-hour UTC strings ("2026-01-01 09:41 PM"), not ISO 8601. Hand-built payloads (SSE events,
# the conversation list, mark-read's read_at) use isoformat instead.
DATETIME_FORMAT = '%Y-%m-%d %I:%M %p'


def full_name(user):
    """The real user model's get_full_name: "<first> <last>", never empty (a nameless user is " ")."""
    return f'{user.first_name} {user.last_name}'


def display_name(user):
    return full_name(user) or user.username


class ChatMessageSerializer(serializers.ModelSerializer):
    sender = serializers.SlugRelatedField(slug_field='uuid', read_only=True)
    sender_name = serializers.SerializerMethodField()
    sender_username = serializers.CharField(source='sender.username', read_only=True)
    sender_avatar = serializers.SerializerMethodField()
    receiver = serializers.SlugRelatedField(slug_field='uuid', read_only=True)
    receiver_name = serializers.SerializerMethodField()
    receiver_username = serializers.CharField(source='receiver.username', read_only=True)
    receiver_avatar = serializers.SerializerMethodField()
    attachment = serializers.CharField(read_only=True)
    attachment_url = serializers.SerializerMethodField()
    read_at = serializers.DateTimeField(format=DATETIME_FORMAT, read_only=True)
    delivered_at = serializers.DateTimeField(format=DATETIME_FORMAT, read_only=True)
    timestamp = serializers.DateTimeField(format=DATETIME_FORMAT, read_only=True)
    created_at = serializers.DateTimeField(format=DATETIME_FORMAT, read_only=True)
    updated_at = serializers.DateTimeField(format=DATETIME_FORMAT, read_only=True)

    class Meta:
        model = ChatMessage
        fields = [
            'id', 'sender', 'sender_name', 'sender_username', 'sender_avatar',
            'receiver', 'receiver_name', 'receiver_username', 'receiver_avatar',
            'conversation', 'message', 'attachment', 'attachment_url', 'attachment_type',
            'is_read', 'read_at', 'delivered_at', 'timestamp', 'created_at', 'updated_at', 'is_active',
        ]

    def get_sender_name(self, obj):
        return full_name(obj.sender)

    def get_receiver_name(self, obj):
        return full_name(obj.receiver)

    def get_sender_avatar(self, obj):
        return None  # no avatars here

    def get_receiver_avatar(self, obj):
        return None

    def get_attachment_url(self, obj):
        return obj.attachment or None
