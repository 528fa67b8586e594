from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path('api/v1/admin-dashboard/', include('admin_dashboard.urls')),
    path('api/interactions/', include('smarthunt.urls')),
]

if settings.DEPLOYED:
    # The ERP chat as deployed: REST here, its SSE stream routed in refsite/asgi.py.
    urlpatterns.append(path('api/v1/communication/', include('erp.urls')))

if settings.TEST_CONTROL:
    urlpatterns.append(path('__test__/', include('testcontrol.urls')))
