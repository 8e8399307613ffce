"""Calls, proposals, evaluations and projects; Spanish paths, English kebab-case names."""

from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("convocatorias/", views.CallListView.as_view(), name="call-list"),
    path("convocatorias/nueva/", views.CallCreateView.as_view(), name="call-create"),
    path("convocatorias/<int:pk>/", views.CallDetailView.as_view(), name="call-detail"),
    path("convocatorias/<int:pk>/editar/", views.CallUpdateView.as_view(), name="call-update"),
    path("convocatorias/<int:pk>/matriz/", views.EvaluationMatrixView.as_view(), name="evaluation-matrix"),
    path("convocatorias/<int:pk>/proponer/", views.ProposalStartView.as_view(), name="proposal-start"),
    path("propuestas/", views.ProposalListView.as_view(), name="proposal-list"),
    path("propuestas/comite/<int:pk>/", views.CommitteeProposalListView.as_view(), name="committee-proposals"),
    path("propuestas/<int:pk>/", views.ProposalDetailView.as_view(), name="proposal-detail"),
    path("propuestas/<int:pk>/editar/<slug:step>/", views.ProposalStepView.as_view(), name="proposal-edit"),
    path("propuestas/<int:pk>/enviar/", views.ProposalSubmitView.as_view(), name="proposal-submit"),
    path(
        "propuestas/<int:pk>/estado/<slug:action>/", views.ProposalTransitionView.as_view(), name="proposal-transition"
    ),
    path("propuestas/<int:pk>/publicar/", views.ProposalPublishView.as_view(), name="proposal-publish"),
    path("propuestas/<int:pk>/comentarios/", views.CommentCreateView.as_view(), name="comment-create"),
    path("propuestas/<int:pk>/versiones/<int:number>/", views.VersionView.as_view(), name="version-detail"),
    path(
        "propuestas/<int:pk>/consorcio/<int:member_pk>/responder/",
        views.PartnerRespondView.as_view(),
        name="partner-respond",
    ),
    path("propuestas/<int:pk>/evaluadores/", views.EvaluatorAssignView.as_view(), name="evaluator-assign"),
    path("propuestas/adjuntos/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment-download"),
    path("evaluaciones/", views.MyEvaluationsView.as_view(), name="my-evaluations"),
    path("evaluaciones/<int:pk>/", views.EvaluationView.as_view(), name="evaluation"),
    path("selecciones/comite/<int:pk>/", views.CommitteeSelectionsView.as_view(), name="committee-selections"),
    path("selecciones/comite/<int:pk>/nueva/", views.RoundCreateView.as_view(), name="round-create"),
    path("selecciones/<int:pk>/", views.RoundDetailView.as_view(), name="round-detail"),
    path("selecciones/evidencia/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence-download"),
    path("selecciones/<int:pk>/evidencia/", views.EvidenceAddView.as_view(), name="evidence-add"),
    path("selecciones/<int:pk>/cerrar/", views.RoundCloseView.as_view(), name="round-close"),
    path("selecciones/<int:pk>/votacion/nueva/", views.BallotCreateView.as_view(), name="ballot-create"),
    path("votaciones/", views.BallotListView.as_view(), name="ballot-list"),
    path("votaciones/<int:pk>/", views.BallotDetailView.as_view(), name="ballot-detail"),
    path("votaciones/<int:pk>/votar/", views.BallotVoteView.as_view(), name="ballot-vote"),
    path("votaciones/<int:pk>/abrir/", views.BallotActionView.as_view(action="open"), name="ballot-open"),
    path("votaciones/<int:pk>/cerrar/", views.BallotActionView.as_view(action="close"), name="ballot-close"),
    path("votaciones/<int:pk>/cancelar/", views.BallotCancelView.as_view(), name="ballot-cancel"),
    path("votaciones/<int:pk>/desempate/", views.BallotTieView.as_view(), name="ballot-tie"),
    path("votaciones/<int:pk>/segunda-vuelta/", views.BallotRunoffView.as_view(), name="ballot-runoff"),
    path("votaciones/<int:pk>/comprobante/", views.ReceiptCheckView.as_view(), name="receipt-check"),
    path("votaciones/<int:pk>/resultados.csv", views.BallotCSVView.as_view(), name="ballot-csv"),
    path("proyectos/", views.ProjectListView.as_view(), name="project-list"),
    path("proyectos/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
]
