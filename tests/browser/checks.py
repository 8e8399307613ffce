"""Accessibility and validity checks for browser tests: axe-core in the page, the Nu HTML Checker in one batch."""

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"critical", "serious"}
MISSING_TOOLS = "{} is missing: run `npm ci` in the project folder (make test does it)."


def axe_violations(page, *, but=()):
    """Run axe-core (WCAG 2.1 A and AA rules, but the rules named) on the page as it is now; return its violations."""
    if not AXE_JS.exists():
        raise AssertionError(MISSING_TOOLS.format(AXE_JS))
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "([tags, but]) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],"
        " rules: Object.fromEntries(but.map(rule => [rule, {enabled: false}]))})"
        ".then(results => results.violations)",
        [WCAG_TAGS, list(but)],
    )


def describe_violations(violations):
    """Say each violation as a person fixing it needs it: rule, impact, help, and the offending elements."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def assert_accessible(page, *, but=()):
    """Fail when axe-core finds a critical or serious WCAG 2.1 A/AA violation on the page.

    ``but`` names rules a test has already checked on the same page (colour contrast in another language).
    """
    blocking = [v for v in axe_violations(page, but=but) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core found {len(blocking)} serious or critical violations on {page.url}:\n" + (
        describe_violations(blocking)
    )


PHONE_WIDTH = 390
OFF_SCREEN_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const controls = 'main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary';
  for (const element of document.querySelectorAll(controls)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not shown
    if (box.right > width + 1 || box.left < -1) found.push(element.outerHTML.replace(/\\s+/g, ' ').slice(0, 140));
  }
  return found;
}
"""


WIDEST_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
  const deepest = wide.filter(e => !wide.some(other => other !== e && e.contains(other)));
  return deepest.slice(0, 5).map(e => e.outerHTML.replace(/\\s+/g, ' ').slice(0, 160));
}
"""


def assert_fits_a_phone(page):
    """Fail when, at 390 px, the page scrolls sideways or a control of its main content lies beyond the screen.

    A control cut off inside a table that scrolls sideways counts too: a person may never find it there.
    The page is laid out again at 390 px and then given back its own size.
    """
    size = page.viewport_size
    page.set_viewport_size({"width": PHONE_WIDTH, "height": size["height"]})
    try:
        wide = page.evaluate("document.documentElement.scrollWidth")
        off_screen = page.evaluate(OFF_SCREEN_JS)
        widest = page.evaluate(WIDEST_JS) if wide > PHONE_WIDTH else []
    finally:
        page.set_viewport_size(size)
    assert wide <= PHONE_WIDTH, (
        f"At {PHONE_WIDTH} px {page.url} is {wide} px wide: it scrolls sideways, because of:\n" + ("\n".join(widest))
    )
    assert not off_screen, f"At {PHONE_WIDTH} px, controls of {page.url} are off the screen:\n" + "\n".join(off_screen)


@dataclass
class HtmlChecker:
    """Pages collected during a test session, validated by the Nu HTML Checker in one Java run at the end."""

    folder: Path
    pages: dict = field(default_factory=dict)

    def collect(self, name, html, url=""):
        """Keep the page's HTML, as served, under a readable name."""
        path = self.folder / f"{len(self.pages) + 1:02d}-{name}.html"
        path.write_text(html, encoding="utf-8")
        self.pages[path.resolve().as_uri()] = (name, url)

    def collect_page(self, page, name):
        """Keep the HTML the server sent for the page's current address (not the DOM scripts changed)."""
        response = page.request.get(page.url)
        assert response.ok, f"{page.url} answered {response.status}"
        self.collect(name, response.text(), page.url)

    def errors(self):
        """Validate every collected page at once; return the errors as readable lines."""
        if not self.pages:
            return []
        java = shutil.which("java")
        if not java:
            raise AssertionError("Java is missing: make browser-deps installs a JRE (default-jre-headless).")
        if not VNU_JAR.exists():
            raise AssertionError(MISSING_TOOLS.format(VNU_JAR))
        files = sorted(self.pages)
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *[f[len("file:") :] for f in files]],
            capture_output=True,
            text=True,
            check=True,
        )
        messages = json.loads(result.stderr or result.stdout)["messages"]
        lines = []
        for message in messages:
            if message["type"] != "error":
                continue
            url = message.get("url", "")
            name, address = self.pages.get(url, self.pages.get(url.replace("file:/", "file:///"), (url, "")))
            where = f"line {message.get('lastLine', '?')}"
            lines.append(f"- {name} ({address}), {where}: {message['message']}\n    {message.get('extract', '')!r}")
        return lines


CONTRAST_JS = """
(element, property) => {
  const parse = value => (value.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const style = getComputedStyle(element);
  let color = style[property];
  if (property === "boxShadow") color = style.boxShadow === "none" ? style.outlineColor : style.boxShadow;
  let background = "rgb(255, 255, 255)";
  for (let node = element.parentElement; node; node = node.parentElement) {
    const fill = getComputedStyle(node).backgroundColor;
    if (fill && fill !== "rgba(0, 0, 0, 0)" && fill !== "transparent") { background = fill; break; }
  }
  const [light, dark] = [luminance(parse(color)), luminance(parse(background))].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
"""


def non_text_contrast(locator, css_property):
    """Contrast of an element's border, outline or focus shadow (``css_property``) against what is behind it."""
    return locator.evaluate(CONTRAST_JS, css_property)
