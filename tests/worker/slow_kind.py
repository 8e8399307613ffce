"""A document kind for tests only: its first attempt hangs, its later attempts render at once.

Each call of ``build`` appends a line (event, attempt, process id, time) to the file named by the
document's ``log`` parameter, so a test can tell which worker rendered what and when. Imported by
the test worker through ``tests.worker.worker_settings``; the test process registers it itself.
"""

import json
import os
import time

from documents.registry import DocumentKind, Source, register

SLOW = "tests.slow"


def _note(document, event):
    with open(document.params["log"], "a", encoding="utf-8") as log:
        line = {"event": event, "attempt": document.attempts, "pid": os.getpid(), "time": time.time()}
        log.write(json.dumps(line) + "\n")


def _build(document):
    _note(document, "start")
    if document.attempts == 1:
        time.sleep(document.params.get("hang_seconds", 60))
    _note(document, "end")
    html = f"<html><body><h1>Documento lento</h1><p>Intento {document.attempts}</p></body></html>"
    return Source(html=html, filename="lento.pdf", title="Documento lento")


def _anyone(user, *args):
    return user.is_authenticated


SLOW_KIND = register(
    DocumentKind(
        code=SLOW,
        label="Slow test document",
        build=_build,
        describe=lambda target, params: "Documento lento",
        can_request=_anyone,
        can_view=_anyone,
    )
)
