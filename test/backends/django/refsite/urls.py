from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path('api/v1/admin-dashboard/', include('admin_dashboard.urls')),
    path('api/interactions/', include('smarthunt.urls')),
]

if settings.TEST_CONTROL:
    urlpatterns.append(path('__test__/', include('testcontrol.urls')))
