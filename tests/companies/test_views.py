import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from companies import services
from companies.models import Evidence, Invitation, Organization, Representative, RiskQuestion
from sdg.models import Goal
from tests.companies.test_validators import png_bytes
from tests.factories import make_organization

pytestmark = pytest.mark.django_db


def profile_data(organization, **overrides):
    data = {name: getattr(organization, name) for name in services.PROFILE_FIELDS}
    return {**data, **overrides}


def test_public_directory_lists_only_active_members_without_private_columns(client, staff, org_a):
    make_organization(actor=staff, legal_name="Suspendida, S.A. de C.V.", status="suspended")
    response = client.get(reverse("companies:directory"))
    content = response.content.decode()
    assert response.status_code == 200
    assert org_a.legal_name in content and "Suspendida" not in content
    assert org_a.rfc not in content
    assert "due_diligence" not in response.context["filter_form"].fields


def test_staff_directory_filters_by_status_sdg_and_due_diligence(client, staff, org_a, org_b):
    suspended = make_organization(actor=staff, legal_name="Pausada, S.A. de C.V.", status="suspended")
    services.priorities_set(actor=staff, organization=org_b, goals=[Goal.objects.get(number=12)], alliance_roles=[])
    client.force_login(staff)
    url = reverse("companies:directory")
    listed = lambda query: {o.pk for o in client.get(url, query).context["organizations"]}  # noqa: E731
    assert listed({"participation_status": "suspended"}) == {suspended.pk}
    assert listed({"goal": Goal.objects.get(number=12).pk}) == {org_b.pk}
    assert listed({"due_diligence": "not_started"}) == {org_a.pk, org_b.pk, suspended.pk}
    assert listed({"q": org_a.rfc}) == {org_a.pk}


def test_directory_query_count_does_not_grow_with_rows(client, staff, django_assert_max_num_queries):
    goals = list(Goal.objects.filter(number__in=[4, 7, 12]))
    for _ in range(30):
        organization = make_organization(actor=staff)
        services.priorities_set(actor=staff, organization=organization, goals=goals, alliance_roles=[])
    with django_assert_max_num_queries(6):
        assert client.get(reverse("companies:directory")).status_code == 200
    client.force_login(staff)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("companies:directory"), {"page": 2, "size": "small"}).status_code == 200


def test_organization_page_query_count_is_bounded(client, staff, org_a, rep_a, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("companies:organization-detail", args=[org_a.pk])).status_code == 200


def test_staff_create_an_organization_from_the_form(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("companies:organization-create"),
        {
            "legal_name": "Delta Solar, S.A. de C.V.",
            "organization_type": "company",
            "size": "medium",
            "sector": "energy",
            "rfc": "DSO120304AB1",
            "country": "MX",
            "state": "SON",
            "logo": SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png"),
        },
    )
    organization = Organization.objects.get(legal_name="Delta Solar, S.A. de C.V.")
    assert response.status_code == 302 and response.url == organization.get_absolute_url()
    assert organization.logo.name.startswith("companies/logos/")


def test_duplicate_rfc_on_the_form_shows_a_message_and_keeps_what_was_typed(client, staff, org_a):
    client.force_login(staff)
    response = client.post(
        reverse("companies:organization-create"),
        {
            "legal_name": "Nombre Nuevo",
            "organization_type": "company",
            "size": "large",
            "sector": "food",
            "rfc": org_a.rfc,
            "country": "MX",
            "state": "",
        },
    )
    assert response.status_code == 200
    assert org_a.legal_name in str(response.context["form"].errors["rfc"])
    assert response.context["form"]["legal_name"].value() == "Nombre Nuevo"
    assert not Organization.objects.filter(legal_name="Nombre Nuevo").exists()


def test_logo_that_is_not_an_image_is_refused_next_to_the_field(client, org_a, rep_a):
    client.force_login(rep_a)
    response = client.post(
        reverse("companies:organization-update", args=[org_a.pk]),
        profile_data(
            org_a, description="Nueva descripción", logo=SimpleUploadedFile("logo.jpg", b"%PDF-1.4 a pdf in disguise")
        ),
    )
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert response.context["form"]["description"].value() == "Nueva descripción"
    org_a.refresh_from_db()
    assert org_a.description == "" and not org_a.logo


