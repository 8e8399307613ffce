"""Agreements are published only once approved: recorded before the session's latest approved minutes."""

import datetime

from committees.models import Agreement, Minutes, MinutesStatus

from .helpers import all_formats


def test_an_agreement_recorded_after_the_minutes_were_approved_is_not_published(demo, client):
    published = all_formats(client, "acuerdos")["csv"][1]
    assert published, "the demo has published agreements"
    shown = Agreement.objects.get(pk=int(published[0][0]))
    minutes = Minutes.objects.filter(session=shown.session_id, status=MinutesStatus.APPROVED).order_by("-approved_at")
    later = Agreement.objects.create(
        session=shown.session,
        committee=shown.committee,
        description="Acuerdo añadido después de aprobar la minuta",
        responsible_organization=shown.responsible_organization,
        due_on=shown.due_on,
        created_by=shown.created_by,
        created_at=minutes.first().approved_at + datetime.timedelta(hours=1),
    )
    ids = {int(row[0]) for row in all_formats(client, "acuerdos")["csv"][1]}
    assert shown.pk in ids
    assert later.pk not in ids
