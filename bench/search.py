"""Benchmark the search page: 50,000 organizations, 20,000 proposals and 100,000 paragraphs of minutes,
cold (the cache emptied before every request), beside the trivial page measured in the same run.

Run from the project root: ``.venv/bin/python bench/search.py`` (PostgreSQL when reachable, else SQLite;
see bench/harness.py). It seeds in bulk, builds the index with ``search_reindex``'s function, and prints
each search's median and p95 time, its queries and the ratio to the trivial page. Issue #21's bound:
at most 10× the trivial page, cold. ``BENCH_SCALE=0.1`` seeds a tenth, to try the script quickly.
"""

import os
import random
import time

import harness

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
ORGANIZATIONS = int(50_000 * SCALE)
PROPOSALS = int(20_000 * SCALE)
PARAGRAPHS = int(100_000 * SCALE)
PARAGRAPHS_PER_MINUTES = 50
RUNS = int(os.environ.get("BENCH_RUNS", "20"))

WORDS = [
    "alianza",
    "comité",
    "sesión",
    "acuerdo",
    "seguimiento",
    "empresa",
    "fundación",
    "cámara",
    "proyecto",
    "propuesta",
    "consorcio",
    "educación",
    "energía",
    "inclusión",
    "ciudades",
    "producción",
    "consumo",
    "agua",
    "residuos",
    "reciclaje",
    "movilidad",
    "vivienda",
    "capacitación",
    "jóvenes",
    "mujeres",
    "comunidades",
    "indígenas",
    "emprendimiento",
    "financiamiento",
    "cooperación",
    "sostenibilidad",
    "indicador",
    "meta",
    "línea",
    "base",
    "verificación",
    "presupuesto",
    "Centroamérica",
    "Caribe",
    "replicación",
    "alimentos",
    "cadena",
    "valor",
    "proveedores",
    "pymes",
    "innovación",
    "tecnología",
    "digital",
    "salud",
    "bienestar",
    "escuelas",
    "docentes",
    "becas",
    "reforestación",
    "biodiversidad",
    "eficiencia",
    "solar",
    "eólica",
    "transporte",
    "plástico",
    "empaques",
]
PARTNER_NAMES = [
    "Grupo",
    "Industrias",
    "Servicios",
    "Consultores",
    "Alimentos",
    "Energía",
    "Constructora",
    "Fundación",
    "Tecnologías",
]


def sentence(rng, length):
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def seed():
    """Create organizations, five committees with calls, proposals and sessions with approved minutes, in bulk."""
    import datetime

    from django.utils import timezone

    from accounts.models import User
    from committees.models import Committee, Minutes, Session
    from companies.models import Organization
    from projects.models import Call, Proposal, ProposalStatus
    from sdg.models import Goal

    rng = random.Random(2016)
    staff = User.objects.create_user(email="bench@amexcid.example", full_name="Bench", role="staff", is_staff=True)
    organizations = Organization.objects.bulk_create(
        (
            Organization(
                legal_name=f"{rng.choice(PARTNER_NAMES)} {rng.choice(WORDS).capitalize()} {n:05d}, S.A. de C.V.",
                organization_type="company",
                size="large",
                sector="food",
                rfc=f"ORG{n // 10000 % 100:02d}{n // 1000 % 10 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}",
                participation_status="active" if n % 10 else "withdrawn",
                description=sentence(rng, 14),
            )
            for n in range(ORGANIZATIONS)
        ),
        batch_size=5000,
    )
    committees = [
        Committee.objects.create(name=name, goal=Goal.objects.get(number=goal), decision_mechanism="vote")
        for goal, name in ((4, "Educación"), (7, "Energía asequible"), (10, "Inclusión social"),
                           (11, "Ciudades sostenibles"), (12, "Producción y consumo responsables"))
    ]  # fmt: skip
    today = datetime.date.today()
    calls = [
        Call.objects.create(committee=c, title=f"Convocatoria {c.name}", opens_on=today, closes_on=today,
                            created_by=staff, guidance=sentence(rng, 30))
        for c in committees
    ]  # fmt: skip
    statuses = list(ProposalStatus.values)
    Proposal.objects.bulk_create(
        (
            Proposal(
                call=(call := rng.choice(calls)),
                committee_id=call.committee_id,
                lead_organization=rng.choice(organizations),
                created_by=staff,
                title=sentence(rng, 6)[:-1],
                summary=sentence(rng, 40),
                problem=sentence(rng, 40),
                status=(status := rng.choice(statuses)),
                version=0 if status in ("draft", "withdrawn") else 1,
            )
            for _ in range(PROPOSALS)
        ),
        batch_size=5000,
    )
    sessions = Session.objects.bulk_create(
        (
            Session(
                committee=rng.choice(committees),
                title=f"Sesión ordinaria {n:04d}",
                starts_at=(start := timezone.now() - datetime.timedelta(days=n)),
                ends_at=start + datetime.timedelta(hours=2),
                is_public=n % 2 == 0,
                description=sentence(rng, 12),
            )
            for n in range(PARAGRAPHS // PARAGRAPHS_PER_MINUTES)
        ),
        batch_size=2000,
    )
    Minutes.objects.bulk_create(
        (
            Minutes(
                session=session,
                version=1,
                body="\n\n".join(sentence(rng, 45) for _ in range(PARAGRAPHS_PER_MINUTES)),
                status="approved",
                drafted_by=staff,
                approved_by=staff,
                approved_at=session.starts_at,
            )
            for session in sessions
        ),
        batch_size=500,
    )
    return staff


def main():
    harness.setup("axs_bench_search")
    from django.core.cache import cache
    from django.test import Client

    from search.indexing import reindex
    from search.models import SearchEntry

    started = time.perf_counter()
    staff = seed()
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    reindex()
    indexed = time.perf_counter() - started
    harness.analyze()
    print(
        f"Seeded {ORGANIZATIONS:,} organizations, {PROPOSALS:,} proposals and {PARAGRAPHS:,} paragraphs of minutes "
        f"in {seeded:.1f} s; indexed {SearchEntry.objects.count():,} entries in {indexed:.1f} s"
    )
    searches = [
        ("rare word", "?q=Sesión ordinaria 0042"),
        ("common word", "?q=educación"),
        ("common word, no accent", "?q=educacion"),
        ("two words", "?q=reciclaje plástico"),
        ("typo", "?q=reforestasion"),
        ("organization name", "?q=Consultores 01234"),
        ("common word, kind facet", "?q=energía&kind=proposal"),
        ("common word, page 20", "?q=energía&page=20"),
    ]
    staff_client, public_client = Client(), Client()
    staff_client.force_login(staff)
    pages = []
    for label, query in searches:
        pages.append((f"staff: {label}, cold", f"/buscar/{query}", cache.clear))
    for label, query in searches[:4]:
        pages.append((f"anonymous: {label}, cold", f"/buscar/{query}", cache.clear))
    rows = harness.compare_pages(staff_client, [p for p in pages if p[0].startswith("staff")], runs=RUNS)
    public_rows = harness.compare_pages(public_client, [p for p in pages if p[0].startswith("anonymous")], runs=RUNS)
    worst = max(row[4] for row in rows[2:] + public_rows[2:])
    print(f"Worst search: {worst:.1f}× the trivial page (bound: 10×)")


if __name__ == "__main__":
    main()
