"""Move a project's English title and description from the IATI data to the project (``projects.Proposal``).

The public pages, the public fact sheet, open data and the API show them too, and those apps sit below iati.
"""

from django.db import migrations


def to_projects(apps, schema_editor):
    Proposal = apps.get_model("projects", "Proposal")
    ProjectPublication = apps.get_model("iati", "ProjectPublication")
    rows = ProjectPublication.objects.exclude(title_en="", description_en="").values_list(
        "proposal_id", "title_en", "description_en"
    )
    for proposal_id, title_en, description_en in rows.iterator():
        Proposal.objects.filter(pk=proposal_id).update(title_en=title_en, summary_en=description_en)


def to_iati(apps, schema_editor):
    Proposal = apps.get_model("projects", "Proposal")
    ProjectPublication = apps.get_model("iati", "ProjectPublication")
    rows = Proposal.objects.exclude(title_en="", summary_en="").values_list("pk", "title_en", "summary_en")
    for proposal_id, title_en, summary_en in rows.iterator():
        ProjectPublication.objects.update_or_create(
            proposal_id=proposal_id, defaults={"title_en": title_en, "description_en": summary_en}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("iati", "0001_initial"),
        ("projects", "0014_proposal_english_texts"),
    ]

    operations = [
        migrations.RunPython(to_projects, to_iati),
        migrations.RemoveField(model_name="projectpublication", name="title_en"),
        migrations.RemoveField(model_name="projectpublication", name="description_en"),
    ]
