"""One function prints every work (APA-like, Spanish and English); old single citations keep what they said."""

import datetime
import importlib

import pytest
from django.utils import translation

from reports.models import BibliographyEntry

pytestmark = pytest.mark.django_db
migration = importlib.import_module("reports.migrations.0006_bibliography_fields_from_citation")


def press_release():
    return BibliographyEntry(
        kind="press_release", authors="AMEXCID", year=2016, year_suffix="b",
        title="Se lleva a cabo la segunda reunión de la Alianza por la Sostenibilidad",
        issued_on=datetime.date(2016, 7, 6), place="México", publisher="AMEXCID",
    )  # fmt: skip


def test_a_press_release_reads_the_same_way_in_spanish_and_in_english_with_its_day():
    with translation.override("es-mx"):
        assert str(press_release().reference) == (
            "AMEXCID. (2016b). <em>Se lleva a cabo la segunda reunión de la Alianza por la Sostenibilidad</em> "
            "[Comunicado de prensa, 6 de julio de 2016]. México: AMEXCID."
        )
        assert press_release().short_citation == "AMEXCID, 2016b"
    with translation.override("en"):
        assert "[Press release, July 6, 2016]. México: AMEXCID." in str(press_release().reference)


def test_several_authors_a_web_address_and_the_day_it_was_read():
    entry = BibliographyEntry(
        kind="article", authors="Netessine, S.; Popescu, I.", year=2014, title="A lean startup approach",
        publisher="Harvard Business Review", url="https://hbr.org/x", accessed_on=datetime.date(2018, 3, 24),
    )  # fmt: skip
    with translation.override("es-mx"):
        assert str(entry.reference) == (
            "Netessine, S. y Popescu, I. (2014). <em>A lean startup approach</em>. Harvard Business Review. "
            "Recuperado el 24 de marzo de 2018 de https://hbr.org/x"
        )
    with translation.override("en"):
        assert "Netessine, S., &amp; Popescu, I. (2014)." in str(entry.reference)
        assert "Retrieved on March 24, 2018 from https://hbr.org/x" in str(entry.reference)


def test_a_work_without_author_starts_with_its_title_and_one_without_year_says_so():
    entry = BibliographyEntry(kind="law", title="Ley de Cooperación Internacional para el Desarrollo",
                              place="México", publisher="Diario Oficial de la Federación")  # fmt: skip
    with translation.override("es-mx"):
        assert str(entry.reference) == (
            "<em>Ley de Cooperación Internacional para el Desarrollo</em>. (s. f.). México: Diario Oficial de la "
            "Federación."
        )


def test_what_staff_type_is_escaped():
    entry = BibliographyEntry(authors="<b>X</b>", year=2020, title="<script>alert(1)</script>")
    assert "<script>" not in str(entry.reference) and "&lt;b&gt;X&lt;/b&gt;" in str(entry.reference)


def test_the_migration_splits_an_apa_citation_into_its_fields():
    fields = migration.fields_of("AMEXCID. (2017a). One pager de la Alianza por la Sostenibilidad. México: AMEXCID.")
    assert fields == {
        "authors": "AMEXCID", "year": 2017, "year_suffix": "a",
        "title": "One pager de la Alianza por la Sostenibilidad", "place": "México", "publisher": "AMEXCID",
    }  # fmt: skip
    entry = BibliographyEntry(**fields)
    with translation.override("es-mx"):
        assert str(entry.reference) == (
            "AMEXCID. (2017a). <em>One pager de la Alianza por la Sostenibilidad</em>. México: AMEXCID."
        )


def test_the_migration_keeps_a_citation_it_cannot_split_as_a_title_printed_as_written():
    citation = (
        "Ley de Cooperación Internacional para el Desarrollo (LCID, 2011). Diario Oficial de la Federación. México. "
        "6 de abril de 2011."
    )
    fields = migration.fields_of(citation)
    assert fields == {"title": citation}
    assert str(BibliographyEntry(**fields).reference) == citation


def test_the_migration_keeps_every_word_of_a_title_with_full_stops():
    fields = migration.fields_of("AMEXCID. (2016). Alianza por la Sostenibilidad. Policy Brief. México: AMEXCID.")
    assert fields["title"] == "Alianza por la Sostenibilidad. Policy Brief" and fields["publisher"] == "AMEXCID"


def test_the_bibliography_files_accented_names_as_a_reader_does_on_every_database():
    from reports.bibliography import in_reading_order

    def entry(pk, authors, title="Obra", year=2014, suffix=""):
        return BibliographyEntry(pk=pk, authors=authors, title=title, year=year, year_suffix=suffix)

    entries = [
        entry(1, "Castellano Cereceda, R."), entry(2, "Cámara de Diputados"), entry(3, "", title="Focus group"),
        entry(4, "GIZ", suffix="a", year=2015), entry(5, "GIZ", year=2015), entry(6, "amexcid"),
    ]  # fmt: skip
    names = [e.pk for e in in_reading_order(entries)]
    assert names == [6, 2, 1, 3, 5, 4]