def test_representative_edits_their_profile_but_not_participation(client, org_a, rep_a):
    client.force_login(rep_a)
    response = client.post(
        reverse("companies:organization-update", args=[org_a.pk]),
        profile_data(org_a, description="Reciclamos PET", participation_status="withdrawn"),
    )
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.description == "Reciclamos PET" and org_a.participation_status == "active"


def test_staff_suspend_with_reason_from_the_participation_page(client, staff, org_a):
    client.force_login(staff)
    url = reverse("companies:participation-change", args=[org_a.pk])
    today = timezone.localdate().isoformat()
    page = client.get(url).content.decode()
    assert '<option value="" selected>Elija el nuevo estado</option>' in page  # no status chosen for staff
    response = client.post(url, {"to_status": "", "effective_on": today, "reason": "Sin proyecto"})
    assert response.status_code == 200 and "to_status" in response.context["form"].errors
    assert "Sin proyecto" in response.content.decode()  # what was typed stays
    response = client.post(url, {"to_status": "suspended", "effective_on": today, "reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    response = client.post(url, {"to_status": "suspended", "effective_on": today, "reason": "Sin proyecto"})
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.participation_status == "suspended"


def test_priorities_form_refuses_gaps_and_repeats(client, org_a, rep_a):
    client.force_login(rep_a)
    url = reverse("companies:priorities", args=[org_a.pk])
    goal4, goal12 = Goal.objects.get(number=4), Goal.objects.get(number=12)
    response = client.post(url, {"priority_1": goal4.pk, "priority_3": goal12.pk})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    response = client.post(url, {"priority_1": goal4.pk, "priority_2": goal4.pk})
    assert "priority_2" in response.context["form"].errors
    response = client.post(url, {"priority_1": goal12.pk, "priority_2": goal4.pk, "alliance_roles": ["fund"]})
    assert response.status_code == 302
    assert list(org_a.sdg_priorities.values_list("goal__number", flat=True)) == [12, 4]


def test_invitation_page_sets_password_signs_in_and_opens_the_profile(client, staff, org_a):
    _invitation, token = services.invitation_create(actor=staff, organization=org_a, email="n@a.org", full_name="N")
    url = reverse("companies:invitation-accept", args=[token])
    assert client.get(url).status_code == 200
    response = client.post(url, {"full_name": "Nadia", "password1": "clave-segura-2026", "password2": "otra"})
    assert response.status_code == 200 and "password2" in response.context["form"].errors
    assert response.context["form"]["full_name"].value() == "Nadia"
    response = client.post(
        url, {"full_name": "Nadia", "password1": "clave-segura-2026", "password2": "clave-segura-2026"}
    )
    assert response.url == reverse("companies:organization-update", args=[org_a.pk])
    assert Representative.objects.current().filter(organization=org_a, user__email="n@a.org").exists()
    response = client.get(url)
    assert response.status_code == 410 and "ya fue utilizada" in response.content.decode()


def test_expired_invitation_link_says_so(client, staff, org_a):
    invitation, token = services.invitation_create(actor=staff, organization=org_a, email="x@a.org", full_name="X")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
    response = client.get(reverse("companies:invitation-accept", args=[token]))
    assert response.status_code == 410 and "venció" in response.content.decode()


def test_unknown_invitation_link_says_so(client, db):
    response = client.get(reverse("companies:invitation-accept", args=["not-a-token"]))
    assert response.status_code == 410


def test_staff_see_who_has_not_accepted(client, staff, org_a):
    services.invitation_create(actor=staff, organization=org_a, email="pendiente@a.org", full_name="P")
    client.force_login(staff)
    assert "pendiente@a.org" in client.get(reverse("companies:invitation-list")).content.decode()


def test_evidence_upload_whose_content_lies_is_refused_with_a_message(client, staff, org_a):
    review = services.review_start(actor=staff, organization=org_a)
    client.force_login(staff)
    response = client.post(
        reverse("companies:due-diligence-evidence", args=[org_a.pk, review.pk]),
        {"title": "Acta", "file": SimpleUploadedFile("acta.pdf", png_bytes())},
    )
    assert response.status_code == 400
    assert "file" in response.context["evidence_form"].errors
    assert not Evidence.objects.exists()


def test_evidence_is_downloaded_only_through_the_permission_checked_view(client, staff, evaluator, org_a):
    review = services.review_start(actor=staff, organization=org_a)
    client.force_login(staff)
    client.post(
        reverse("companies:due-diligence-evidence", args=[org_a.pk, review.pk]),
        {"title": "Acta", "file": SimpleUploadedFile("acta.pdf", b"%PDF-1.4 contenido")},
    )
    evidence = Evidence.objects.get()
    client.force_login(evaluator)
    response = client.get(reverse("companies:due-diligence-evidence-download", args=[org_a.pk, review.pk, evidence.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_checklist_and_decision_through_the_pages(client, staff, org_a):
    review = services.review_start(actor=staff, organization=org_a)
    client.force_login(staff)
    checklist = {
        f"{q}_finding": "no_concern"
        for q in (
            "sanctions_corruption",
            "labour_human_rights",
            "environment",
            "conflict_of_interest",
            "reputation",
            "mission_alignment",
        )
    }
    response = client.post(reverse("companies:due-diligence-checklist", args=[org_a.pk, review.pk]), checklist)
    assert response.status_code == 302
    expires = (timezone.localdate() + timedelta(days=365)).isoformat()
    response = client.post(
        reverse("companies:due-diligence-decide", args=[org_a.pk, review.pk]),
        {"risk_rating": "medium", "decision": "approved_with_conditions", "conditions": "", "expires_on": expires},
    )
    assert response.status_code == 400 and "conditions" in response.context["decision_form"].errors
    response = client.post(
        reverse("companies:due-diligence-decide", args=[org_a.pk, review.pk]),
        {
            "risk_rating": "medium",
            "decision": "approved_with_conditions",
            "conditions": "Auditoría",
            "expires_on": expires,
        },
    )
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.due_diligence_state == "approved_with_conditions"


def test_csv_export_lists_the_filtered_organizations(client, staff, org_a, org_b):
    client.force_login(staff)
    response = client.get(reverse("companies:export-csv"), {"q": "Alfa"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:2] == ["id", "legal_name"]
    assert [row[1] for row in rows[1:]] == [org_a.legal_name]


def test_excel_export_opens_in_openpyxl(client, staff, org_a):
    client.force_login(staff)
    response = client.get(reverse("companies:export-xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert [cell.value for cell in sheet[2]][1] == org_a.legal_name


def test_figures_count_smes_and_statuses(client, staff):
    make_organization(actor=staff, size="micro")
    make_organization(actor=staff, size="large", status="suspended")
    client.force_login(staff)
    figures = client.get(reverse("companies:figures")).context["figures"]
    assert figures["total"] == 2 and figures["sme_share"] == 50.0
    assert {value: count for value, _label, count in figures["by_status"]}["suspended"] == 1
    make_organization(actor=staff, size="small")  # through the service: the cached figures are counted again
    figures = client.get(reverse("companies:figures")).context["figures"]
    assert figures["total"] == 3 and figures["sme_share"] == 66.7


def test_figures_are_counted_once_per_version_of_the_directory(client, staff, django_assert_max_num_queries):
    make_organization(actor=staff, size="micro")
    client.force_login(staff)
    client.get(reverse("companies:figures"))
    with django_assert_max_num_queries(3):  # the session, the user, the base page's own: no count
        page = client.get(reverse("companies:figures"))
    assert "Micro" in page.content.decode()


def test_privacy_notice_is_on_forms_that_collect_personal_data(client, staff, org_a):
    client.force_login(staff)
    for url in (
        reverse("companies:people", args=[org_a.pk]),
        reverse("companies:organization-update", args=[org_a.pk]),
    ):
        assert reverse("privacy") in client.get(url).content.decode()


def test_pages_speak_spanish_by_default_and_english_on_request(client, staff, org_a):
    assert "Organizaciones miembro" in client.get(reverse("companies:directory")).content.decode()
    staff.preferred_language = "en"
    staff.save()
    client.force_login(staff)
    content = client.get(reverse("companies:organization-detail", args=[org_a.pk])).content.decode()
    assert "Member organizations" in content and "Participation history" in content


def test_attaching_evidence_from_the_review_page_keeps_the_checklist_notes_typed_beside_it(client, staff, org_a):
    review = services.review_start(actor=staff, organization=org_a)
    client.force_login(staff)
    page = {
        **{f"{question}_finding": "not_checked" for question in RiskQuestion.values},
        "sanctions_corruption_finding": "no_concern",
        "sanctions_corruption_notes": "Sin resultados en listas de la SFP.",
        "summary": "Revisión en curso.",
        "title": "Constancia de la SFP",
        "file": SimpleUploadedFile("constancia.pdf", b"%PDF-1.4 contenido"),
    }
    response = client.post(reverse("companies:due-diligence-checklist", args=[org_a.pk, review.pk]), page)
    assert response.status_code == 302
    answer = review.answers.get(question="sanctions_corruption")
    assert (answer.finding, answer.notes) == ("no_concern", "Sin resultados en listas de la SFP.")
    assert Evidence.objects.get(review=review).title == "Constancia de la SFP"


def test_a_document_without_a_title_is_refused_and_the_notes_are_shown_again_unsaved(client, staff, org_a):
    review = services.review_start(actor=staff, organization=org_a)
    client.force_login(staff)
    page = {
        **{f"{question}_finding": "not_checked" for question in RiskQuestion.values},
        "environment_notes": "Permisos ambientales vigentes.",
        "title": "",
        "file": SimpleUploadedFile("permiso.pdf", b"%PDF-1.4 contenido"),
    }
    response = client.post(reverse("companies:due-diligence-checklist", args=[org_a.pk, review.pk]), page)
    assert response.status_code == 400
    assert "title" in response.context["evidence_form"].errors
    assert "Permisos ambientales vigentes." in response.content.decode()
    assert not Evidence.objects.exists()


def test_figures_add_up_to_a_count_of_each_figure(staff):
    """The figures come from one grouped count: each equals a count of its own."""
    import datetime

    from django.db.models import Q

    from companies import selectors
    from companies.models import Organization, OrganizationType

    today = datetime.date(2026, 6, 1)
    for size, status, kind, state, expires in [
        ("micro", "active", "company", "approved", datetime.date(2026, 1, 1)),  # expired
        ("micro", "active", "foundation", "approved", datetime.date(2027, 1, 1)),
        ("large", "suspended", "company", "in_progress", None),
        ("medium", "active", "chamber", "rejected", None),
        ("small", "withdrawn", "company", "not_started", None),
        ("large", "active", "company", "approved_with_conditions", datetime.date(2025, 1, 1)),  # expired
    ]:
        organization = make_organization(actor=staff, size=size, status=status, organization_type=kind)
        Organization.objects.filter(pk=organization.pk).update(
            due_diligence_state=state, due_diligence_expires_on=expires
        )
    archived = make_organization(actor=staff, size="micro")
    Organization.objects.filter(pk=archived.pk).update(archived_at=staff.date_joined)

    figures = selectors.figures(today=today)
    members = Organization.objects.not_archived()
    smes = Q(size__in=selectors.SME_SIZES)
    assert figures["total"] == members.count() == 6
    assert figures["smes"] == members.filter(smes).count() == 4
    assert figures["active_total"] == members.filter(participation_status="active").count() == 4
    assert figures["active_smes"] == members.filter(smes, participation_status="active").count() == 3
    assert figures["dd_expired"] == members.filter(selectors.due_diligence_filter("expired", today=today)).count() == 2
    for key, state in [
        ("dd_not_started", "not_started"),
        ("dd_in_progress", "in_progress"),
        ("dd_rejected", "rejected"),
    ]:
        assert figures[key] == members.filter(due_diligence_state=state).count() == 1
    by_type = dict(zip(OrganizationType.values, (n for _label, n in figures["by_type"]), strict=True))
    assert {value: n for value, n in by_type.items() if n} == {"company": 4, "foundation": 1, "chamber": 1}
    assert {value: n for value, _label, n in figures["by_status"] if n} == {"active": 4, "suspended": 1, "withdrawn": 1}
    assert sum(n for _label, n in figures["by_size"]) == 6
    assert figures["sme_share"] == 66.7 and figures["active_sme_share"] == 75.0
