"""In Chromium: the evaluator declares no conflict, scores every criterion of the matrix, submits; staff read it."""

from playwright.sync_api import expect

from projects.models import Evaluation


def test_the_evaluator_scores_the_matrix_and_staff_see_it_in_the_calls_matrix(demo, journey, transactional_db):
    page = journey.page
    evaluation = Evaluation.objects.select_related("proposal").get(
        evaluator__email="evaluador@axs.example", status="assigned"
    )
    proposal = evaluation.proposal

    journey.sign_in("evaluador@axs.example")
    journey.follow("Evaluaciones", exact=True)
    journey.follow(proposal.title, exact=True)
    page.get_by_label("No, no tengo conflicto de interés").check()
    journey.press("Declarar")
    journey.check(validate_as="evaluator-matrix")

    scores = page.locator("main table input[type=number]")
    criteria = scores.count()
    assert criteria >= 10, "the matrix lists every criterion of the call"
    for index in range(criteria):
        scores.nth(index).fill(str(index % 6))
    page.get_by_label("Comentario: Sostenibilidad ambiental").fill("Reúso de agua con medición mensual.")
    journey.field("Comentario general").fill("Propuesta sólida; falta precisar la línea base.")
    journey.press("Enviar la evaluación")
    expect(page.get_by_text("La evaluación se envió.")).to_be_visible()
    expect(page.get_by_role("cell", name="Reúso de agua con medición mensual.")).to_be_visible()
    evaluation.refresh_from_db()
    assert evaluation.status == "submitted"
    assert evaluation.scores.count() == criteria

    journey.sign_in("staff@amexcid.example")
    journey.visit(f"/convocatorias/{proposal.call_id}/")
    journey.follow("Matriz de evaluación", validate_as="staff-evaluation-matrix")
    expect(page.get_by_role("heading", name="Matriz de evaluación", level=1)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=proposal.title).first).to_be_visible()
