"""A throwaway redis-server of the test's own, on a free port, that a test may stop, freeze and restart.

Never the shared Redis on 6379: tests that take Redis away take away only this one.
"""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest


def free_port(start=None):
    """A port nothing listens on; each pytest-xdist process looks in a range of its own."""
    if start is None:
        start = 6390 + 200 * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    for port in range(start, start + 200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("No free port for a throwaway Redis.")


class ThrowawayRedis:
    """``redis-server --port N --save "" --appendonly no``, started and stopped by its own process id."""

    def __init__(self, folder, port=None):
        self.folder = folder
        self.port = port or free_port()
        self.process = None

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self):
        executable = shutil.which("redis-server")
        if executable is None:
            pytest.skip("redis-server is not installed")
        self.process = subprocess.Popen(
            [executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.folder), "--logfile", str(self.folder / f"redis-{self.port}.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise RuntimeError(f"The throwaway Redis on {self.port} did not start.")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def freeze(self):
        """Stop the process without closing its port: connections hang, as with a frozen server."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def throwaway_redis(tmp_path):
    server = ThrowawayRedis(tmp_path).start()
    yield server
    server.stop()
