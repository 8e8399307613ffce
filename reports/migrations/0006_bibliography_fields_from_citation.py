"""Move each single written citation into the bibliography's fields where its shape allows it.

“Authors. (2016b). Title. Place: Publisher.” splits into its fields; anything else (a press release
with its date in the middle, a law cited by its gazette) keeps the whole citation as its title, which
the report prints as it is when no other field is filled. Nothing is lost either way.
"""

import re

from django.db import migrations

APA = re.compile(
    r"^(?P<authors>[^()]+?)\.\s+\((?P<year>\d{4})(?P<suffix>[a-z]?)\)\.\s+(?P<title>[^:]+?)\.\s+"
    r"(?P<place>[^.:]+):\s+(?P<publisher>[^:]+?)\.?$"
)


def fields_of(citation):
    """Return the fields of an APA-shaped citation, or only its title."""
    text = " ".join(citation.split())
    match = APA.match(text)
    if match is None:
        return {"title": text}
    return {
        "authors": match["authors"].strip(),
        "year": int(match["year"]),
        "year_suffix": match["suffix"],
        "title": match["title"].strip(),
        "place": match["place"].strip(),
        "publisher": match["publisher"].strip(),
    }


def split_citations(apps, schema_editor):
    BibliographyEntry = apps.get_model("reports", "BibliographyEntry")
    for entry in BibliographyEntry.objects.filter(title=""):
        for name, value in fields_of(entry.citation).items():
            setattr(entry, name, value)
        entry.save()


def join_citations(apps, schema_editor):
    BibliographyEntry = apps.get_model("reports", "BibliographyEntry")
    for entry in BibliographyEntry.objects.filter(citation=""):
        if entry.authors or entry.year:
            year = f"{entry.year}{entry.year_suffix}" if entry.year else "s. f."
            where = ": ".join(p for p in (entry.place, entry.publisher) if p)
            entry.citation = f"{entry.authors}. ({year}). {entry.title}." + (f" {where}." if where else "")
        else:
            entry.citation = entry.title
        entry.save()


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_structured_sources_objectives_cover")]

    operations = [migrations.RunPython(split_citations, join_citations)]
