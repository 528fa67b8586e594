from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.contrib.auth.models import AnonymousUser
from rest_framework.authtoken.models import Token


@database_sync_to_async
def user_for_key(key):
    try:
        return Token.objects.select_related('user').get(key=key).user
    except Token.DoesNotExist:
        return AnonymousUser()


class TokenAuthMiddleware(BaseMiddleware):
    """The ERP's socket auth: a DRF token key in ?token=, with a leading "Bearer " stripped."""

    async def __call__(self, scope, receive, send):
        token = parse_qs(scope['query_string'].decode()).get('token', [''])[0]
        if token.startswith('Bearer '):
            token = token[len('Bearer '):]
        scope['user'] = await user_for_key(token) if token else AnonymousUser()
        return await super().__call__(scope, receive, send)
