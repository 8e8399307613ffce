"""Who may open which page: anonymous, a representative of another organization, evaluator, staff."""

import pytest
from django.urls import reverse

from companies import services
from companies.models import Representative
from tests.factories import make_member

pytestmark = pytest.mark.django_db

STAFF_ONLY_PAGES = [
    "companies:organization-create",
    "companies:import",
    "companies:import-template",
    "companies:export-csv",
    "companies:export-xlsx",
    "companies:figures",
    "companies:invitation-list",
]


@pytest.fixture
def org_b_urls(staff, org_b, rep_b):
    """Every URL about organization B, with its method and who may use it besides staff."""
    colleague = make_member(org_b)
    link = Representative.objects.get(user=colleague)
    invitation, _token = services.invitation_create(actor=staff, organization=org_b, email="i@b.org", full_name="I")
    review = services.review_start(actor=staff, organization=org_b)
    from django.core.files.base import ContentFile

    evidence = services.evidence_add(
        actor=staff, review=review, title="Constancia", file=ContentFile(b"%PDF-1.4 x", name="constancia.pdf")
    )
    pk = org_b.pk
    return [
        # (url, method, representative of B may, evaluator may)
        (reverse("companies:organization-update", args=[pk]), "get", True, False),
        (reverse("companies:organization-archive", args=[pk]), "get", False, False),
        (reverse("companies:organization-restore", args=[pk]), "post", False, False),
        (reverse("companies:participation-change", args=[pk]), "get", False, False),
        (reverse("companies:priorities", args=[pk]), "get", True, False),
        (reverse("companies:people", args=[pk]), "get", True, False),
        (reverse("companies:representative-remove", args=[pk, link.pk]), "get", True, False),
        (reverse("companies:invitation-resend", args=[pk, invitation.pk]), "post", True, False),
        (reverse("companies:invitation-revoke", args=[pk, invitation.pk]), "post", True, False),
        (reverse("companies:due-diligence-list", args=[pk]), "get", False, True),
        (reverse("companies:due-diligence-start", args=[pk]), "post", False, False),
        (reverse("companies:due-diligence-detail", args=[pk, review.pk]), "get", False, True),
        (reverse("companies:due-diligence-checklist", args=[pk, review.pk]), "post", False, False),
        (reverse("companies:due-diligence-evidence", args=[pk, review.pk]), "post", False, False),
        (reverse("companies:due-diligence-decide", args=[pk, review.pk]), "post", False, False),
        (reverse("companies:due-diligence-evidence-download", args=[pk, review.pk, evidence.pk]), "get", False, True),
    ]


def test_anonymous_visitors_are_sent_to_sign_in_on_every_private_organization_page(client, org_b_urls):
    for url, method, _rep, _evaluator in org_b_urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url


def test_representative_of_another_organization_is_refused_on_every_page_of_b(client, rep_a, org_b_urls):
    client.force_login(rep_a)
    for url, method, _rep, _evaluator in org_b_urls:
        assert getattr(client, method)(url).status_code == 403, url


def test_evaluator_reads_due_diligence_but_changes_nothing(client, evaluator, org_b_urls):
    client.force_login(evaluator)
    for url, method, _rep, evaluator_may in org_b_urls:
        expected = 200 if evaluator_may else 403
        assert getattr(client, method)(url).status_code == expected, url


def test_representative_of_b_opens_the_pages_of_their_own_organization(client, rep_b, org_b_urls):
    client.force_login(rep_b)
    for url, method, rep_may, _evaluator in org_b_urls:
        response = getattr(client, method)(url)
        if rep_may:
            assert response.status_code in (200, 302), url
        else:
            assert response.status_code == 403, url


def test_staff_open_every_page_of_an_organization(client, staff, org_b_urls):
    client.force_login(staff)
    for url, method, _rep, _evaluator in org_b_urls:
        if method == "get":
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("name", STAFF_ONLY_PAGES)
def test_staff_only_pages_answer_by_role(client, name, rep_a, evaluator, staff):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    client.force_login(rep_a)
    assert client.get(url).status_code == 403
    client.force_login(evaluator)
    assert client.get(url).status_code == 403
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_representative_cannot_reach_another_organizations_invitation_through_their_own_url(
    client, staff, org_a, rep_a, org_b
):
    invitation, _token = services.invitation_create(actor=staff, organization=org_b, email="x@b.org", full_name="X")
    client.force_login(rep_a)
    for name in ("companies:invitation-resend", "companies:invitation-revoke"):
        assert client.post(reverse(name, args=[org_a.pk, invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and invitation.send_count == 1


def test_representative_cannot_remove_another_organizations_representative_through_their_own_url(
    client, org_a, rep_a, rep_b
):
    link_b = Representative.objects.get(user=rep_b)
    client.force_login(rep_a)
    url = reverse("companies:representative-remove", args=[org_a.pk, link_b.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    link_b.refresh_from_db()
    assert link_b.is_current


def test_representative_of_another_organization_sees_only_the_public_profile(client, rep_a, org_b, rep_b):
    org_b.contact_email = "privado@beta.example"
    org_b.save()
    client.force_login(rep_a)
    response = client.get(reverse("companies:organization-detail", args=[org_b.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    for private in (org_b.rfc, "privado@beta.example", rep_b.email, rep_b.phone):
        assert private not in content


def test_invited_organization_is_not_public(client, rep_a, staff):
    from tests.factories import make_organization

    invited = make_organization(actor=staff, status="invited")
    url = reverse("companies:organization-detail", args=[invited.pk])
    assert client.get(url).status_code == 302
    client.force_login(rep_a)
    assert client.get(url).status_code == 403


def test_my_organization_takes_a_representative_to_their_organization(client, org_a, rep_a):
    assert client.get(reverse("companies:my-organization")).status_code == 302
    client.force_login(rep_a)
    response = client.get(reverse("companies:my-organization"))
    assert response.url == reverse("companies:organization-detail", args=[org_a.pk])
