"""Deployed mode only: the ERP chat's REST API (the SSE stream is an ASGI route, see refsite/asgi.py)."""
from rest_framework.routers import SimpleRouter

from .views import ChatMessageViewSet

router = SimpleRouter()
router.register(r'chats', ChatMessageViewSet, basename='chatmessage')

urlpatterns = router.urls
