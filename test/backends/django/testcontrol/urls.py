from django.urls import path

from . import views

urlpatterns = [
    path('health/', views.health),
    path('orders/<int:order_id>/', views.order),
    path('notify/<int:user_id>/', views.notify),
    path('smarthunt/bookings/<int:booking_id>/', views.booking),
    path('smarthunt/messages/', views.smarthunt_message),
    path('erp/notices/', views.notice),
    path('erp/notices/<int:notice_id>/resave/', views.resave_notice),
    path('register/', views.register),
    path('erp/sse/publish/', views.erp_publish),
    path('erp/sse/heartbeat/', views.erp_heartbeat),
    path('erp/presence/', views.erp_presence),
    path('erp/chat/messages/', views.erp_chat_messages),
]
