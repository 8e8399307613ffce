"""Committee, session, agreement and calendar pages; Spanish paths, English kebab-case names."""

from django.urls import path

from . import views

app_name = "committees"

urlpatterns = [
    path("comites/", views.CommitteeListView.as_view(), name="committee-list"),
    path("comites/nuevo/", views.CommitteeCreateView.as_view(), name="committee-create"),
    path("comites/mi-comite/", views.MyCommitteesView.as_view(), name="my-committees"),
    path("comites/<int:pk>/", views.CommitteeDetailView.as_view(), name="committee-detail"),
    path("comites/<int:pk>/editar/", views.CommitteeUpdateView.as_view(), name="committee-update"),
    path("comites/<int:pk>/cerrar/", views.CommitteeCloseView.as_view(), name="committee-close"),
    path("comites/<int:pk>/miembros/", views.CommitteeMembersView.as_view(), name="committee-members"),
    path("comites/<int:pk>/miembros/agregar/", views.MembershipAddView.as_view(), name="membership-add"),
    path("comites/<int:pk>/miembros/solicitar/", views.MembershipRequestView.as_view(), name="membership-request"),
    path(
        "comites/membresias/<int:pk>/<slug:action>/",
        views.MembershipTransitionView.as_view(),
        name="membership-transition",
    ),
    path("comites/<int:pk>/cargos/", views.PostAppointView.as_view(), name="post-appoint"),
    path("comites/<int:pk>/plan/areas/nueva/", views.PriorityAreaCreateView.as_view(), name="priority-area-create"),
    path("comites/<int:pk>/plan/areas/<int:area_pk>/", views.PriorityAreaEditView.as_view(), name="priority-area-edit"),
    path("comites/<int:pk>/plan/actividades/nueva/", views.ActivityCreateView.as_view(), name="activity-create"),
    path(
        "comites/<int:pk>/plan/actividades/<int:activity_pk>/",
        views.ActivityUpdateView.as_view(),
        name="activity-update",
    ),
    path("comites/<int:pk>/sesiones/", views.CommitteeSessionListView.as_view(), name="committee-sessions"),
    path("comites/<int:pk>/sesiones/nueva/", views.SessionCreateView.as_view(), name="session-create"),
    path("comites/<int:pk>/acuerdos/", views.CommitteeAgreementListView.as_view(), name="committee-agreements"),
    path("sesiones/", views.SessionListView.as_view(), name="session-list"),
    path("sesiones/plenarias/nueva/", views.SessionCreateView.as_view(), name="plenary-create"),
    path("sesiones/<int:pk>/", views.SessionDetailView.as_view(), name="session-detail"),
    path("sesiones/<int:pk>/editar/", views.SessionUpdateView.as_view(), name="session-update"),
    path("sesiones/<int:pk>/cancelar/", views.SessionCancelView.as_view(), name="session-cancel"),
    path("sesiones/<int:pk>/orden-del-dia/", views.AgendaItemAddView.as_view(), name="agenda-item-add"),
    path("sesiones/<int:pk>/orden-del-dia/<int:item_pk>/", views.AgendaItemEditView.as_view(), name="agenda-item-edit"),
    path(
        "sesiones/<int:pk>/orden-del-dia/<int:item_pk>/mover/",
        views.AgendaItemMoveView.as_view(),
        name="agenda-item-move",
    ),
    path("sesiones/<int:pk>/documentos/", views.DocumentAddView.as_view(), name="document-add"),
    path("sesiones/documentos/<int:pk>/", views.DocumentDownloadView.as_view(), name="document-download"),
    path("sesiones/<int:pk>/confirmar/", views.AttendanceConfirmView.as_view(), name="attendance-confirm"),
    path("sesiones/<int:pk>/asistencia/", views.AttendanceRecordView.as_view(), name="attendance-record"),
    path("sesiones/<int:pk>/minuta/", views.MinutesEditView.as_view(), name="minutes-edit"),
    path("sesiones/<int:pk>/minuta/aprobar/", views.MinutesApproveView.as_view(), name="minutes-approve"),
    path("sesiones/<int:pk>/minuta/comentar/", views.MinutesCommentView.as_view(), name="minutes-comment"),
    path("sesiones/<int:pk>/acuerdos/nuevo/", views.AgreementCreateView.as_view(), name="agreement-create"),
    path("sesiones/<int:pk>/evento.ics", views.SessionICalendarView.as_view(), name="session-ics"),
    path("acuerdos/", views.AgreementListView.as_view(), name="agreement-list"),
    path("acuerdos/<int:pk>/", views.AgreementUpdateView.as_view(), name="agreement-update"),
    path("calendario/", views.CalendarView.as_view(), name="calendar"),
    path("calendario/suscripcion/", views.CalendarSubscribeView.as_view(), name="calendar-subscribe"),
    path("calendario/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
]
