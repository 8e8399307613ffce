"""Small indexes of the published projects: the public list's order and count, and open data's "last updated"."""

from django.db import migrations, models

PUBLISHED = models.Q(published_at__isnull=False, status__in=("structured", "in_implementation", "closed"))


class Migration(migrations.Migration):
    dependencies = [("projects", "0010_evaluation_queue_index")]

    operations = [
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(condition=PUBLISHED, fields=["-published_at", "-id"], name="projects_prop_published_idx"),
        ),
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(condition=PUBLISHED, fields=["updated_at"], name="projects_prop_pub_upd_idx"),
        ),
    ]
