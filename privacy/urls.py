from django.urls import path

from . import calendar_views, notice_views, retention_views, views

app_name = "privacy"

urlpatterns = [
    path("solicitudes/nueva/", views.RequestFileView.as_view(), name="request-file"),
    path("solicitudes/recibida/", views.RequestFiledView.as_view(), name="request-filed"),
    path("solicitudes/confirmar/<str:token>/", views.RequestVerifyView.as_view(), name="request-verify"),
    path("solicitudes/exportacion/<str:token>/", views.ExportDownloadView.as_view(), name="export-download"),
    path("mis-solicitudes/", views.MyRequestListView.as_view(), name="my-requests"),
    path("solicitudes/", views.QueueView.as_view(), name="queue"),
    path("solicitudes/<int:pk>/", views.RequestDetailView.as_view(), name="request-detail"),
    path("solicitudes/<int:pk>/<slug:action>/", views.RequestActionView.as_view(), name="request-action"),
    path("mis-preferencias/", notice_views.MyPurposesView.as_view(), name="my-purposes"),
    path("avisos/", notice_views.NoticeListView.as_view(), name="notices"),
    path("conservacion/", retention_views.RetentionView.as_view(), name="retention"),
    path("plazos/", calendar_views.CalendarView.as_view(), name="calendar"),
    path("plazos/dias/<int:pk>/quitar/", calendar_views.HolidayRemoveView.as_view(), name="holiday-remove"),
]
