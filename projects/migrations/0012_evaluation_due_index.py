"""A small index of the evaluations due: the staff desk counts their proposals, the proposal list filters by them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("projects", "0011_public_indexes")]

    operations = [
        migrations.AddIndex(
            model_name="evaluation",
            index=models.Index(
                condition=models.Q(status__in=["assigned", "in_progress"]),
                fields=["proposal"],
                name="projects_eval_due_idx",
            ),
        ),
    ]
