"""Survey pages; Spanish paths, English kebab-case names."""

from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.SurveyListView.as_view(), name="survey-list"),
    path("nueva/", views.SurveyCreateView.as_view(), name="survey-create"),
    path("pendientes/", views.MySurveysView.as_view(), name="my-surveys"),
    path("<int:pk>/", views.SurveyDetailView.as_view(), name="survey-detail"),
    path("<int:pk>/editar/", views.SurveyUpdateView.as_view(), name="survey-update"),
    path("<int:pk>/publicar/", views.SurveyPublishView.as_view(), name="survey-publish"),
    path("<int:pk>/cerrar/", views.SurveyCloseView.as_view(), name="survey-close"),
    path("<int:pk>/copiar/", views.SurveyCopyView.as_view(), name="survey-copy"),
    path("<int:pk>/archivar/", views.SurveyArchiveView.as_view(), name="survey-archive"),
    path("<int:pk>/secciones/nueva/", views.SectionCreateView.as_view(), name="section-create"),
    path("secciones/<int:pk>/", views.SectionUpdateView.as_view(), name="section-update"),
    path("secciones/<int:pk>/preguntas/nueva/", views.QuestionCreateView.as_view(), name="question-create"),
    path("preguntas/<int:pk>/", views.QuestionUpdateView.as_view(), name="question-update"),
    path("preguntas/<int:pk>/eliminar/", views.QuestionDeleteView.as_view(), name="question-delete"),
    path("<int:pk>/invitaciones/", views.InvitationListView.as_view(), name="invitation-list"),
    path("<int:pk>/invitaciones/enviar/", views.InvitationSendView.as_view(), name="invitation-send"),
    path("<int:pk>/recordatorios/", views.ReminderSendView.as_view(), name="reminder-send"),
    path("<int:pk>/resultados/", views.ResultsView.as_view(), name="results"),
    path("<int:pk>/respuestas.csv", views.ExportCsvView.as_view(), name="export-csv"),
    path("<int:pk>/respuestas.xlsx", views.ExportExcelView.as_view(), name="export-xlsx"),
    path("<int:pk>/comites-propuestos/", views.CommitteeProposalsView.as_view(), name="committee-proposals"),
    path("responder/<str:token>/", views.AnswerView.as_view(), name="answer"),
    path("responder/<str:token>/gracias/", views.AnswerThanksView.as_view(), name="answer-thanks"),
]
