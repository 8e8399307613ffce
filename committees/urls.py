"""Committee, session, agreement and calendar pages; Spanish paths, English kebab-case names."""

from django.urls import include, path

from . import views

app_name = "committees"

# Grouped by their first segment, so each area's addresses read together.
urlpatterns = [
    path(
        "comites/",
        include(
            [
                path("", views.CommitteeListView.as_view(), name="committee-list"),
                path("nuevo/", views.CommitteeCreateView.as_view(), name="committee-create"),
                path("mi-comite/", views.MyCommitteesView.as_view(), name="my-committees"),
                path("<int:pk>/", views.CommitteeDetailView.as_view(), name="committee-detail"),
                path("<int:pk>/editar/", views.CommitteeUpdateView.as_view(), name="committee-update"),
                path("<int:pk>/cerrar/", views.CommitteeCloseView.as_view(), name="committee-close"),
                path("<int:pk>/miembros/", views.CommitteeMembersView.as_view(), name="committee-members"),
                path("<int:pk>/miembros/agregar/", views.MembershipAddView.as_view(), name="membership-add"),
                path("<int:pk>/miembros/solicitar/", views.MembershipRequestView.as_view(), name="membership-request"),
                path(
                    "membresias/<int:pk>/<slug:action>/",
                    views.MembershipTransitionView.as_view(),
                    name="membership-transition",
                ),
                path("<int:pk>/cargos/", views.PostAppointView.as_view(), name="post-appoint"),
                path("<int:pk>/plan/", views.WorkPlanView.as_view(), name="work-plan"),
                path("<int:pk>/plan/areas/nueva/", views.PriorityAreaCreateView.as_view(), name="priority-area-create"),
                path(
                    "<int:pk>/plan/areas/<int:area_pk>/",
                    views.PriorityAreaEditView.as_view(),
                    name="priority-area-edit",
                ),
                path("<int:pk>/plan/actividades/nueva/", views.ActivityCreateView.as_view(), name="activity-create"),
                path(
                    "<int:pk>/plan/actividades/<int:activity_pk>/",
                    views.ActivityUpdateView.as_view(),
                    name="activity-update",
                ),
                path("<int:pk>/sesiones/", views.CommitteeSessionListView.as_view(), name="committee-sessions"),
                path("<int:pk>/sesiones/nueva/", views.SessionCreateView.as_view(), name="session-create"),
                path(
                    "<int:pk>/sesiones/registrar/",
                    views.SessionCreateView.as_view(recording=True),
                    name="session-record",
                ),
                path("<int:pk>/acuerdos/", views.CommitteeAgreementListView.as_view(), name="committee-agreements"),
            ]
        ),
    ),
    path(
        "sesiones/",
        include(
            [
                path("", views.SessionListView.as_view(), name="session-list"),
                path("plenarias/nueva/", views.SessionCreateView.as_view(), name="plenary-create"),
                path("plenarias/registrar/", views.SessionCreateView.as_view(recording=True), name="plenary-record"),
                path("<int:pk>/", views.SessionDetailView.as_view(), name="session-detail"),
                path("<int:pk>/editar/", views.SessionUpdateView.as_view(), name="session-update"),
                path("<int:pk>/cancelar/", views.SessionCancelView.as_view(), name="session-cancel"),
                path("<int:pk>/orden-del-dia/", views.AgendaItemAddView.as_view(), name="agenda-item-add"),
                path(
                    "<int:pk>/orden-del-dia/<int:item_pk>/", views.AgendaItemEditView.as_view(), name="agenda-item-edit"
                ),
                path(
                    "<int:pk>/orden-del-dia/<int:item_pk>/mover/",
                    views.AgendaItemMoveView.as_view(),
                    name="agenda-item-move",
                ),
                path("<int:pk>/documentos/", views.DocumentAddView.as_view(), name="document-add"),
                path("documentos/<int:pk>/", views.DocumentDownloadView.as_view(), name="document-download"),
                path("<int:pk>/confirmar/", views.AttendanceConfirmView.as_view(), name="attendance-confirm"),
                path("<int:pk>/asistencia/", views.AttendanceRecordView.as_view(), name="attendance-record"),
                path("<int:pk>/asistencia/corregir/", views.AttendanceCorrectView.as_view(), name="attendance-correct"),
                path("<int:pk>/minuta/", views.MinutesEditView.as_view(), name="minutes-edit"),
                path("<int:pk>/minuta/aprobar/", views.MinutesApproveView.as_view(), name="minutes-approve"),
                path("<int:pk>/minuta/comentar/", views.MinutesCommentView.as_view(), name="minutes-comment"),
                path("<int:pk>/acuerdos/nuevo/", views.AgreementCreateView.as_view(), name="agreement-create"),
                path("<int:pk>/evento.ics", views.SessionICalendarView.as_view(), name="session-ics"),
            ]
        ),
    ),
    path(
        "acuerdos/",
        include(
            [
                path("", views.AgreementListView.as_view(), name="agreement-list"),
                path("<int:pk>/", views.AgreementUpdateView.as_view(), name="agreement-update"),
            ]
        ),
    ),
    path(
        "calendario/",
        include(
            [
                path("", views.CalendarView.as_view(), name="calendar"),
                path("suscripcion/", views.CalendarSubscribeView.as_view(), name="calendar-subscribe"),
                path("suscripcion/detener/", views.CalendarStopView.as_view(), name="calendar-stop"),
                path("<str:token>.ics", views.calendar_feed, name="calendar-feed"),
            ]
        ),
    ),
]
