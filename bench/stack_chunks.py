"""How much of a page's time depends on how deep in the call stack it is served (issue #23's warm figures).

Run from the project root::

    .venv/bin/python bench/stack_chunks.py

CPython keeps Python frames in chunks of memory. A loop whose calls cross the end of a chunk
allocates and frees a chunk on every call (CPython issue gh-142183; the fix, one cached chunk
per thread, is in the 3.13 branch since March 2026, e.g. 3.13.14, and in 3.14; 3.11 and 3.12
only take security fixes). Template rendering is deep recursion with loops at every level, so
the same page costs more or less depending on the depth the server calls the view from: the
number of middleware frames, the WSGI server, the test client of the benchmarks.

The script prints three tables: a bare loop of calls at each depth (the interpreter alone); the
notification preferences form (eleven radio groups through crispy-forms) rendered at each depth;
and that page and the trivial page requested through the whole middleware stack at each depth,
with their ratio. It needs no data beyond one user, in the usual throwaway database.
"""

import statistics
import sys
import time

import harness

DEPTHS = range(0, 96)


def at_depth(depth, function):
    """Call ``function`` with ``depth`` more Python frames under it than the caller has."""
    if depth:
        return at_depth(depth - 1, function)
    return function()


def timed(function, runs):
    def run():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            function()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    return run


def leaf(a, b, c, d):
    return a


def calls():
    for _ in range(20_000):
        leaf(1, 2, 3, 4)


def summary(label, figures):
    """``figures``: {depth: ms}. One row: fastest, median, slowest (with its depth), depths over 1.5×."""
    fastest = min(figures.values())
    depth, slowest = max(figures.items(), key=lambda item: item[1])
    over = sum(1 for value in figures.values() if value > 1.5 * fastest)
    return [
        label,
        f"{fastest:.2f}",
        f"{statistics.median(figures.values()):.2f}",
        f"{slowest:.2f} (depth {depth})",
        f"{slowest / fastest:.1f}×",
        f"{over} of {len(figures)}",
    ]


def print_table(rows):
    headers = ["what", "fastest ms", "median ms", "slowest ms", "slowest / fastest", "depths over 1.5×"]
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, ["-" * width for width in widths], *rows]:
        print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=True)))


def main():
    harness.setup("axs_stack_bench")
    from django.contrib.auth import get_user_model
    from django.template import Context, Template
    from django.test import Client

    from notifications.forms import PreferencesForm

    print(f"Python {sys.version.split()[0]}")
    rows = [summary("20,000 calls of a small function", {d: at_depth(d, timed(calls, 5)) for d in range(0, 700)})]

    template = Template("{% load crispy_forms_tags %}{% crispy form %}")

    def render_form():
        template.render(Context({"form": PreferencesForm(None)}))

    rows.append(summary("the preferences form, rendered", {d: at_depth(d, timed(render_form, 9)) for d in DEPTHS}))

    user = get_user_model().objects.create_user(email="stack@bench.example", password="x", full_name="Stack")
    client = Client()
    client.force_login(user)
    page, trivial = {}, {}
    for depth in DEPTHS:
        page[depth] = at_depth(depth, timed(lambda: client.get("/avisos/preferencias/", secure=True), 9))
        trivial[depth] = at_depth(depth, timed(lambda: client.get("/salud/trivial/", secure=True), 9))
    rows.append(summary("the preferences page, requested", page))
    rows.append(summary("the trivial page, requested", trivial))
    rows.append(summary("preferences / trivial (ratio, not ms)", {d: page[d] / trivial[d] for d in DEPTHS}))
    print_table(rows)


if __name__ == "__main__":
    main()
