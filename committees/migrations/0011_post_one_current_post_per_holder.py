"""One current post per person in a committee: the secretary drafts the minutes, the chair approves them.

Before the rule a person could be appointed chair while secretary. Such a person keeps the post held longest
(the earliest start, then the lowest id); the later one ends today (never before it started) with the reason
written in the data's language, so the history stays whole and the constraint can be added.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

END_REASON = "Terminado al aplicar la regla de un solo cargo vigente por persona en cada comité."


def end_second_posts(apps, schema_editor):
    posts = apps.get_model("committees", "Post").objects.using(schema_editor.connection.alias)
    current = posts.filter(ended_on__isnull=True).order_by("committee_id", "holder_id", "started_on", "pk")
    today = timezone.localdate()
    seen = set()
    for post in current.only("pk", "committee_id", "holder_id", "started_on"):
        key = (post.committee_id, post.holder_id)
        if key in seen:
            posts.filter(pk=post.pk).update(ended_on=max(today, post.started_on), end_reason=END_REASON)
        seen.add(key)


class Migration(migrations.Migration):

    dependencies = [
        ('committees', '0010_committee_search_body_without_english_name'),
        ('companies', '0006_public_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(end_second_posts, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='post',
            constraint=models.UniqueConstraint(condition=models.Q(('ended_on__isnull', True)), fields=('committee', 'holder'), name='committees_one_current_post_per_holder', violation_error_message='One person cannot hold both current posts of a committee.'),
        ),
    ]
