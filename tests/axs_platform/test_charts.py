"""The server-side SVG bar chart: labels inside the picture, wrapped in full (never shortened), every text escaped."""

import re

from axs_platform.charts import CHAR_WIDTH, Bar, horizontal_bar_chart, wrap_label

LONG = "Plataforma digital de formación dual para jóvenes de comunidades rurales del sureste"


def test_a_long_label_is_wrapped_in_full_on_as_many_lines_as_it_needs():
    lines = wrap_label(LONG, 26)
    assert all(len(line) <= 26 for line in lines)
    assert " ".join(lines) == LONG
    assert lines[0] == "Plataforma digital de"
    assert not any("…" in line for line in lines)
    assert wrap_label("ODS 12", 26) == ["ODS 12"]


def test_a_word_longer_than_a_line_is_broken_with_a_hyphen_not_cut():
    lines = wrap_label("ODS 12 Supercalifragilísticoespialidoso", 10)
    assert lines == ["ODS 12", "Supercali-", "fragilíst-", "icoespial-", "idoso"]
    assert "".join(line.removesuffix("-") for line in lines[1:]) == "Supercalifragilísticoespialidoso"


def test_every_label_line_fits_the_label_column_and_the_full_label_stays_as_a_tooltip():
    svg = horizontal_bar_chart([Bar(LONG, 3), Bar("ODS 12: Producción y consumo responsables", 1)], title="T")
    label_width = 220
    for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg):
        assert len(line) * CHAR_WIDTH <= label_width - 8, line
    assert f"<title>{LONG}</title>" in svg
    assert 'x="-' not in svg
    assert "…" not in svg
    words = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))
    assert LONG in words


def test_the_picture_grows_with_the_lines_of_its_labels():
    short = horizontal_bar_chart([Bar("A", 1), Bar("B", 2)], title="T")
    wrapped = horizontal_bar_chart([Bar(LONG, 1), Bar(LONG, 2)], title="T")
    height = re.compile(r'height="(\d+)" viewBox')
    assert int(height.search(wrapped).group(1)) > int(height.search(short).group(1))


def test_a_chart_without_shares_prints_each_value_alone():
    svg = horizontal_bar_chart([Bar("Primera", 90), Bar("Segunda", 81)], title="T", shares=False)
    assert ">90</text>" in svg and ">81</text>" in svg
    assert "%" not in svg
