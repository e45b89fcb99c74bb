"""Watch files and redo a job when they change: the live preview behind `render --watch` and `compare --watch`."""
from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

POLL_SECONDS = 0.3


def _signature(paths: Iterable[Path]) -> tuple:
    """What changes when a file is saved: its modification time and size (None while it is missing)."""
    found = []
    for path in paths:
        try:
            status = os.stat(path)
            found.append((str(path), status.st_mtime_ns, status.st_size))
        except OSError:
            found.append((str(path), None, None))
    return tuple(found)


def watch(paths: Callable[[], list[Path]], job: Callable[[], None], stop: Callable[[], bool] = lambda: False,
          poll: float = POLL_SECONDS) -> None:
    """Run job now and again after every change to paths() (asked anew each time: a map may name a new source)."""
    seen = None
    while not stop():
        current = _signature(paths())
        if current != seen:
            seen = current
            job()
            seen = _signature(paths())  # the job may have taken a while; compare with what it saw
        time.sleep(poll)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder to this machine only, with an ETag so that the page can tell a new version."""

    def end_headers(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_file():
            status = path.stat()
            self.send_header("ETag", f'"{status.st_mtime_ns}-{status.st_size}"')
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002 - the name is the standard library's
        pass


def serve(folder: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve folder on 127.0.0.1:port in a background thread; port 0 picks a free one."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
