"""Open-data downloads while drafts are edited: the files built ahead stay current (issue #19).

Run from the project root::

    .venv/bin/python bench/opendata_drafts.py [--projects 500] [--periods 8] [--indicators 20] [--edits 20]

It creates the throwaway PostgreSQL database ``axs_opendata_drafts_bench`` (``bench/harness.py``) and seeds,
with ``bench/monitoring_seed.py``, ``--projects`` published projects in implementation (quarterly reports,
nine in ten approved, the others returned, submitted or missing), then a draft proposal led by one of
their organizations, with a representative who edits it, and a representative of the lead organization of
each of the first projects. For ``proyectos``, ``consorcios`` and ``avances`` in CSV and JSON it times
PostgreSQL's ``COPY`` of the file's rows (``bench/opendata_downloads.copy_seconds``), the first download
(**cold**: no file built yet, so it streams), the job's build, then ``--edits`` downloads (**warm**), each
after two edits that nothing public shows, made through the services: one on the draft's consortium
(invite a partner, change a role, add and remove a contribution, remove the partner, in turn) and a report
submitted or returned. It prints how many of those downloads were served from the built file and their
best and median time beside COPY's; then it approves a report, after which the next download of
``avances`` must stream (the file is stale): the check that the bench sees a stale file when there is one.
"""

import argparse
import os
import statistics
import time

import harness

SLUGS = ("proyectos", "consorcios", "avances")


def seed(arguments):
    import monitoring_seed

    from accounts.models import User
    from companies.models import Representative
    from monitoring.models import ReportValue
    from projects.models import ConsortiumMember, Proposal

    seeded = monitoring_seed.seed(arguments.projects, indicators=arguments.indicators, periods=arguments.periods)
    projects = list(Proposal.objects.order_by("pk").select_related("lead_organization", "call"))

    def representative(organization, n):
        user = User.objects.create_user(
            email=f"representa{n}@bench.example", full_name=f"Representa {n}", role=User.Role.REPRESENTATIVE
        )
        Representative.objects.create(organization=organization, user=user)
        return user

    lead = representative(projects[-1].lead_organization, 0)
    draft = Proposal.objects.create(
        call=projects[-1].call,
        committee_id=projects[-1].committee_id,
        lead_organization=projects[-1].lead_organization,
        created_by=lead,
        title="Borrador en edición",
    )
    ConsortiumMember.objects.create(
        proposal=draft, organization=projects[-1].lead_organization, is_lead=True, status="accepted", invited_by=lead
    )
    # The reports waiting or returned of the first projects, each with a representative of its lead organization.
    reporters = {p.pk: representative(p.lead_organization, n) for n, p in enumerate(projects[:20], start=1)}
    harness.analyze()
    seeded.draft, seeded.lead, seeded.partner, seeded.reporters = draft, lead, projects[0].lead_organization, reporters
    return {
        "published projects": len(projects),
        "progress values": ReportValue.objects.count(),
        "draft proposals": Proposal.objects.filter(status="draft").count(),
    }, seeded


class Edits:
    """Edits that nothing public shows, in turn: the draft's consortium, and reports submitted or returned."""

    def __init__(self, seeded):
        from monitoring.models import Report

        self.seeded, self.count, self.member, self.contribution = seeded, 0, None, None
        self.reports = list(
            Report.objects.filter(
                status__in=["returned", "submitted"], period__implementation__proposal__in=list(seeded.reporters)
            ).select_related("period__implementation__proposal")
        )
        if not self.reports:
            raise SystemExit("No submitted or returned report to edit: seed more projects.")

    def consortium(self):
        from projects import services

        lead, draft = self.seeded.lead, self.seeded.draft
        step = self.count % 5
        if step == 0:
            self.member = services.partner_invite(actor=lead, proposal=draft, organization=self.seeded.partner)
        elif step == 1:
            services.member_update(actor=lead, member=self.member, role=f"Aporta logística ({self.count})")
        elif step == 2:
            self.contribution = services.contribution_add(
                actor=lead, member=self.member, kind="financial", amount_mxn=1000 + self.count
            )
        elif step == 3:
            services.contribution_remove(actor=lead, contribution=self.contribution)
        else:
            services.partner_remove(actor=lead, member=self.member)

    def report(self):
        from monitoring import services
        from monitoring.models import Report

        report = Report.objects.get(pk=self.reports[self.count % len(self.reports)].pk)
        if report.status == "submitted":
            services.report_return(
                actor=self.seeded.approver, report=report, comments=f"Falta evidencia ({self.count})."
            )
        else:
            reporter = self.seeded.reporters[report.period.implementation.proposal_id]
            reply = "Se añadió la evidencia." if report.status == "returned" else ""
            services.report_submit(actor=reporter, report=report, reply=reply)

    def __call__(self):
        self.consortium()
        self.report()
        self.count += 1


