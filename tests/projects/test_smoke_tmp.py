from projects import services


def test_flow(cast, in_review, client):
    client.force_login(cast.staff)
    for url in [
        "/convocatorias/",
        f"/convocatorias/{cast.call.pk}/",
        f"/convocatorias/{cast.call.pk}/matriz/",
        "/propuestas/",
        f"/propuestas/{in_review.pk}/",
        f"/propuestas/comite/{cast.committee.pk}/",
        f"/propuestas/{in_review.pk}/versiones/1/",
        f"/propuestas/{in_review.pk}/evaluadores/",
        f"/propuestas/{in_review.pk}/estado/select/",
        "/proyectos/",
        "/convocatorias/nueva/",
    ]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
    client.force_login(cast.lead)
    for step in [
        "general",
        "consortium",
        "problem",
        "design",
        "alignment",
        "indicators",
        "criteria",
        "cooperation",
        "budget",
        "attachments",
    ]:
        r = client.get(f"/propuestas/{in_review.pk}/editar/{step}/")
        assert r.status_code == 403
    p = services.proposal_start(actor=cast.lead, call=cast.call, title="Otra")
    for step in [
        "general",
        "consortium",
        "problem",
        "design",
        "alignment",
        "indicators",
        "criteria",
        "cooperation",
        "budget",
        "attachments",
    ]:
        r = client.get(f"/propuestas/{p.pk}/editar/{step}/")
        assert r.status_code == 200, step
    r = client.get(f"/propuestas/{p.pk}/enviar/")
    assert r.status_code == 200
    r = client.get("/")
    assert r.status_code == 200
    client.force_login(cast.evaluator)
    e = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    assert client.get(f"/evaluaciones/{e.pk}/").status_code == 200
    assert client.get("/evaluaciones/").status_code == 200
