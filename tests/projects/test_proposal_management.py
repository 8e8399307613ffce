"""The staff's proposal list: filters with counts, the query line and its errors, sorts, saved filters, bulk actions."""

import datetime

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation

from projects import services
from projects.models import AlignedTarget, Evaluation, Proposal, ProposalTransition, SavedFilter
from projects.triage import criteria_from, facet_counts, filtered_proposals
from projects.triage.facets import sorted_proposals
from sdg.models import Target
from tests.factories import make_evaluator

pytestmark = pytest.mark.django_db


def _proposal(cast, title, status="submitted", *, call=None, committee=None, lead=None):
    call = call or cast.call
    return Proposal.objects.create(
        call=call,
        committee=committee or call.committee,
        lead_organization=lead or cast.lead_org,
        created_by=cast.lead,
        title=title,
        status=status,
        version=1,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def pile(cast):
    """Four submitted-once proposals and a draft: two submitted, one in review, one declined."""
    a = _proposal(cast, "Agua limpia")
    b = _proposal(cast, "Bosques vivos", lead=cast.partner_org)
    c = _proposal(cast, "Comedores escolares", "in_review")
    d = _proposal(cast, "Energía solar", "declined")
    draft = _proposal(cast, "Borrador oculto", "draft")
    draft.version = 0
    draft.save()
    AlignedTarget.objects.create(proposal=a, target=Target.objects.get(code="7.1"))
    AlignedTarget.objects.create(proposal=c, target=Target.objects.get(code="12.3"))
    return a, b, c, d


# The staff list's queries with no evaluator assigned: the session and the user; the status × call ×
# committee counts, the calls' and committees' names; the SDG counts and goals' numbers; the lead
# organizations' counts and names; the evaluators' counts; the evaluation states; the page's rows,
# their evaluations and scores; the saved filters; the bulk form's evaluators.
LIST_QUERIES = 16


def _criteria(query, user):
    return criteria_from(QueryDict(query), user)


def test_counts_beside_each_value_apply_the_other_filters_but_not_their_own(cast, pile):
    criteria = _criteria(f"estado=submitted&organizacion={cast.lead_org.pk}", cast.staff)
    facets, total = facet_counts(criteria)
    assert total == 1
    statuses = {value: count for value, _label, count, _checked in facets["estado"]}
    # Own filter left out: every status of the lead's proposals counts; the draft never does.
    assert statuses == {"submitted": 1, "in_review": 1, "declined": 1}
    leads = {value: count for value, _label, count, _checked in facets["organizacion"]}
    assert leads == {cast.lead_org.pk: 1, cast.partner_org.pk: 1}
    assert list(filtered_proposals(criteria).values_list("title", flat=True)) == ["Agua limpia"]


def test_multi_select_keeps_any_of_the_ticked_values(cast, pile):
    criteria = _criteria("estado=submitted&estado=in_review", cast.staff)
    assert set(filtered_proposals(criteria).values_list("title", flat=True)) == {
        "Agua limpia",
        "Bosques vivos",
        "Comedores escolares",
    }


def test_query_line_in_spanish_and_english_fills_the_same_filters(cast, pile):
    spanish = _criteria("q=estado:enviada,en-revisión ods:7", cast.staff)
    english = _criteria("q=status:submitted,in_review sdg:7", cast.staff)
    assert spanish.errors == english.errors == []
    assert spanish.estado == english.estado == {"submitted", "in_review"}
    assert list(filtered_proposals(spanish).values_list("title", flat=True)) == ["Agua limpia"]
    sdgs = {value: count for value, _l, count, _c in facet_counts(spanish)[0]["ods"]}
    assert sdgs == {7: 1, 12: 1}


def test_evaluator_me_and_evaluation_state(cast, pile):
    a, b, c, _d = pile
    services.evaluator_assign(actor=cast.staff, proposal=a, evaluator=cast.evaluator)
    other = make_evaluator()
    done = Evaluation.objects.create(
        proposal=b, evaluator=other, assigned_by=cast.staff, status="submitted", has_conflict=False,
        submitted_at=timezone.now(),
    )  # fmt: skip
    mine = _criteria("q=evaluador:@yo", cast.evaluator)
    assert list(filtered_proposals(mine).values_list("pk", flat=True)) == [a.pk]
    by_mail = _criteria(f"q=evaluator:{other.email}", cast.staff)
    assert list(filtered_proposals(by_mail).values_list("pk", flat=True)) == [done.proposal_id]
    states = {v: n for v, _l, n, _c in facet_counts(_criteria("", cast.staff))[0]["evaluacion"]}
    assert states == {"complete": 1, "pending": 1, "none": 2}
    facets, total = facet_counts(_criteria("evaluacion=complete&estado=submitted", cast.staff))
    assert total == 1  # the ticked state narrows the list, not its own counts
    assert {v: n for v, _l, n, _c in facets["evaluacion"]} == {"complete": 1, "pending": 1, "none": 0}
    assert set(filtered_proposals(_criteria("q=evaluacion:sin-evaluador", cast.staff))) == {c, pile[3]}


def test_an_evaluator_counts_each_proposal_once_however_often_reassigned(cast, pile):
    a, b, _c, _d = pile
    first = services.evaluator_assign(actor=cast.staff, proposal=a, evaluator=cast.evaluator)
    services.evaluator_unassign(actor=cast.staff, evaluation=first)  # withdrawn: not counted
    services.evaluator_assign(actor=cast.staff, proposal=a, evaluator=cast.evaluator)
    services.evaluator_assign(actor=cast.staff, proposal=b, evaluator=cast.evaluator)
    evaluators = {v: n for v, _l, n, _c in facet_counts(_criteria("", cast.staff))[0]["evaluador"]}
    assert evaluators == {cast.evaluator.pk: 2}


@translation.override("en")
def test_unknown_key_and_bad_values_are_explained_not_ignored(cast, pile):
    criteria = _criteria("q=color:rojo estado:perdida ods:99 orden:edad", cast.staff)
    assert len(criteria.errors) == 4
    assert "“color” is not a key of the query" in criteria.errors[0]
    assert "estado, ods, convocatoria" in criteria.errors[0]
    assert "“perdida” is not a status" in criteria.errors[1]
    assert "“99” is not a valid value for “ods”" in criteria.errors[2]
    assert "“edad” is not a sort" in criteria.errors[3]


def test_unknown_key_is_shown_on_the_page_in_spanish(client, cast, pile):
    client.force_login(cast.staff)
    response = client.get(reverse("projects:proposal-manage"), {"q": "color:rojo"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert "“color” no es una clave de la consulta" in response.content.decode()


def test_sorts(cast, pile):
    a, b, c, d = pile
    titles = lambda query: list(sorted_proposals(_criteria(query, cast.staff)).values_list("title", flat=True))  # noqa: E731
    assert titles("orden=titulo") == ["Agua limpia", "Bosques vivos", "Comedores escolares", "Energía solar"]
    assert titles("q=orden:-titulo")[0] == "Energía solar"
    Proposal.objects.filter(pk=a.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=30))
    assert titles("orden=-envio")[0] == "Agua limpia"
    evaluation = Evaluation.objects.create(
        proposal=c, evaluator=cast.evaluator, assigned_by=cast.staff, status="submitted", has_conflict=False,
        submitted_at=timezone.now(),
    )  # fmt: skip
    evaluation.scores.create(criterion="axs_cooperation", score=4)
    assert titles("orden=puntaje")[0] == "Comedores escolares"


def test_page_lists_with_counts_and_only_staff_gets_it(client, cast, pile):
    client.force_login(cast.chair)
    assert client.get(reverse("projects:proposal-manage")).status_code == 403
    client.force_login(cast.staff)
    response = client.get(reverse("projects:proposal-manage"), {"estado": "submitted"})
    body = response.content.decode()
    assert 'data-count="estado-in_review">1<' in body
    assert "Agua limpia" in body and "Comedores escolares" not in body
    assert "Borrador oculto" not in client.get(reverse("projects:proposal-manage")).content.decode()


def test_saved_filters_belong_to_their_owner(client, cast):
    client.force_login(cast.staff)
    client.post(reverse("projects:saved-filter-save"), {"name": "Mías", "query": "q=evaluador%3A%40yo"})
    saved = SavedFilter.objects.get(owner=cast.staff)
    assert saved.query == "q=evaluador%3A%40yo"
    page = client.get(reverse("projects:proposal-manage")).content.decode()
    assert "?q=evaluador%3A%40yo" in page
    other_staff = type(cast.staff).objects.create_user(email="otra@amexcid.example", full_name="Otra", role="staff")
    client.force_login(other_staff)
    assert client.post(reverse("projects:saved-filter-delete", args=[saved.pk])).status_code == 403
    assert SavedFilter.objects.filter(pk=saved.pk).exists()


def test_bulk_assignment_proceeds_where_it_can_and_says_why_not_elsewhere(client, cast, pile):
    a, b, c, d = pile
    cast.staff.preferred_language = "en"
    cast.staff.save(update_fields=["preferred_language"])
    services.evaluator_assign(actor=cast.staff, proposal=b, evaluator=cast.evaluator)
    client.force_login(cast.staff)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    response = client.post(
        reverse("projects:proposal-manage"),
        {
            "action": "assign",
            "evaluator": cast.evaluator.pk,
            "due_on": due,
            "proposal": [a.pk, b.pk, c.pk, d.pk],
            "list_query": "estado=submitted",
        },
        follow=True,
    )
    assert response.redirect_chain[0][0].endswith("?estado=submitted")
    assigned = Evaluation.objects.filter(evaluator=cast.evaluator).exclude(proposal=b)
    assert sorted(assigned.values_list("proposal__title", flat=True)) == ["Agua limpia", "Comedores escolares"]
    assert {e.due_on.isoformat() for e in assigned} == {due}
    texts = [str(m) for m in response.context["messages"]]
    assert "Done for 2 proposals." in texts
    assert any("Bosques vivos" in t and "already assigned" in t for t in texts)
    assert any("Energía solar" in t and "not being evaluated" in t for t in texts)


@translation.override("en")
def test_bulk_step_needs_its_reason_and_moves_each_in_its_own_transaction(cast, pile):
    a, b, c, d = pile
    done, failed = services.bulk_transition(actor=cast.staff, proposal_ids=[a.pk, b.pk, c.pk], action="accept")
    assert {p.pk for p in done} == {a.pk, b.pk}
    assert [(p.pk, "cannot go to" in reason) for p, reason in failed] == [(c.pk, True)]
    assert ProposalTransition.objects.filter(proposal__in=[a, b], to_status="in_review").count() == 2
    done, failed = services.bulk_transition(actor=cast.staff, proposal_ids=[a.pk], action="decline")
    assert done == [] and "reason" in failed[0][1]


def test_bulk_form_without_a_choice_keeps_the_ticks(client, cast, pile):
    cast.staff.preferred_language = "en"
    cast.staff.save(update_fields=["preferred_language"])
    client.force_login(cast.staff)
    a = pile[0]
    response = client.post(
        reverse("projects:proposal-manage"), {"action": "assign", "proposal": [a.pk], "list_query": ""}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose the evaluator." in body
    assert f'value="{a.pk}" id="p-{a.pk}" checked' in body


@translation.override("en")
def test_a_due_date_in_the_past_is_refused(cast, pile):
    done, failed = services.bulk_evaluator_assign(
        actor=cast.staff,
        proposal_ids=[pile[0].pk],
        evaluator=cast.evaluator,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert done == [] and "past" in failed[0][1]


def test_export_of_the_selection_runs_as_a_document_job(client, cast, pile):
    import io
    import zipfile

    from documents.models import Document
    from documents.services import document_render

    a, b, _c, _d = pile
    client.force_login(cast.staff)
    response = client.post(
        reverse("projects:proposal-manage"),
        {"action": "export", "export_format": "csv", "proposal": [a.pk, b.pk], "list_query": ""},
    )
    document = Document.objects.get(kind="projects.proposal_export")
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert document.params == {"ids": sorted([a.pk, b.pk]), "format": "csv"}
    document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == "ready", document.error
    with zipfile.ZipFile(io.BytesIO(document.file.read())) as archive:
        text = archive.read("propuestas.csv").decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 3 and "Agua limpia" in lines[1] and "Bosques vivos" in lines[2]
    client.force_login(cast.chair)
    assert client.get(document.get_absolute_url()).status_code in (403, 404)


@translation.override("en")
def test_excel_export_carries_the_same_rows(cast, pile):
    import io

    from openpyxl import load_workbook

    from projects.exports import export_bytes

    name, content = export_bytes([pile[0].pk], "xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.values)
    assert name == "propuestas.xlsx"
    assert rows[0][:3] == ("Id", "Title", "Status") and rows[1][1] == "Agua limpia"


def test_bulk_action_never_names_a_draft_or_an_unknown_id(client, cast, pile):
    a = pile[0]
    draft = Proposal.objects.get(title="Borrador oculto")
    done, failed = services.bulk_transition(actor=cast.staff, proposal_ids=[a.pk, draft.pk, 999999], action="accept")
    assert [p.pk for p in done] == [a.pk]
    assert [proposal for proposal, _reason in failed] == [None]
    draft.refresh_from_db()
    assert draft.status == "draft"
    cast.staff.preferred_language = "es"
    cast.staff.save(update_fields=["preferred_language"])
    client.force_login(cast.staff)
    response = client.post(
        reverse("projects:proposal-manage"),
        {"action": "transition", "step": "accept", "proposal": [draft.pk], "list_query": ""},
        follow=True,
    )
    texts = [str(m) for m in response.context["messages"]]
    assert not any("Borrador oculto" in t for t in texts)
    assert "No se encontró 1 propuesta elegida." in texts


@translation.override("en")
def test_a_nul_character_is_refused_and_never_reaches_the_query(cast, pile):
    params = QueryDict(mutable=True)
    params.update({"q": "agua\x00 evaluador:x\x00@axs.example", "evaluador": "y\x00@axs.example"})
    params["orden"] = "titulo\x00"
    criteria = criteria_from(params, cast.staff)
    assert "A character that cannot be searched (NUL) was left out of the query." in criteria.errors
    assert len([e for e in criteria.errors if "NUL" in e]) == 1
    assert criteria.words == ["agua"]
    assert not any("\x00" in str(value) for value in [*criteria.words, *criteria.evaluador, *criteria.errors])
    assert criteria.sort == "actividad"
    assert [p.title for p in filtered_proposals(criteria)] == ["Agua limpia"]


def test_the_list_page_with_a_nul_in_the_query_explains_it(client, cast, pile):
    cast.staff.preferred_language = "es"
    cast.staff.save(update_fields=["preferred_language"])
    client.force_login(cast.staff)
    response = client.get(reverse("projects:proposal-manage"), {"q": "agua\x00", "evaluador": "x\x00@axs.example"})
    assert response.status_code == 200
    assert "Se quitó de la consulta un carácter que no se puede buscar (NUL)." in response.content.decode()


def test_the_list_reads_a_fixed_number_of_queries_however_many_lead_organizations(
    client, cast, pile, django_assert_num_queries
):
    """The lead organizations' filter names each one without a query per organization (fictitious ones too)."""
    from companies.models import Organization
    from tests.factories import make_organization

    for number in range(6):
        _proposal(cast, f"Propuesta {number}", lead=make_organization())
    Organization.objects.filter(led_proposals__title="Propuesta 0").update(is_fictitious=True)
    client.force_login(cast.staff)
    with django_assert_num_queries(LIST_QUERIES):
        body = client.get(reverse("projects:proposal-manage")).content.decode()
    assert "(ficticia)" in body


def test_filters_a_sort_and_the_query_line_add_no_query_to_the_list(client, cast, pile, django_assert_num_queries):
    """Ticked filters narrow the same counting queries, and a sort by score joins in the page's query."""
    evaluator = make_evaluator()
    services.evaluator_assign(actor=cast.staff, proposal=pile[2], evaluator=evaluator)
    client.force_login(cast.staff)
    client.get(reverse("projects:proposal-manage"))  # the session, read once, then from the cache
    query = f"estado=submitted&estado=in_review&ods=12&evaluador={evaluator.pk}&orden=puntaje&q=evaluacion:pendiente"
    # The same, less the session (now from the cache), plus the evaluators' names (one is assigned) and
    # the list's total apart from the evaluation states' counts (the evaluation filter is ticked).
    with django_assert_num_queries(LIST_QUERIES + 1):
        response = client.get(f"{reverse('projects:proposal-manage')}?{query}")
    assert [p.title for p in response.context["proposals"]] == ["Comedores escolares"]


def test_the_counts_are_kept_until_a_service_changes_what_they_count(client, cast, pile, django_assert_max_num_queries):
    def counts(response):
        return {
            name: {value: count for value, _label, count, _ticked in values}
            for name, _, values in response.context["facets"]
        }

    client.force_login(cast.staff)
    url = reverse("projects:proposal-manage")
    first = counts(client.get(url))
    with django_assert_max_num_queries(LIST_QUERIES - 8):  # the page's rows and forms; no count
        assert counts(client.get(url)) == first
    assert first["evaluacion"]["none"] == 4 and first["estado"]["submitted"] == 2
    services.evaluator_assign(actor=cast.staff, proposal=pile[0], evaluator=make_evaluator())
    assert counts(client.get(url))["evaluacion"]["none"] == 3
    services.bulk_transition(actor=cast.staff, proposal_ids=[pile[1].pk], action="accept")
    assert counts(client.get(url))["estado"]["submitted"] == 1


def test_the_page_of_an_excel_export_speaks_of_its_zip_and_counts_one_proposal(client, cast, pile):
    from documents.models import Document
    from documents.services import document_render

    client.force_login(cast.staff)
    client.post(
        reverse("projects:proposal-manage"),
        {"action": "export", "export_format": "xlsx", "proposal": [pile[0].pk], "list_query": ""},
    )
    document = Document.objects.get(kind="projects.proposal_export")
    assert document.title == "Exportación de 1 propuesta (Excel)"
    document_render(document_id=document.pk)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Listo: un archivo ZIP" in page and "Descargar el archivo ZIP" in page
    assert "página" not in page.split('id="document-status"')[1] and "Descargar el PDF" not in page
    assert "Esta página se recarga" not in page


def test_the_title_search_ignores_accents_and_case(client, cast, pile):
    a, b, c, d = pile
    logistica = _proposal(cast, "Logística inversa de alimentos")
    reuso = _proposal(cast, "Reúso de agua tratada")
    found = lambda words: set(filtered_proposals(_criteria(f"q={words}", cast.staff)))  # noqa: E731
    for words, proposal in [
        ("logistica", logistica),
        ("Logística", logistica),
        ("LOGISTICA", logistica),
        ("reuso", reuso),
        ("Reúso", reuso),
        ("energia", d),
        ("ENERGÍA solar", d),
    ]:
        assert found(words) == {proposal}, words
    client.force_login(cast.staff)
    response = client.get(reverse("projects:proposal-manage"), {"q": "logistica"})
    assert "Logística inversa de alimentos" in response.content.decode()


def test_a_sort_typed_in_the_query_line_moves_to_the_select_which_then_changes_it(client, cast, pile):
    client.force_login(cast.staff)
    url = reverse("projects:proposal-manage")
    titles = lambda response: [p.title for p in response.context["proposals"]]  # noqa: E731
    typed = client.get(url, {"q": "orden:titulo Agua", "orden": "actividad"})
    assert titles(typed) == ["Agua limpia"]
    typed = client.get(url, {"q": "orden:titulo", "orden": "actividad"})
    assert titles(typed) == ["Agua limpia", "Bosques vivos", "Comedores escolares", "Energía solar"]
    assert typed.context["sort"] == "titulo"  # the select shows the sort applied
    assert typed.context["query"] == ""  # and the line no longer holds it
    assert client.get(url, {"q": "agua  orden:-titulo ods:7"}).context["query"] == "agua  ods:7"
    # The staff member now picks another sort in the select and applies the form as the page shows it.
    chosen = client.get(url, {"q": typed.context["query"], "orden": "puntaje"})
    assert chosen.context["sort"] == "puntaje"
    assert titles(chosen) == ["Energía solar", "Comedores escolares", "Bosques vivos", "Agua limpia"]


def test_the_spanish_introduction_spells_the_imperative_right(client, cast):
    client.force_login(cast.staff)
    page = client.get(reverse("projects:proposal-manage"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "aváncelas un paso" in page and "avánzelas" not in page
