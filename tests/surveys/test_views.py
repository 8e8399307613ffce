"""Survey pages: who may open them, what they show, e-mails sent, and pinned query counts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from surveys import services
from surveys.models import Survey, SurveyInvitation
from tests.factories import make_evaluator, make_representative

from .conftest import build_survey, goal

pytestmark = pytest.mark.django_db

MANAGER_PAGES = [
    ("surveys:survey-detail", "get"),
    ("surveys:survey-update", "get"),
    ("surveys:section-create", "get"),
    ("surveys:invitation-list", "get"),
    ("surveys:results", "get"),
    ("surveys:export-csv", "get"),
    ("surveys:export-xlsx", "get"),
    ("surveys:survey-copy", "post"),
]


@pytest.fixture
def committee_survey(chair, committee):
    return build_survey(chair, committee=committee, audience="committee", title_es="Selección de proyectos")


def test_anonymous_visitors_are_sent_to_sign_in_on_every_manager_page(client, survey):
    for name, method in [*MANAGER_PAGES, ("surveys:survey-list", "get"), ("surveys:survey-create", "get")]:
        args = [] if name in ("surveys:survey-list", "surveys:survey-create") else [survey.pk]
        response = getattr(client, method)(reverse(name, args=args))
        assert response.status_code == 302 and "/cuenta/" in response.url, name


def test_representatives_and_evaluators_get_403_on_manager_pages(client, survey, rep_b):
    for person in (rep_b, make_evaluator()):
        client.force_login(person)
        for name, method in MANAGER_PAGES:
            assert getattr(client, method)(reverse(name, args=[survey.pk])).status_code == 403, name
        assert client.get(reverse("surveys:survey-list")).status_code == 403


def test_a_chair_manages_their_committees_surveys_but_not_others(client, committee_survey, survey, chair, other_chair):
    client.force_login(chair)
    for name, method in MANAGER_PAGES:
        response = getattr(client, method)(reverse(name, args=[committee_survey.pk]))
        assert response.status_code in (200, 302), name
    assert client.get(reverse("surveys:survey-detail", args=[survey.pk])).status_code == 403
    client.force_login(other_chair)
    for name, method in MANAGER_PAGES:
        assert getattr(client, method)(reverse(name, args=[committee_survey.pk])).status_code == 403, name


def test_a_chair_cannot_create_a_survey_for_all_members(client, chair, committee):
    client.force_login(chair)
    data = {
        "title_es": "Para todos",
        "purpose": "general",
        "committee": committee.pk,
        "audience": "all_members",
        "response_unit": "organization",
    }
    response = client.post(reverse("surveys:survey-create"), data)
    assert response.status_code == 200
    assert not Survey.objects.filter(title_es="Para todos").exists()


def test_staff_build_a_survey_through_the_pages(client, staff):
    client.force_login(staff)
    now = timezone.localtime()
    response = client.post(
        reverse("surveys:survey-create"),
        {
            "title_es": "Encuesta nueva",
            "title_en": "New survey",
            "purpose": "general",
            "audience": "all_members",
            "response_unit": "organization",
            "opens_at": f"{now - datetime.timedelta(days=30):%Y-%m-%dT09:00}",
            "closes_at": f"{now + datetime.timedelta(days=30):%Y-%m-%dT18:00}",
        },
    )
    survey = Survey.objects.get(title_es="Encuesta nueva")
    assert response.status_code == 302
    client.post(reverse("surveys:section-create", args=[survey.pk]), {"title_es": "Uno", "title_en": "One"})
    section = survey.sections.get()
    response = client.post(
        reverse("surveys:question-create", args=[section.pk]),
        {"kind": "single", "text_es": "¿Color?", "text_en": "Colour?", "options": "Rojo | Red\nAzul | Blue"},
    )
    assert response.status_code == 302
    question = survey.questions.get()
    assert [(o.text_es, o.text_en) for o in question.options.all()] == [("Rojo", "Red"), ("Azul", "Blue")]
    response = client.post(
        reverse("surveys:question-create", args=[section.pk]), {"kind": "single", "text_es": "Sin opciones"}
    )
    assert "necesita al menos dos opciones" in response.content.decode()
    client.post(reverse("surveys:survey-publish", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.published_at is not None
    response = client.post(reverse("surveys:question-delete", args=[question.pk]), follow=True)
    assert survey.questions.count() == 1
    assert "Copie la encuesta" in response.content.decode()


def test_invitations_are_mailed_with_each_link_in_the_recipients_language(
    client, staff, survey, rep_a, rep_a2, rep_b, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("surveys:invitation-send", args=[survey.pk]))
    assert response.status_code == 302
    assert survey.invitations.count() == 3
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {"alicia@alfa.example", "arturo@alfa.example", "bruno@beta.example"}
    alfa = SurveyInvitation.objects.get(survey=survey, organization__short_name="Alfa")
    spanish, english = by_address["alicia@alfa.example"], by_address["arturo@alfa.example"]
    assert spanish.subject == "Encuesta: Prioridades de la alianza"
    assert english.subject == "Survey: Priorities of the alliance"
    assert f"http://testserver{alfa.get_absolute_url()}" in spanish.body or alfa.get_absolute_url() in spanish.body
    assert "cualquier representante de Alfa" in spanish.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("surveys:invitation-send", args=[survey.pk]))
    assert mailoutbox == []


def test_reminders_go_only_to_those_who_have_not_answered(
    client, staff, survey, rep_a, rep_b, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(actor=staff, survey=survey)
    alfa = survey.invitations.get(organization__short_name="Alfa")
    alfa.responded_at = alfa.created_at
    alfa.save()
    survey.invitations.update(sent_at=timezone.now() - datetime.timedelta(days=2))
    mailoutbox.clear()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("surveys:reminder-send", args=[survey.pk]))
    assert [m.to for m in mailoutbox] == [["bruno@beta.example"]]
    assert mailoutbox[0].subject == "Recordatorio: Prioridades de la alianza"
    assert survey.invitations.get(organization__short_name="Beta").get_absolute_url() in mailoutbox[0].body


def test_results_and_response_rate_pages_show_counts_charts_and_tables(
    client, staff, survey, rep_a, rep_b, django_assert_max_num_queries
):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    q = survey.q
    services.response_save(
        user=rep_a,
        invitation=invitation,
        values={q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [goal(4), goal(7)], q["yes_no"].pk: False},
    )
    services.response_submit(user=rep_a, invitation=invitation)
    client.force_login(staff)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert 'role="img"' in page and "<title" in page
    assert "100.0\u00a0%" in page
    with django_assert_max_num_queries(25):
        page = client.get(reverse("surveys:invitation-list", args=[survey.pk])).content.decode()
    assert 'id="response-rate">33.3\u00a0%' in page
    page = client.get(reverse("surveys:results", args=[survey.pk]), {"cruce": q["single"].pk}).content.decode()
    assert "Tabulación cruzada" in page and "Empresa" in page


def test_exports_carry_one_row_per_submitted_response(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    q = survey.q
    services.response_save(
        user=rep_a,
        invitation=invitation,
        values={q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [goal(4), goal(7)], q["yes_no"].pk: False},
    )
    services.response_submit(user=rep_a, invitation=invitation)
    client.force_login(staff)
    response = client.get(reverse("surveys:export-csv", args=[survey.pk]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 2
    assert "Alfa Sostenible" in lines[1] and "1. 4; 2. 7" in lines[1] and "Educación" in lines[1]
    # People read labels in their language: the header and a yes/no answer are words, not codes.
    assert lines[0].startswith("Respuesta,Enviada el,Organización,Tipo,Tamaño")
    assert ",No," in lines[1] and ",company," not in lines[1] and ",no," not in lines[1]
    response = client.get(reverse("surveys:export-xlsx", args=[survey.pk]))
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 2


def test_pending_surveys_appear_on_the_representatives_home_and_list(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    client.force_login(rep_a)
    assert "Prioridades de la alianza" in client.get(reverse("home")).content.decode()
    assert "Prioridades de la alianza" in client.get(reverse("surveys:my-surveys")).content.decode()
    assert client.get(reverse("surveys:my-surveys")).status_code == 200
    other = make_representative()
    client.force_login(other)
    assert "Prioridades de la alianza" not in client.get(reverse("surveys:my-surveys")).content.decode()


def test_copying_a_survey_starts_a_draft_with_the_same_questions_and_conditions(client, staff, survey):
    client.force_login(staff)
    response = client.post(reverse("surveys:survey-copy", args=[survey.pk]))
    copy = Survey.objects.exclude(pk=survey.pk).get()
    assert response.url == copy.get_absolute_url()
    assert copy.is_draft and copy.opens_at is None and copy.copied_from == survey
    assert copy.questions.count() == survey.questions.count()
    conditional = copy.questions.get(kind="long_text")
    assert conditional.condition_question.survey == copy


def _object_urls(survey):
    section = survey.sections.first()
    question = survey.q["single"]
    return [
        (reverse("surveys:section-update", args=[section.pk]), "get"),
        (reverse("surveys:question-create", args=[section.pk]), "get"),
        (reverse("surveys:question-update", args=[question.pk]), "get"),
        (reverse("surveys:question-delete", args=[question.pk]), "post"),
        (reverse("surveys:survey-publish", args=[survey.pk]), "post"),
        (reverse("surveys:survey-close", args=[survey.pk]), "post"),
        (reverse("surveys:survey-archive", args=[survey.pk]), "post"),
        (reverse("surveys:invitation-send", args=[survey.pk]), "post"),
        (reverse("surveys:reminder-send", args=[survey.pk]), "post"),
        (reverse("surveys:committee-proposals", args=[survey.pk]), "get"),
    ]


def test_section_question_and_action_urls_refuse_others_and_send_anonymous_visitors_to_sign_in(
    client, staff, chair, other_chair, committee
):
    survey = build_survey(chair, committee=committee, audience="committee", publish=False)
    for url, method in _object_urls(survey):
        assert getattr(client, method)(url).status_code == 302, url
    client.force_login(other_chair)
    for url, method in _object_urls(survey):
        assert getattr(client, method)(url).status_code == 403, url
    client.force_login(chair)
    for url, method in _object_urls(survey)[:3]:
        assert getattr(client, method)(url).status_code == 200, url
    client.force_login(staff)
    for url, method in _object_urls(survey):
        assert getattr(client, method)(url).status_code in (200, 302), url


def test_my_surveys_needs_signing_in(client):
    response = client.get(reverse("surveys:my-surveys"))
    assert response.status_code == 302 and "/cuenta/" in response.url


def test_respondents_see_the_survey_in_their_language(client, staff, survey, rep_a2):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    client.force_login(rep_a2)
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert "Kind of action" in page and "Education" in page and "Submit my answers" in page
    assert "Tipo de acción" not in page


def test_pages_run_a_fixed_number_of_queries(client, staff, survey, rep_a, rep_b, django_assert_max_num_queries):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    client.force_login(rep_a)
    with django_assert_max_num_queries(20):
        assert client.get(invitation.get_absolute_url()).status_code == 200
    client.force_login(staff)
    for name, args in (("surveys:survey-list", []), ("surveys:survey-detail", [survey.pk])):
        with django_assert_max_num_queries(20):
            assert client.get(reverse(name, args=args)).status_code == 200


def test_reminders_go_out_while_open_and_are_refused_once_the_survey_has_closed(staff, survey, rep_a, mailoutbox):
    services.invitations_send(actor=staff, survey=survey)
    survey.invitations.update(sent_at=timezone.now() - datetime.timedelta(days=2))
    mailoutbox.clear()
    assert services.reminders_send(actor=staff, survey=survey).sent == 1  # only Alfa has somebody to mail
    services.survey_close(actor=staff, survey=survey)
    with pytest.raises(ValidationError):
        services.reminders_send(actor=staff, survey=survey)


def test_sending_invitations_names_each_organization_skipped_and_why(client, staff, rep_a, rep_b, org_a, org_b):
    from surveys.models import Audience
    from tests.factories import make_organization

    survey = build_survey(staff, audience=Audience.CHOSEN, chosen_organizations=[org_b])
    services.invitations_send(actor=staff, survey=survey)
    no_address = make_organization(actor=staff, short_name="Delta", contact_email="")
    suspended = make_organization(actor=staff, short_name="Épsilon", status="suspended")
    survey.chosen_organizations.set([org_a, org_b, no_address, suspended])

    client.force_login(staff)
    response = client.post(reverse("surveys:invitation-send", args=[survey.pk]), follow=True)
    text = " ".join(str(message) for message in response.context["messages"])
    assert "Se envió 1 invitación." in text
    assert "Se omitieron 3 organizaciones:" in text
    assert "Beta (ya estaba invitada)" in text
    assert "Delta (no tiene representante ni correo de contacto)" in text
    assert "Épsilon (no es una organización miembro activa)" in text
    assert "Alfa" not in text
    assert survey.invitations.get(organization=no_address).send_count == 0


def test_a_question_keeps_only_the_fields_of_its_kind(client, staff):
    survey = build_survey(staff, publish=False)
    section = survey.sections.get()
    client.force_login(staff)
    response = client.post(
        reverse("surveys:question-create", args=[section.pk]),
        {
            "kind": "scale",
            "text_es": "¿Qué tan útil fue la sesión?",
            "options": "Sí | Yes\nNo | No",  # typed while it was a choice question, then hidden
            "max_choices": "2",
            "scale_min_label_es": "Nada útil",
            "scale_max_label_es": "Muy útil",
        },
    )
    assert response.status_code == 302
    question = survey.questions.get(text_es="¿Qué tan útil fue la sesión?")
    assert (question.kind, question.max_choices, question.options.count()) == ("scale", None, 0)
    assert (question.scale_min_label_es, question.scale_max_label_es) == ("Nada útil", "Muy útil")


def test_a_choice_question_without_options_is_refused_next_to_its_options(client, staff):
    section = build_survey(staff, publish=False).sections.get()
    client.force_login(staff)
    response = client.post(
        reverse("surveys:question-create", args=[section.pk]),
        {"kind": "single", "text_es": "Tipo de organización", "scale_min_label_es": "Nada"},
    )
    assert response.status_code == 200
    assert "options" in response.context["form"].errors
    page = response.content.decode()
    assert 'data-question-kinds="single multiple ranking"' in page
    assert "Solo para preguntas de tipo: Escala del 1 al 5." in page


def test_the_question_page_opens_with_the_question_as_it_is(client, staff):
    survey = build_survey(staff, publish=False)
    client.force_login(staff)
    form = client.get(reverse("surveys:question-update", args=[survey.q["long_text"].pk])).context["form"]
    assert (form["kind"].value(), form["text_es"].value(), form["text_en"].value()) == (
        "long_text",
        "Describa sus acciones",
        "Describe your actions",
    )
    assert (form["required"].value(), form["condition_question"].value(), form["condition_value"].value()) == (
        True,
        survey.q["yes_no"].pk,
        "sí",
    )
    options = client.get(reverse("surveys:question-update", args=[survey.q["single"].pk])).context["form"]["options"]
    assert options.value() == "Educación | Education\nEnergía | Energy"
