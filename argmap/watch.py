"""Watch files and redo a job when they change: the live preview behind `render --watch`."""
from __future__ import annotations

import functools
import http.server
import os
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path

POLL_SECONDS = 0.3


def _signature(paths: Iterable[Path]) -> tuple[tuple[str, int | None, int | None], ...]:
    """What changes when a file is saved: its modification time and size (None while it is missing)."""
    found: list[tuple[str, int | None, int | None]] = []
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
    seen: dict | None = None
    while not stop():
        current = {path: (mtime, size) for path, mtime, size in _signature(paths())}
        changed = seen is None or any(path in seen and seen[path] != state for path, state in current.items())
        seen = current  # what the job will see: a save during the job differs from it, and runs it again
        if changed:  # a file newly watched (the source a map names) is only noted: it has not changed
            job()
        time.sleep(poll)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the one output file to this machine only, with an ETag so that the page can tell a new version.

    Nothing else in its folder is served, there are no listings, and a request must name this machine
    as its Host: a web page elsewhere cannot read the file through DNS rebinding.
    """

    served = ""  # the file's name, set per server

    def _allowed(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        name = urllib.parse.unquote(self.path.split("?", 1)[0].lstrip("/"))
        return host in ("127.0.0.1", "localhost") and name == self.served

    def do_GET(self) -> None:  # the standard library's name (pep8-naming knows it)
        if self._allowed():
            super().do_GET()
        else:
            self.send_error(404)

    def do_HEAD(self) -> None:
        if self._allowed():
            super().do_HEAD()
        else:
            self.send_error(404)

    def end_headers(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_file():
            status = path.stat()
            self.send_header("ETag", f'"{status.st_mtime_ns}-{status.st_size}"')
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002 - the name is the standard library's
        pass


def serve(target: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve the file target on 127.0.0.1:port in a background thread; port 0 picks a free one."""
    handler = type("Handler", (_Handler,), {"served": target.name})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(handler, directory=str(target.resolve().parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
