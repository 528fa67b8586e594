"""
Deployed mode: the ERP chat's REST API under /api/v1/communication/chats/, as the real
ChatMessageViewSet answers it. DRF TokenAuthentication only (`Authorization: Token <key>`; a
Bearer header reads as no credentials: 401). User ids are UUIDs, message and conversation ids
integers. Real-time events go out through Redis (pubsub.py); a Redis failure is swallowed.
"""
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from rest_framework import status, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from . import pubsub
from .models import ChatMessage, Conversation, TypingIndicator
from .serializers import ChatMessageSerializer, display_name


def other_user_json(user):
    return {
        'id': str(user.uuid),
        'username': user.username,
        'full_name': display_name(user),
        'avatar': None,
        'is_online': pubsub.is_online(user.uuid),
    }


def find_user(user_id):
    # A value that is not a UUID raises ValidationError here, uncaught: HTTP 500, as on the real server.
    return get_user_model().objects.filter(uuid=user_id).first()


def error(message, code):
    return Response({'error': message}, status=code)


class ChatMessageViewSet(viewsets.GenericViewSet):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    serializer_class = ChatMessageSerializer

    def get_queryset(self):
        user = self.request.user
        return ChatMessage.objects.select_related('sender', 'receiver').filter(Q(sender=user) | Q(receiver=user))

    def create(self, request):
        receiver_id = request.data.get('receiver_id')
        text = request.data.get('message', '').strip()
        attachment = request.data.get('attachment')
        if not receiver_id:
            return error('receiver_id is required', status.HTTP_400_BAD_REQUEST)
        if not text and not attachment:
            return error('message or attachment is required', status.HTTP_400_BAD_REQUEST)
        receiver = find_user(receiver_id)
        if receiver is None:
            return error('Receiver not found', status.HTTP_404_NOT_FOUND)

        conversation = Conversation.between(request.user, receiver)
        attachment_name = getattr(attachment, 'name', attachment) or None
        # Not on the real server (it ignores unknown fields): `client_id`, the kit's idempotency
        # key. A repeat of a stored (sender, client_id) answers 200 with the stored message and
        # stores and publishes nothing.
        message, created = ChatMessage.create_once(
            request.data.get('client_id'),
            sender=request.user, receiver=receiver, conversation=conversation, message=text, attachment=attachment_name,
        )
        if not created:
            return Response(self.get_serializer(message).data, status=status.HTTP_200_OK)
        conversation.last_message = text[:100] if text else '[Attachment]'
        conversation.last_message_at = message.timestamp
        conversation.last_message_by = request.user
        conversation.add_unread(receiver)
        conversation.save()

        # To the receiver only: the sender's own stream never sees its message.
        pubsub.publish(receiver.uuid, 'message', {
            'id': message.id,
            'sender_id': str(request.user.uuid),
            'sender_name': display_name(request.user),
            'receiver_id': str(receiver.uuid),
            'message': text,
            'attachment': message.attachment or None,
            'attachment_type': message.attachment_type,
            'timestamp': message.timestamp.isoformat(),
            'is_read': message.is_read,
            'conversation_id': str(conversation.id),
        })
        return Response(self.get_serializer(message).data, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=['get'], url_path='conversations')
    def conversations(self, request):
        user = request.user
        rows = []
        for mine, theirs, unread in (('user1', 'user2', 'unread_count_user1'), ('user2', 'user1', 'unread_count_user2')):
            for conversation in Conversation.objects.filter(**{mine: user, 'is_active': True}).select_related(theirs):
                rows.append({
                    'conversation_id': str(conversation.id),
                    'other_user': other_user_json(getattr(conversation, theirs)),
                    'last_message': conversation.last_message,
                    'last_message_at': conversation.last_message_at,
                    'last_message_by_me': conversation.last_message_by_id == user.id if conversation.last_message_by_id else False,
                    'unread_count': getattr(conversation, unread),
                    'updated_at': conversation.updated_at,
                })
        rows.sort(key=lambda row: row['last_message_at'] or timezone.now(), reverse=True)
        return Response(rows)

    @action(detail=False, methods=['get'], url_path='conversation/(?P<other_user_id>[^/.]+)')
    def conversation_messages(self, request, other_user_id=None):
        other = find_user(other_user_id)
        if other is None:
            return error('User not found', status.HTTP_404_NOT_FOUND)
        conversation = Conversation.between(request.user, other)
        messages = (ChatMessage.objects.filter(conversation=conversation, is_active=True)
                    .select_related('sender', 'receiver').order_by('-timestamp', '-id'))
        limit = int(request.query_params.get('limit', 50))
        offset = int(request.query_params.get('offset', 0))
        before_id = request.query_params.get('before_id')
        if before_id:
            messages = messages.filter(id__lt=before_id)
        page = list(messages[offset:offset + limit])
        return Response({
            'conversation_id': str(conversation.id),
            'messages': self.get_serializer(page, many=True).data,
            'other_user': other_user_json(other),
            'has_more': len(page) == limit,
        })

    @action(detail=False, methods=['post'], url_path='mark-read')
    def mark_read(self, request):
        message_ids = request.data.get('message_ids', [])
        conversation_id = request.data.get('conversation_id')
        sender_id = request.data.get('sender_id')
        user = request.user
        unread = ChatMessage.objects.filter(receiver=user, is_read=False)
        if message_ids:
            unread = unread.filter(id__in=message_ids)
        elif conversation_id:
            unread = unread.filter(conversation_id=conversation_id)
        elif sender_id:
            unread = unread.filter(sender__uuid=sender_id)
        else:
            return error('Provide message_ids, conversation_id, or sender_id', status.HTTP_400_BAD_REQUEST)

        read_at = timezone.now()
        count = unread.update(is_read=True, read_at=read_at)
        if conversation_id:
            conversation = Conversation.objects.filter(id=conversation_id).first()
            if conversation is not None:
                conversation.clear_unread(user)
        # The real bug, kept: receipts are sent for the same `is_read=False` query, which the
        # update above has just emptied, so no read_receipt is ever published.
        for message in unread:
            pubsub.publish(message.sender.uuid, 'read_receipt', {
                'message_id': message.id, 'reader_id': str(user.uuid), 'reader_name': display_name(user), 'read_at': None,
            })
        return Response({'success': True, 'marked_count': count, 'read_at': read_at.isoformat()})

    @action(detail=False, methods=['post'], url_path='typing')
    def typing(self, request):
        receiver_id = request.data.get('receiver_id')
        is_typing = request.data.get('is_typing', True)
        if not receiver_id:
            return error('receiver_id is required', status.HTTP_400_BAD_REQUEST)
        receiver = find_user(receiver_id)
        if receiver is None:
            return error('Receiver not found', status.HTTP_404_NOT_FOUND)
        TypingIndicator.objects.update_or_create(user=request.user, conversation_partner=receiver, defaults={'is_typing': is_typing})
        pubsub.publish(receiver.uuid, 'typing', {
            'sender_id': str(request.user.uuid), 'sender_name': display_name(request.user), 'is_typing': is_typing,
        })
        return Response({'success': True})

    @action(detail=False, methods=['get'], url_path='unread-count')
    def unread_count(self, request):
        user = request.user
        rows = []
        for mine, theirs, unread in (('user1', 'user2', 'unread_count_user1'), ('user2', 'user1', 'unread_count_user2')):
            for conversation in Conversation.objects.filter(**{mine: user, f'{unread}__gt': 0, 'is_active': True}).select_related(theirs):
                other = getattr(conversation, theirs)
                rows.append({
                    'conversation_id': str(conversation.id),
                    'unread_count': getattr(conversation, unread),
                    'other_user_id': str(other.uuid),
                    'other_user_name': display_name(other),
                })
        return Response({'total_unread': sum(row['unread_count'] for row in rows), 'conversations': rows})

    @action(detail=False, methods=['get'], url_path='online-users')
    def online_users(self, request):
        return Response({'online_users': pubsub.online_users()})
