"""Monitoring's pages: the project in implementation (``project``) and its reports (``reports``)."""

from .dashboards import AllianceDashboardView, CommitteeDashboardView
from .exports import AllianceExportView, ProjectExportView
from .indicators import IndicatorView
from .project import GraceView, ImplementationStartView, MonitoringIndexView, ProjectProgressView
from .reports import (
    EvidenceDownloadView,
    EvidenceRemoveView,
    ReportDecideView,
    ReportDetailView,
    ReportEditView,
    ReportStartView,
)

__all__ = [
    "AllianceDashboardView",
    "CommitteeDashboardView",
    "AllianceExportView",
    "ProjectExportView",
    "EvidenceDownloadView",
    "EvidenceRemoveView",
    "GraceView",
    "ImplementationStartView",
    "IndicatorView",
    "MonitoringIndexView",
    "ProjectProgressView",
    "ReportDecideView",
    "ReportDetailView",
    "ReportEditView",
    "ReportStartView",
]
