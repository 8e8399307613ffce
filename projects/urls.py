"""Calls, proposals, evaluations and projects; Spanish paths, English kebab-case names."""

from django.urls import include, path

from . import views

app_name = "projects"

# Grouped by their first segment, so each area's addresses read together.
urlpatterns = [
    path(
        "convocatorias/",
        include(
            [
                path("", views.CallListView.as_view(), name="call-list"),
                path("nueva/", views.CallCreateView.as_view(), name="call-create"),
                path("<int:pk>/", views.CallDetailView.as_view(), name="call-detail"),
                path("<int:pk>/editar/", views.CallUpdateView.as_view(), name="call-update"),
                path("<int:pk>/matriz/", views.EvaluationMatrixView.as_view(), name="evaluation-matrix"),
                path("<int:pk>/proponer/", views.ProposalStartView.as_view(), name="proposal-start"),
            ]
        ),
    ),
    path(
        "propuestas/",
        include(
            [
                path("", views.ProposalListView.as_view(), name="proposal-list"),
                path("gestion/", views.ProposalManageView.as_view(), name="proposal-manage"),
                path("gestion/filtros/", views.SavedFilterSaveView.as_view(), name="saved-filter-save"),
                path(
                    "gestion/filtros/<int:pk>/quitar/",
                    views.SavedFilterDeleteView.as_view(),
                    name="saved-filter-delete",
                ),
                path("comite/<int:pk>/", views.CommitteeProposalListView.as_view(), name="committee-proposals"),
                path("<int:pk>/", views.ProposalDetailView.as_view(), name="proposal-detail"),
                path("<int:pk>/editar/<slug:step>/", views.ProposalStepView.as_view(), name="proposal-edit"),
                path("<int:pk>/enviar/", views.ProposalSubmitView.as_view(), name="proposal-submit"),
                path(
                    "<int:pk>/estado/<slug:action>/", views.ProposalTransitionView.as_view(), name="proposal-transition"
                ),
                path("<int:pk>/publicar/", views.ProposalPublishView.as_view(), name="proposal-publish"),
                path("<int:pk>/comentarios/", views.CommentCreateView.as_view(), name="comment-create"),
                path("<int:pk>/versiones/<int:number>/", views.VersionView.as_view(), name="version-detail"),
                path(
                    "<int:pk>/consorcio/<int:member_pk>/responder/",
                    views.PartnerRespondView.as_view(),
                    name="partner-respond",
                ),
                path("<int:pk>/evaluadores/", views.EvaluatorAssignView.as_view(), name="evaluator-assign"),
                path("adjuntos/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment-download"),
            ]
        ),
    ),
    path(
        "evaluaciones/",
        include(
            [
                path("", views.MyEvaluationsView.as_view(), name="my-evaluations"),
                path("carga/", views.EvaluatorLoadView.as_view(), name="evaluator-load"),
                path("<int:pk>/", views.EvaluationView.as_view(), name="evaluation"),
            ]
        ),
    ),
    path(
        "selecciones/",
        include(
            [
                path("comite/<int:pk>/", views.CommitteeSelectionsView.as_view(), name="committee-selections"),
                path("comite/<int:pk>/nueva/", views.RoundCreateView.as_view(), name="round-create"),
                path("<int:pk>/", views.RoundDetailView.as_view(), name="round-detail"),
                path("evidencia/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence-download"),
                path("<int:pk>/evidencia/", views.EvidenceAddView.as_view(), name="evidence-add"),
                path("<int:pk>/cerrar/", views.RoundCloseView.as_view(), name="round-close"),
                path("<int:pk>/votacion/nueva/", views.BallotCreateView.as_view(), name="ballot-create"),
            ]
        ),
    ),
    path(
        "votaciones/",
        include(
            [
                path("", views.BallotListView.as_view(), name="ballot-list"),
                path("<int:pk>/", views.BallotDetailView.as_view(), name="ballot-detail"),
                path("<int:pk>/votar/", views.BallotVoteView.as_view(), name="ballot-vote"),
                path("<int:pk>/abrir/", views.BallotOpenView.as_view(), name="ballot-open"),
                path("<int:pk>/cerrar/", views.BallotCloseView.as_view(), name="ballot-close"),
                path("<int:pk>/cancelar/", views.BallotCancelView.as_view(), name="ballot-cancel"),
                path("<int:pk>/desempate/", views.BallotTieView.as_view(), name="ballot-tie"),
                path("<int:pk>/segunda-vuelta/", views.BallotRunoffView.as_view(), name="ballot-runoff"),
                path("<int:pk>/comprobante/", views.ReceiptCheckView.as_view(), name="receipt-check"),
                path("<int:pk>/resultados.csv", views.BallotCSVView.as_view(), name="ballot-csv"),
            ]
        ),
    ),
    path(
        "proyectos/",
        include(
            [
                path("", views.ProjectListView.as_view(), name="project-list"),
                path("<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
                path(
                    "<int:pk>/ficha-<slug:language>.pdf",
                    views.ProjectFactSheetView.as_view(),
                    name="project-fact-sheet",
                ),
                path(
                    "<int:pk>/ficha/actualizar/",
                    views.ProjectFactSheetRefreshView.as_view(),
                    name="project-fact-sheet-refresh",
                ),
            ]
        ),
    ),
]
