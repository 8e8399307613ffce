"""In Chromium: a representative starts a proposal, walks every step of the wizard, leaves, resumes and submits."""

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from projects.models import Activity, Proposal
from tests.browser.journey import DEMO_PASSWORD
from tests.factories import PASSWORD, make_member, make_organization, make_staff
from tests.projects.conftest import make_call, make_committee

TITLE = "Redistribución de pan en tiendas de barrio"
STEPS = [
    "Título y resumen",
    "Consorcio",
    "Problema",
    "Fin, objetivo y componentes",
    "Alineación con los ODS",
    "Matriz de resultados",
    "Criterios de sostenibilidad y de la AxS",
    "Cooperación internacional",
    "Presupuesto",
    "Anexos",
]


def _start(journey, call, email, password=DEMO_PASSWORD):
    journey.sign_in(email, password=password)
    journey.follow("Propuestas", exact=True)
    journey.follow(call.title, exact=True)
    journey.follow("Iniciar una propuesta")
    journey.field("Título del proyecto").fill(TITLE)
    journey.press("Iniciar la propuesta")
    expect(journey.page.get_by_text("Se creó el borrador. Llénelo por pasos; se guarda en cada paso.")).to_be_visible()
    return Proposal.objects.get(title=TITLE)


def _activity(page, description, starts_on, ends_on):
    page.locator("[name=activity-component]").select_option(label="Rutas de recolección")
    page.locator("[name=activity-description]").fill(description)
    page.locator("[name=activity-starts_on]").fill(starts_on)
    page.locator("[name=activity-ends_on]").fill(ends_on)


def _texts(page, values):
    for name, value in values.items():  # the design step sends its texts with its rows (#step-rows)
        page.locator(f"#step-texts [name={name}], #step-rows [name={name}]").fill(value)


def _rows(page, values):
    form = page.locator("#step-rows")
    for name, value in values.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)


def _move_on(journey, step, validate_as=None):
    """Press the step's "Save and continue" (a button sending the step's forms) and land on the next step."""
    journey.press("Guardar y seguir", validate_as=validate_as)
    expect(journey.page.locator("[aria-current=step]:visible")).to_contain_text(step)


def test_a_representative_walks_the_wizard_saves_leaves_resumes_and_submits(demo, journey, transactional_db):
    page = journey.page
    representative = get_user_model().objects.get(email="representante@axs.example")
    call = Proposal.objects.filter(created_by=representative, status="draft").first().call
    proposal = _start(journey, call, representative.email)
    organization = str(proposal.consortium.get(is_lead=True).organization)

    journey.field("Resumen").fill("Recuperar el pan del día en tiendas de barrio para comedores comunitarios.")
    _move_on(journey, "Consorcio", validate_as="representative-step-1")
    page.get_by_label("Papel en el proyecto").fill("Coordina el consorcio y recoge el pan.")
    journey.press("Guardar el papel")
    # The contribution is typed and never "added": moving on saves it.
    _rows(page, {"member": organization, "kind": "Financiera", "amount_mxn": "120000"})
    _move_on(journey, "Problema")
    journey.visit("/")  # leaves
    journey.follow("Propuestas", exact=True)  # comes back
    journey.follow(TITLE, exact=True)
    journey.follow("Continuar editando")
    journey.follow("Consorcio", exact=True)
    expect(page.get_by_text("$120,000.00 MXN")).to_be_visible()
    journey.follow("Problema", exact=True)

    _texts(page, {"problem": "Las tiendas tiran el pan.", "causes": "Sin rutas.", "effects": "Hambre y basura."})
    _move_on(journey, "Fin, objetivo y componentes")
    _texts(page, {"purpose": "Menos desperdicio.", "general_objective": "Recuperar 10 t de pan al año."})
    journey.press("Guardar", exact=True)
    page.locator("[name=component-title]").fill("Rutas de recolección")
    journey.press("Agregar el componente")
    _activity(page, "Trazar las rutas", "2027-01-04", "2027-03-26")
    journey.press("Agregar la actividad", validate_as="representative-step-3")
    _activity(page, "Recoger el pan", "2027-04-05", "2027-12-17")
    _move_on(journey, "Alineación con los ODS")  # moving on saves the activity typed in, no JavaScript needed
    assert list(Activity.objects.filter(component__proposal=proposal).values_list("description", flat=True)) == [
        "Trazar las rutas",
        "Recoger el pan",
    ]

    page.locator("#target-pick select").select_option(index=3)  # shows that target's indicators only
    page.locator("#step-rows input[type=checkbox]:visible").first.check()
    _move_on(journey, "Matriz de resultados")
    assert proposal.aligned_targets.count() == 1
    _rows(
        page,
        {
            "name": "Pan recuperado",
            "unit": "toneladas",
            "baseline_value": "0",
            "baseline_year": "2026",
            "target_value": "10",
            "target_year": "2028",
            "means_of_verification": "Bitácoras de los comedores",
        },
    )
    _move_on(journey, "Criterios de sostenibilidad y de la AxS", validate_as="representative-step-6")
    assert proposal.indicators.filter(name="Pan recuperado").exists()
    for box in page.locator("#step-texts textarea").all():
        box.fill("Se argumenta con datos de las tiendas del barrio.")
    _move_on(journey, "Cooperación internacional")
    _texts(page, {"international_cooperation": "Intercambio con bancos de alimentos de Guatemala."})
    page.locator("#step-texts input[type=checkbox]").first.check()
    _move_on(journey, "Presupuesto")
    _rows(page, {"year": "2027", "source_member": organization, "concept": "Bicicletas", "amount_mxn": "120000"})
    _move_on(journey, "Anexos", validate_as="representative-step-8")
    assert proposal.budget.filter(concept="Bicicletas").exists()

    journey.press("Guardar y revisar", validate_as="representative-submit")
    journey.press("Enviar la propuesta")
    expect(page.get_by_text("La propuesta se envió. Se le avisará por correo de cada cambio.")).to_be_visible()
    journey.check()
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_an_incomplete_proposal_cannot_be_sent(journey, transactional_db):
    staff = make_staff()
    call = make_call(actor=staff, committee=make_committee(actor=staff))
    lead = make_member(make_organization(actor=staff), email="incompleta@example.org")
    _start(journey, call, lead.email, password=PASSWORD)
    journey.follow("Revisar y enviar", validate_as="representative-submit-incomplete")
    expect(journey.page.get_by_role("button", name="Enviar la propuesta")).to_be_disabled()


def test_moving_to_the_next_step_keeps_what_the_representative_typed(journey, transactional_db):
    page = journey.page
    staff = make_staff()
    call = make_call(actor=staff, committee=make_committee(actor=staff))
    lead = make_member(make_organization(actor=staff), email="siguiente@example.org")
    proposal = _start(journey, call, lead.email, password=PASSWORD)
    journey.field("Resumen").fill("Lo escrito antes de pasar al paso siguiente.")
    journey.press("Guardar y seguir")
    expect(page.locator("[aria-current=step]:visible")).to_contain_text("Consorcio")
    proposal.refresh_from_db()
    assert proposal.summary == "Lo escrito antes de pasar al paso siguiente."
