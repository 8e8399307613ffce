"""Charts as Chromium draws them: no label, value or percentage falls outside the picture."""

import pytest

from axs_platform.charts import Bar, horizontal_bar_chart

LABELS = [
    "ODS 12: Producción y consumo responsables",
    "ODS 4: Educación de calidad",
    "Plataforma digital de formación dual para jóvenes de comunidades rurales del sureste",
    "Fundación Grupo Lala",
    "Reforestamos México, A. C. (Asociación civil)",
]


@pytest.mark.parametrize("label_width", [220, 250])
def test_every_text_of_a_chart_lies_inside_its_viewbox(browser, label_width):
    svg = horizontal_bar_chart(
        [Bar(label, 1234.5 if index == 0 else index * 7) for index, label in enumerate(LABELS)],
        title="Prioridades",
        total=10_000,
        width=600,
        label_width=label_width,
    )
    page = browser.new_page()
    try:
        page.set_content(f'<!doctype html><html lang="es"><body style="margin:0">{svg}</body></html>')
        boxes = page.evaluate(
            """() => {
                const svg = document.querySelector('svg');
                const [x, y, width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
                return {width, height, texts: [...svg.querySelectorAll('text')].map(t => {
                    const b = t.getBBox();
                    return {text: t.textContent, left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height};
                })};
            }"""
        )
    finally:
        page.close()
    assert len(boxes["texts"]) == 2 * len(LABELS)
    for box in boxes["texts"]:
        assert box["left"] >= 0 and box["right"] <= boxes["width"], box
        assert box["top"] >= 0 and box["bottom"] <= boxes["height"], box
