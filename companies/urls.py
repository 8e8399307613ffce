from django.urls import path

from .views import directory, due_diligence, imports, organizations, people

app_name = "companies"

urlpatterns = [
    path("", directory.DirectoryView.as_view(), name="directory"),
    path("exportar.csv", directory.DirectoryCsvExportView.as_view(), name="export-csv"),
    path("exportar.xlsx", directory.DirectoryExcelExportView.as_view(), name="export-xlsx"),
    path("importar/", imports.ImportView.as_view(), name="import"),
    path("importar/plantilla.csv", imports.ImportTemplateView.as_view(), name="import-template"),
    path("cifras/", directory.FiguresView.as_view(), name="figures"),
    path("invitaciones/", directory.InvitationListView.as_view(), name="invitation-list"),
    path("invitacion/<str:token>/", people.InvitationAcceptView.as_view(), name="invitation-accept"),
    path("mi-organizacion/", directory.MyOrganizationView.as_view(), name="my-organization"),
    path("nueva/", organizations.OrganizationCreateView.as_view(), name="organization-create"),
    path("<int:pk>/", organizations.OrganizationDetailView.as_view(), name="organization-detail"),
    path("<int:pk>/editar/", organizations.OrganizationUpdateView.as_view(), name="organization-update"),
    path("<int:pk>/archivar/", organizations.OrganizationArchiveView.as_view(), name="organization-archive"),
    path("<int:pk>/restaurar/", organizations.OrganizationRestoreView.as_view(), name="organization-restore"),
    path("<int:pk>/participacion/", organizations.ParticipationChangeView.as_view(), name="participation-change"),
    path("<int:pk>/prioridades/", organizations.PrioritiesView.as_view(), name="priorities"),
    path("<int:pk>/personas/", people.PeopleView.as_view(), name="people"),
    path(
        "<int:pk>/personas/<int:representative_pk>/contacto-principal/",
        people.PrimaryContactView.as_view(),
        name="primary-contact",
    ),
    path(
        "<int:pk>/personas/<int:representative_pk>/retirar/",
        people.RepresentativeRemoveView.as_view(),
        name="representative-remove",
    ),
    path(
        "<int:pk>/invitaciones/<int:invitation_pk>/reenviar/",
        people.InvitationResendView.as_view(),
        name="invitation-resend",
    ),
    path(
        "<int:pk>/invitaciones/<int:invitation_pk>/revocar/",
        people.InvitationRevokeView.as_view(),
        name="invitation-revoke",
    ),
    path("<int:pk>/debida-diligencia/", due_diligence.ReviewListView.as_view(), name="due-diligence-list"),
    path("<int:pk>/debida-diligencia/nueva/", due_diligence.ReviewStartView.as_view(), name="due-diligence-start"),
    path(
        "<int:pk>/debida-diligencia/<int:review_pk>/",
        due_diligence.ReviewDetailView.as_view(),
        name="due-diligence-detail",
    ),
    path(
        "<int:pk>/debida-diligencia/<int:review_pk>/lista/",
        due_diligence.ChecklistSaveView.as_view(),
        name="due-diligence-checklist",
    ),
    path(
        "<int:pk>/debida-diligencia/<int:review_pk>/evidencia/",
        due_diligence.EvidenceAddView.as_view(),
        name="due-diligence-evidence",
    ),
    path(
        "<int:pk>/debida-diligencia/<int:review_pk>/evidencia/<int:evidence_pk>/",
        due_diligence.EvidenceDownloadView.as_view(),
        name="due-diligence-evidence-download",
    ),
    path(
        "<int:pk>/debida-diligencia/<int:review_pk>/decision/",
        due_diligence.DecisionView.as_view(),
        name="due-diligence-decide",
    ),
]