def measure(arguments, seeded):
    import tempfile

    import opendata_downloads
    from django.conf import settings
    from django.test import Client

    from monitoring import services
    from monitoring.models import Report
    from opendata import datasets

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="axs-bench-drafts-")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the reports' notices, not printed
    client, edit, rows = Client(), Edits(seeded), []
    for slug in SLUGS:
        dataset = datasets.get(slug)
        count = sum(1 for _ in dataset.rows())
        copy_time = min(opendata_downloads.copy_seconds(dataset)[0] for _run in range(5))
        for file_format in arguments.formats:
            cold = opendata_downloads.download(client, dataset, file_format, memory=False)
            job = opendata_downloads.build(dataset, file_format)
            warm = []
            for _run in range(arguments.edits):
                edit()
                warm.append(opendata_downloads.download(client, dataset, file_format, memory=False))
            served = [figures for figures in warm if not figures[4]]
            best = min(figures[0] for figures in warm)
            median = statistics.median(figures[0] for figures in warm)
            rows.append([
                slug, file_format, count, round(copy_time * 1000, 1),
                f"{cold[0]:.2f} ({cold[1]:.2f} CPU)" + ("" if cold[4] else " served?"), round(cold[0] / copy_time, 1),
                f"{job[0]:.2f} ({job[1]:.2f} CPU)", edit.count, f"{len(served)}/{len(warm)}",
                f"{best * 1000:.1f} / {median * 1000:.1f}", round(best / copy_time, 2), round(median / copy_time, 2),
            ])  # fmt: skip
            print("  ".join(str(cell) for cell in rows[-1]), flush=True)
    harness.print_table(
        [
            "dataset", "format", "rows", "COPY ms", "cold: streamed s", "cold × COPY", "job s", "edits so far",
            "warm: from file", "warm ms best / median", "best × COPY", "median × COPY",
        ],
        rows,
    )  # fmt: skip
    submitted = Report.objects.filter(status="submitted", period__implementation__proposal__in=list(seeded.reporters))
    report = submitted.first()
    if report is None:
        edit.report()  # a returned one: submit it
        report = submitted.first()
    services.report_approve(actor=seeded.approver, report=report)
    after = opendata_downloads.download(client, datasets.get("avances"), arguments.formats[0], memory=False)
    print(f"after approving a report, avances.{arguments.formats[0]}: {'streamed (stale)' if after[4] else 'SERVED'}")
    print(f"load average: {os.getloadavg()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=500)
    parser.add_argument("--indicators", type=int, default=20)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--edits", type=int, default=20, help="warm downloads per file, each after two edits")
    parser.add_argument("--formats", nargs="*", default=["csv", "json"])
    arguments = parser.parse_args()
    engine = harness.setup("axs_opendata_drafts_bench")
    if not engine.startswith("PostgreSQL"):
        raise SystemExit("This benchmark compares with PostgreSQL's COPY: PostgreSQL is needed.")
    started = time.perf_counter()
    sizes, seeded = seed(arguments)
    print(f"Seeded in {time.perf_counter() - started:.0f} s: {sizes}", flush=True)
    measure(arguments, seeded)


if __name__ == "__main__":
    main()
