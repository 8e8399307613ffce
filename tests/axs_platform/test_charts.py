"""The server-side SVG bar chart: labels inside the picture, wrapped and shortened, every text escaped."""

import re

from axs_platform.charts import CHAR_WIDTH, Bar, horizontal_bar_chart, wrap_label

LONG = "Plataforma digital de formación dual para jóvenes de comunidades rurales del sureste"


def test_a_long_label_is_wrapped_on_two_lines_and_shortened_with_an_ellipsis():
    lines = wrap_label(LONG, 26)
    assert len(lines) == 2 and all(len(line) <= 26 for line in lines)
    assert lines[0] == "Plataforma digital de"
    assert lines[1].endswith("…")
    assert wrap_label("ODS 12", 26) == ["ODS 12"]
    assert wrap_label("Supercalifragilísticoespialidoso", 10) == ["Supercali…"]


def test_every_label_line_fits_the_label_column_and_the_full_label_stays_as_a_tooltip():
    svg = horizontal_bar_chart([Bar(LONG, 3), Bar("ODS 12: Producción y consumo responsables", 1)], title="T")
    label_width = 220
    for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg):
        assert len(line) * CHAR_WIDTH <= label_width - 8, line
    assert f"<title>{LONG}</title>" in svg
    assert 'x="-' not in svg


def test_the_picture_grows_with_two_line_labels():
    short = horizontal_bar_chart([Bar("A", 1), Bar("B", 2)], title="T")
    wrapped = horizontal_bar_chart([Bar(LONG, 1), Bar(LONG, 2)], title="T")
    height = re.compile(r'height="(\d+)" viewBox')
    assert int(height.search(wrapped).group(1)) > int(height.search(short).group(1))
