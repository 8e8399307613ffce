"""Benchmark a survey's results page with 1,000,000 answers against the raw SQL aggregate, and the CSV export.

Run from the project root: ``python bench/surveys_results.py``. It creates a throwaway PostgreSQL
database ``axs_bench_surveys`` through ``bench/harness.py`` (``BENCH_POSTGRES_URL``, default the local server),
seeds a survey of nine questions with COPY, and prints a table: the results page's median and
95th-percentile time against the same aggregates written as raw SQL in the same run, their ratio,
the rows the aggregates return to Python, and the CSV export's peak Python memory (tracemalloc) at
two sizes. It exits non-zero when the ratio passes 3 or the export's memory grows with the answers.
"""

import io
import os
import random
import statistics
import sys
import time
import tracemalloc

import harness  # noqa: E402  (puts the project on the path)

ANSWERS = int(os.environ.get("BENCH_ANSWERS", "1000000"))
SMALL_ANSWERS = int(os.environ.get("BENCH_SMALL_ANSWERS", str(ANSWERS // 10)))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
NAME = os.environ.get("BENCH_DATABASE", "axs_bench_surveys")
ORGANIZATIONS = 1000
TARGET_RATIO = 3


def build_survey(staff, title):
    from datetime import timedelta

    from django.utils import timezone

    from surveys import services

    now = timezone.now()
    survey = services.survey_create(
        actor=staff,
        title_es=title,
        audience="all_members",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=9),
    )
    section = services.section_create(actor=staff, survey=survey, title_es="Sección")
    options = [{"text_es": f"Opción {n}"} for n in range(1, 7)]
    make = services.question_create
    questions = {
        "single": make(actor=staff, section=section, kind="single", text_es="Única", options=options),
        "multiple": make(actor=staff, section=section, kind="multiple", text_es="Múltiple", options=options),
        "ranking": make(actor=staff, section=section, kind="ranking", text_es="Orden", options=options, max_choices=3),
        "sdg": make(actor=staff, section=section, kind="sdg_goals", text_es="ODS", max_choices=3),
        "scale": make(actor=staff, section=section, kind="scale", text_es="Escala"),
        "number": make(actor=staff, section=section, kind="number", text_es="Número"),
        "yes_no": make(actor=staff, section=section, kind="yes_no", text_es="Sí o no"),
        "short_text": make(actor=staff, section=section, kind="short_text", text_es="Texto"),
    }
    services.survey_publish(actor=staff, survey=survey)
    return survey, questions


def seed_answers(survey, questions, organizations, total):
    """COPY responses and answers (about 15 answers per response) until ``total`` answers exist."""
    from django.db import connection

    from sdg.models import Goal

    rng = random.Random(survey.pk)
    goals = list(Goal.objects.values_list("pk", flat=True))
    option_ids = {key: list(q.options.values_list("pk", flat=True)) for key, q in questions.items()}
    per_response = 1 + 2 + 3 + 3 + 1 + 1 + 1 + 1
    responses = total // per_response + 1
    raw = connection.connection
    with raw.cursor() as cursor:
        # Only the responses written now get answers (a survey may be grown more than once).
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM surveys_response WHERE survey_id = %s", [survey.pk])
        before = cursor.fetchone()[0]
        buffer = io.StringIO()
        for index in range(responses):
            organization = organizations[index % len(organizations)]
            buffer.write(f"{survey.pk}\t\\N\t{organization}\t\\N\tsubmitted\t\\N\t\\N\t2026-11-20 10:00:00+00\n")
        buffer.seek(0)
        cursor.copy_expert(
            "COPY surveys_response (survey_id, invitation_id, organization_id, respondent_id, status, started_at, "
            "updated_at, submitted_at) FROM STDIN",
            buffer,
        )
        cursor.execute(
            "SELECT id FROM surveys_response WHERE survey_id = %s AND id > %s ORDER BY id", [survey.pk, before]
        )
        response_ids = [row[0] for row in cursor.fetchall()]
        written = 0
        columns = "(response_id, question_id, option_id, goal_id, rank, number, boolean, text)"
        buffer = io.StringIO()
        q = {key: question.pk for key, question in questions.items()}
        for response in response_ids:
            lines = [
                (q["single"], rng.choice(option_ids["single"]), None, None, None, None, ""),
                *[(q["multiple"], o, None, None, None, None, "") for o in rng.sample(option_ids["multiple"], 2)],
                *[
                    (q["ranking"], o, None, r, None, None, "")
                    for r, o in enumerate(rng.sample(option_ids["ranking"], 3), 1)
                ],
                *[(q["sdg"], None, g, r, None, None, "") for r, g in enumerate(rng.sample(goals, 3), 1)],
                (q["scale"], None, None, None, rng.randint(1, 5), None, ""),
                (q["number"], None, None, None, rng.randint(1, 5000), None, ""),
                (q["yes_no"], None, None, None, None, rng.random() < 0.6, ""),
                (q["short_text"], None, None, None, None, None, f"Respuesta libre {response}"),
            ]
            for question, option, goal, rank, number, boolean, text in lines:
                values = [response, question, option, goal, rank, number, boolean, text]
                buffer.write(
                    "\t".join(
                        "\\N" if v is None else ("t" if v is True else "f" if v is False else str(v)) for v in values
                    )
                    + "\n"
                )
            written += len(lines)
            if buffer.tell() > 20_000_000:
                buffer.seek(0)
                cursor.copy_expert(f"COPY surveys_answer {columns} FROM STDIN", buffer)
                buffer = io.StringIO()
        buffer.seek(0)
        cursor.copy_expert(f"COPY surveys_answer {columns} FROM STDIN", buffer)
        cursor.execute("ANALYZE surveys_answer; ANALYZE surveys_response")
    # Rows written around the answer services: their counts are recounted, as the command does.
    from surveys.services import survey_counts_rebuild

    survey_counts_rebuild(survey)
    return written, len(response_ids)


RAW_SQL = [
    # Respondents per question, as an anti-join: 3× faster than COUNT(DISTINCT response_id) at 1,000,000 answers.
    """SELECT a.question_id, COUNT(*) FROM surveys_answer a
       JOIN surveys_response r ON r.id = a.response_id
       WHERE r.survey_id = %(survey)s AND r.status = 'submitted'
         AND NOT EXISTS (SELECT 1 FROM surveys_answer b
                         WHERE b.response_id = a.response_id AND b.question_id = a.question_id AND b.id < a.id)
       GROUP BY a.question_id""",
    """SELECT a.question_id, a.option_id, a.goal_id, a.number, a.boolean, COUNT(a.id),
              COUNT(a.id) FILTER (WHERE a.rank = 1), SUM(a.rank)
       FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
       JOIN surveys_question q ON q.id = a.question_id
       WHERE r.survey_id = %(survey)s AND r.status = 'submitted' AND q.kind NOT IN ('short_text', 'long_text', 'number')
       GROUP BY a.question_id, a.option_id, a.goal_id, a.number, a.boolean""",
    """SELECT a.question_id, COUNT(a.id), AVG(a.number), MIN(a.number), MAX(a.number)
       FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
       JOIN surveys_question q ON q.id = a.question_id
       WHERE r.survey_id = %(survey)s AND r.status = 'submitted' AND q.kind = 'number' GROUP BY a.question_id""",
]


def timed(function, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(round(0.95 * len(times))) - 1)]


def raw_aggregate(survey):
    from django.db import connection

    rows = 0
    with connection.cursor() as cursor:
        for sql in RAW_SQL:
            cursor.execute(sql, {"survey": survey.pk})
            rows += len(cursor.fetchall())
    return rows


def export_peak(survey):
    """Return (rows, peak bytes) of consuming the CSV export view's streamed body."""
    from django.test import Client

    from accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email="bench@amexcid.example"))
    tracemalloc.start()
    response = client.get(f"/encuestas/{survey.pk}/respuestas.csv")
    lines = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return lines - 1, peak


