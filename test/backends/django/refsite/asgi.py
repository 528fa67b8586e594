"""
ASGI entry point: `python3 -m daphne -b 127.0.0.1 -p 8000 refsite.asgi:application`.

  ws/orders/<id>/          §1 order stream (no auth; AuthMiddlewareStack present but unchecked)
  ws/notifications/        §3 SmartHunt notifications (PyJWT HS256, user_id)
  ws/admin/dashboard/      §5 admin dashboard (simplejwt access token, staff only)
  ws/chat/, erp/ws/chat/   §4 ERP chat (DRF token key; "Bearer " stripped)
  erp/ws/notifications/    §4 ERP notices (DRF token key). The real ERP serves this at
                           ws/notifications/, which SmartHunt already holds here.

Every handshake passes AllowedHostsOriginValidator: no Origin, or a foreign one, gets 403.

Deployed mode adds the ERP chat as the real server runs it today: GET
api/v1/communication/sse/events/ is an AsyncHttpConsumer (erp/sse.py) ahead of Django, which
serves everything else over HTTP, including the chat's REST API (erp/urls.py).
"""
import os

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'refsite.settings')

from django.core.asgi import get_asgi_application  # noqa: E402

django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import re_path  # noqa: E402

from admin_dashboard.consumers import AdminDashboardConsumer  # noqa: E402
from erp.consumers import ChatConsumer, NotificationConsumer as ErpNotificationConsumer  # noqa: E402
from erp.middleware import TokenAuthMiddleware  # noqa: E402
from erp.sse import SSE_PATH, ChatEventStream  # noqa: E402
from orders.consumers import OrderConsumer  # noqa: E402
from django.conf import settings  # noqa: E402
from smarthunt.consumers import NotificationConsumer, ShadowingNotificationConsumer  # noqa: E402

if settings.DEPLOYED:
    # SmartHunt as deployed: the chatbot's ws/notifications/ route shadows the real consumer.
    NotificationConsumer = ShadowingNotificationConsumer  # noqa: F811

websocket_urlpatterns = [
    re_path(r'^ws/orders/(?P<order_id>\d+)/$', OrderConsumer.as_asgi()),
    re_path(r'^ws/notifications/$', NotificationConsumer.as_asgi()),
    re_path(r'^ws/admin/dashboard/$', AdminDashboardConsumer.as_asgi()),
    re_path(r'^(?:erp/)?ws/chat/$', TokenAuthMiddleware(ChatConsumer.as_asgi())),
    re_path(r'^erp/ws/notifications/$', TokenAuthMiddleware(ErpNotificationConsumer.as_asgi())),
]

http_app = django_asgi_app
if settings.DEPLOYED:
    http_app = URLRouter([
        re_path(SSE_PATH, ChatEventStream.as_asgi()),
        re_path(r'', django_asgi_app),
    ])

application = ProtocolTypeRouter({
    'http': http_app,
    'websocket': AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
})
