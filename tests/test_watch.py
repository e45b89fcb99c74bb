"""The live preview (argmap.watch): `render --watch` re-renders on save, keeps the last good output, the HTML page
reloads, and the preview server shows its one file to this machine only."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import MAPS, ROOT

from argmap.watch import serve

DEADLINE = 30


class Watcher:
    """`argmap render --watch` in a subprocess, with its stderr collected as it comes."""

    def __init__(self, args, cwd):
        self.process = subprocess.Popen([sys.executable, "-m", "argmap", "render", *args, "--watch"], cwd=cwd,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)})
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line)

    def wait_for(self, pattern: str, count: int = 1) -> None:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            if len([line for line in self.lines if re.search(pattern, line)]) >= count:
                return
            time.sleep(0.1)
        raise AssertionError(f"no {pattern!r} after {DEADLINE} s; stderr: {''.join(self.lines)}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def workspace(tmp_path):
    shutil.copy(MAPS / "school-phones.yaml", tmp_path / "map.yaml")
    shutil.copy(MAPS / "school-phones.txt", tmp_path / "school-phones.txt")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    time.sleep(0.05)
    path.write_text(path.read_text().replace(old, new))


@pytest.mark.dot
def test_watch_rerenders_keeps_last_good_output_and_recovers(workspace):
    out = workspace / "map.svg"
    watcher = Watcher(["map.yaml", "-o", "map.svg"], workspace)
    try:
        watcher.wait_for(r"rendered map\.svg")
        assert "Schools should ban phones" in out.read_text()
        _edit(workspace / "map.yaml", "text: Schools should ban phones in class.", "text: Schools must ban phones.")
        watcher.wait_for(r"rendered map\.svg", 2)
        good = out.read_text()
        assert "Schools must ban phones." in good
        _edit(workspace / "map.yaml", "premises: [ban-is-fair]", "premises: [ban-is-fari]")
        watcher.wait_for(r"kept the last good map\.svg")
        assert any("did you mean 'ban-is-fair'?" in line for line in watcher.lines)
        assert out.read_text() == good
        _edit(workspace / "map.yaml", "premises: [ban-is-fari]", "premises: [ban-is-fair]")
        watcher.wait_for(r"rendered map\.svg", 3)
    finally:
        watcher.stop()


def test_served_html_page_reloads_itself_when_the_map_changes(workspace, browser):
    watcher = Watcher(["map.yaml", "-o", "map.html", "--serve", "--port", "0"], workspace)
    try:
        watcher.wait_for(r"serving http://127\.0\.0\.1:\d+/map\.html")
        url = re.search(r"(http://127\.0\.0\.1:\d+/map\.html)", "".join(watcher.lines)).group(1)
        watcher.wait_for(r"rendered map\.html")
        page = browser.new_page()
        page.goto(url)
        page.click("#claim-ban-phones")  # the shown node survives the reload
        page.wait_for_timeout(500)  # the page has taken note of the version it shows
        assert "Schools should ban phones" in page.locator("#claim-ban-phones").text_content()
        _edit(workspace / "map.yaml", "text: Schools should ban phones in class.", "text: Schools must ban phones now.")
        page.wait_for_function("document.getElementById('argmap-data').textContent.includes('must ban phones now')",
                               timeout=DEADLINE * 1000)
        assert page.locator("#panel h1").inner_text() == "Schools must ban phones now."
    finally:
        watcher.stop()


def test_served_preview_shows_only_its_file_to_this_machine(tmp_path):
    (tmp_path / "map.html").write_text("<p>map</p>")
    (tmp_path / ".env").write_text("secret")
    server = serve(tmp_path / "map.html", 0)
    port = server.server_address[1]
    try:
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/map.html").read() == b"<p>map</p>"
        for path, host in (("/.env", None), ("/", None), ("/map.html", "evil.example")):
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                             headers={"Host": f"{host}:{port}"} if host else {})
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request)  # noqa: S310 - an http:// URL made just above
            assert refused.value.code == 404
    finally:
        server.shutdown()