def main():
    harness.setup(NAME)
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from companies.models import Organization
    from surveys import selectors

    staff = User.objects.create_user(email="bench@amexcid.example", password="x", full_name="Bench", role="staff")
    Organization.objects.bulk_create(
        Organization(legal_name=f"Organización {n}", organization_type=["company", "foundation", "chamber"][n % 3],
                     size=["micro", "small", "medium", "large"][n % 4], sector="manufacturing", country="US")
        for n in range(ORGANIZATIONS)
    )  # fmt: skip
    organizations = list(Organization.objects.values_list("pk", flat=True))
    started = time.perf_counter()
    big, big_questions = build_survey(staff, "Encuesta grande")
    big_answers, big_responses = seed_answers(big, big_questions, organizations, ANSWERS)
    small, small_questions = build_survey(staff, "Encuesta pequeña")
    small_answers, _ = seed_answers(small, small_questions, organizations, SMALL_ANSWERS)
    seeded = time.perf_counter() - started

    client = Client()
    client.force_login(staff)
    url = f"/encuestas/{big.pk}/resultados/"
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)  # read now: later requests clear the connection's query log
    page_median, page_p95 = timed(lambda: client.get(url), ROUNDS)
    raw_median, raw_p95 = timed(lambda: raw_aggregate(big), ROUNDS)
    reset_queries()
    answers = selectors.submitted_answers(big)
    rows_returned = raw_aggregate(big)
    orm_rows = (
        answers.exclude(question__kind__in=["short_text", "long_text", "number"])
        .values("question_id", "option_id", "goal_id", "number", "boolean")
        .order_by()
        .distinct()
        .count()
    )
    small_lines, small_peak = export_peak(small)
    big_lines, big_peak = export_peak(big)

    ratio = page_median / raw_median
    print(f"Seeded {big_answers:,} answers in {big_responses:,} responses (+{small_answers:,}) in {seeded:.0f} s")
    print()
    print(f"{'measure':<46}{'value':>16}")
    print(f"{'results page median / p95 (ms)':<46}{page_median:>9.1f} / {page_p95:<6.1f}")
    print(f"{'raw SQL aggregate median / p95 (ms)':<46}{raw_median:>9.1f} / {raw_p95:<6.1f}")
    print(f"{'ratio page / raw SQL (target <= 3)':<46}{ratio:>16.2f}")
    print(f"{'queries of the results page':<46}{queries:>16}")
    print(f"{'aggregate rows returned to Python':<46}{rows_returned:>16}")
    print(f"{'  of which option/goal/value groups':<46}{orm_rows:>16}")
    print(f"{'CSV export peak memory, ' + format(small_lines, ',') + ' rows (KiB)':<46}{small_peak / 1024:>16.0f}")
    print(f"{'CSV export peak memory, ' + format(big_lines, ',') + ' rows (KiB)':<46}{big_peak / 1024:>16.0f}")
    grows = big_peak > 2 * small_peak
    failed = ratio > TARGET_RATIO or grows
    print()
    print("FAIL" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
