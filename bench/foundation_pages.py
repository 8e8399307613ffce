"""Benchmark: the foundation's pages with 10,000 people and 200,000 audit events.

Run: .venv/bin/python bench/foundation_pages.py
Prints each page's median and p95 time, its query count and its ratio to the trivial page.
"""

import harness  # noqa

harness.setup("axs_bench_foundation")

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from audit.models import AuditEvent  # noqa: E402

PEOPLE = 10_000
EVENTS = 200_000


def seed():
    User.objects.bulk_create(
        [
            User(
                email=f"person{n}@bench.example", full_name=f"Persona {n}", role=User.Role.REPRESENTATIVE, password="!"
            )
            for n in range(PEOPLE)
        ],
        batch_size=2_000,
    )
    now = timezone.now()
    actions = [AuditEvent.Action.LOGIN, AuditEvent.Action.UPDATED, AuditEvent.Action.LOGIN_FAILED]
    for start in range(0, EVENTS, 10_000):
        AuditEvent.objects.bulk_create(
            [
                AuditEvent(
                    actor_repr=f"person{n % PEOPLE}@bench.example",
                    action=actions[n % 3],
                    created_at=now,
                    identifier=f"person{n % PEOPLE}@bench.example",
                    changes={"phone": ["1", "2"]},
                )
                for n in range(start, start + 10_000)
            ]
        )


def main():
    seed()
    staff = User.objects.create_user(email="staff@bench.example", password="x", full_name="Staff", role=User.Role.STAFF)
    client = Client()
    harness.compare_pages(client, [("home (public)", "/"), ("SDG goals", "/ods/"), ("SDG 17 detail", "/ods/17/")])
    client.force_login(staff)
    harness.compare_pages(
        client,
        [
            ("people, page 1", "/cuenta/personas/"),
            ("people, page 150", "/cuenta/personas/?page=150"),
            ("people, search", "/cuenta/personas/?q=Persona+99"),
            ("audit trail, page 1", "/auditoria/"),
            ("audit trail, failed sign-ins", "/auditoria/?action=auth.login_failed"),
            ("audit trail, one person", "/auditoria/?who=person77%40"),
            ("audit trail, page 200 (last listed)", "/auditoria/?page=200"),
        ],
    )
    print(f"Seeded {PEOPLE:,} people and {EVENTS:,} audit events.")


if __name__ == "__main__":
    main()
