from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.MonitoringIndexView.as_view(), name="index"),
    path("tablero/", views.AllianceDashboardView.as_view(), name="dashboard"),
    path("tablero/comite/<int:pk>/", views.CommitteeDashboardView.as_view(), name="committee-dashboard"),
    path("iniciar/<int:proposal>/", views.ImplementationStartView.as_view(), name="start"),
    path("<int:pk>/", views.ProjectProgressView.as_view(), name="project"),
    path("<int:pk>/indicadores.<str:fmt>", views.ProjectExportView.as_view(), name="project-export"),
    path("indicadores.<str:fmt>", views.AllianceExportView.as_view(), name="alliance-export"),
    path("<int:pk>/plazo/", views.GraceView.as_view(), name="grace"),
    path("periodo/<int:pk>/reporte/", views.ReportStartView.as_view(), name="report-start"),
    path("reporte/<int:pk>/", views.ReportDetailView.as_view(), name="report"),
    path("reporte/<int:pk>/editar/", views.ReportEditView.as_view(), name="report-edit"),
    path("reporte/<int:pk>/decidir/", views.ReportDecideView.as_view(), name="report-decide"),
    path("indicador/<int:pk>/", views.IndicatorView.as_view(), name="indicator"),
    path("evidencia/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence"),
    path("evidencia/<int:pk>/quitar/", views.EvidenceRemoveView.as_view(), name="evidence-remove"),
]
