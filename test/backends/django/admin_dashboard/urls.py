from django.urls import path

from . import views

urlpatterns = [
    path('dashboard/', views.DashboardView.as_view()),
    path('approvals/pending/', views.PendingApprovalsView.as_view()),
    path('approvals/recent/', views.RecentApprovalsView.as_view()),
    path('users/<uuid:user_id>/approve/', views.ApproveUserView.as_view()),
    path('users/<uuid:user_id>/reject/', views.RejectUserView.as_view()),
    path('notifications/', views.NotificationsView.as_view()),
]
