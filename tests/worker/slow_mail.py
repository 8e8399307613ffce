"""An e-mail backend for worker tests only: notes that it started, waits, then writes files as Django's does.

``EMAIL_FILE_PATH`` is where messages go; the marker ``started-<pid>`` is written there first, and
``AXS_TEST_MAIL_SECONDS`` is how long a message then takes, so that a test can take Redis away while a
worker is sending. Named by ``DJANGO_EMAIL_BACKEND`` in the test worker's environment only.
"""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        folder = Path(self.file_path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"started-{os.getpid()}-{time.time_ns()}").write_text("sending")
        time.sleep(float(os.environ.get("AXS_TEST_MAIL_SECONDS", "0")))
        return super().send_messages(email_messages)
