"""In Chromium: staff find an organization among many by search, read a paged work plan, page the audit trail by key."""

from playwright.sync_api import expect

from committees.models import Committee, Membership
from committees.selectors import organizations_for_membership


def test_staff_seat_an_organization_found_by_search_and_read_the_work_plan_and_the_trail(
    demo, journey, transactional_db
):
    page = journey.page
    committee = Committee.objects.filter(closed_at__isnull=True).order_by("pk").first()
    candidate = organizations_for_membership(committee).first()
    journey.sign_in("staff@amexcid.example")

    journey.visit(f"/comites/{committee.pk}/miembros/agregar/", validate_as="membership-add-search")
    journey.field("Nota").fill("Aprobada en la sesión plenaria")
    journey.field("Buscar organizaciones").fill(candidate.legal_name[:12])
    journey.press("Buscar", exact=True, validate_as="membership-add-narrowed")
    expect(journey.field("Buscar organizaciones")).to_have_value(candidate.legal_name[:12])
    expect(journey.field("Nota")).to_have_value("Aprobada en la sesión plenaria")  # searching lost nothing
    expect(page.locator(".invalid-feedback")).to_have_count(0)  # nor judged the form half-filled
    journey.field("Organización").select_option(value=str(candidate.pk))
    journey.press("Agregar al comité")
    expect(page.get_by_text("La organización ahora forma parte del comité.")).to_be_visible()
    assert Membership.objects.filter(committee=committee, organization=candidate, status="active").exists()

    journey.visit(f"/comites/{committee.pk}/plan/", validate_as="work-plan")
    expect(page.get_by_role("heading", name="Plan de trabajo", level=1)).to_be_visible()

    journey.visit("/auditoria/", validate_as="audit-keyset")
    journey.follow("Más antiguos")
    expect(page.get_by_role("link", name="Más recientes")).to_be_visible()
