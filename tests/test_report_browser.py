"""The report in a real browser: Debian's chromium, headless, driven over the DevTools protocol.

The DevTools client is a few lines of stdlib: chromium's ``--remote-debugging-pipe`` reads
NUL-terminated JSON commands on fd 3 and writes replies and events on fd 4. A page fails the
check on any console error, uncaught exception, error log entry (failed loads, CSP refusals),
failed request, request to anything but file:/data:, or JavaScript dialog (``alert``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.report import build_report
from tests.test_report import HOSTILE_TEXT, write_tiny_corpus

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RESULTS = ROOT / "results"
SCREENSHOT = ROOT / "docs" / "report_screenshot.png"  # a README picture, not a result
SCREENSHOT_HEIGHT = 1600  # CSS pixels from the top: the heading, the summary and what differs
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe",
)  # fmt: skip
LOCAL_SCHEMES = ("file:", "data:", "about:")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).is_file(),
        reason="chromium is not installed (Debian: apt-get install chromium; `make test` does "
        "it in its set-up step); the browser test needs a real browser and never downloads one",
    ),
]


class DevTools:
    """A minimal DevTools-protocol client over chromium's debugging pipe."""

    def __init__(self, user_data_dir: Path, *, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._buffer = b""
        self._next_id = 0
        self._stderr = open(user_data_dir / "chromium.log", "wb")  # noqa: SIM115
        # fd 3 <- our stdin pipe (commands), fd 4 -> our stdout pipe (replies and events)
        self.proc = subprocess.Popen(
            ["/bin/sh", "-c", 'exec "$0" "$@" 3<&0 4>&1 </dev/null >/dev/null', CHROMIUM,
             *FLAGS, f"--user-data-dir={user_data_dir}", "about:blank"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
        )  # fmt: skip

    def close(self) -> None:
        """Ask the browser to quit, then make sure it has."""
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close", timeout=10)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._stderr.close()

    def _read_message(self, deadline: float) -> dict[str, Any] | None:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
            if not chunk:
                raise RuntimeError(f"chromium exited (code {self.proc.poll()})")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, *, session: str | None = None,
             timeout: float | None = None) -> dict[str, Any]:  # fmt: skip
        """Send one command and return its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.proc.stdin.write(json.dumps(message).encode() + b"\0")
        self.proc.stdin.flush()
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read_message(deadline)
            if reply is None:
                raise TimeoutError(f"no reply to {method}")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, *, timeout: float) -> bool:
        """Collect events until one named ``method`` arrives (True) or the timeout (False)."""
        deadline = time.monotonic() + timeout
        if any(e.get("method") == method for e in self.events):
            return True
        while (event := self._read_message(deadline)) is not None:
            self.events.append(event)
            if event.get("method") == method:
                return True
        return False

    def drain(self, seconds: float) -> None:
        """Collect whatever events arrive in the next ``seconds``."""
        deadline = time.monotonic() + seconds
        while (event := self._read_message(deadline)) is not None:
            self.events.append(event)


def page_problems(events: list[dict[str, Any]]) -> list[str]:
    """Console errors, exceptions, error log entries, failed or non-local requests, dialogs."""
    out = []
    for e in events:
        method, p = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
            out.append(f"console.{p['type']}: {args}")
        elif method == "Runtime.exceptionThrown":
            out.append(f"exception: {p['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
            out.append(f"log: {p['entry'].get('text')} {p['entry'].get('url', '')}".strip())
        elif method == "Network.loadingFailed":
            out.append(f"failed request: {p.get('errorText')} ({p.get('requestId')})")
        elif method == "Network.requestWillBeSent":
            url = p["request"]["url"]
            if not url.startswith(LOCAL_SCHEMES):
                out.append(f"non-local request: {url}")
        elif method == "Page.javascriptDialogOpening":
            out.append(f"dialog: {p.get('type')} {p.get('message')}")
    return out


def load_page(
    path: Path, tmp: Path, *, screenshot: Path | None = None,
    evaluate: dict[str, str] | None = None,
) -> tuple[list[str], dict[str, Any]]:  # fmt: skip
    """Open ``path`` headless; return the page's problems and the values of ``evaluate``."""
    profile = tmp / "chromium-profile"
    profile.mkdir(parents=True, exist_ok=True)
    browser = DevTools(profile)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                     session=session)  # fmt: skip
        browser.events.clear()
        browser.send("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
        assert browser.wait_for("Page.loadEventFired", timeout=60), "page did not finish loading"
        browser.drain(1.0)  # late console messages and failed loads
        for e in browser.events:  # never leave a dialog open
            if e.get("method") == "Page.javascriptDialogOpening":
                browser.send("Page.handleJavaScriptDialog", {"accept": True}, session=session)
        values = {}
        for name, expression in (evaluate or {}).items():
            result = browser.send("Runtime.evaluate",
                                  {"expression": expression, "returnByValue": True},
                                  session=session)["result"]  # fmt: skip
            values[name] = result.get("value")
        if screenshot is not None:
            size = browser.send("Page.getLayoutMetrics", session=session)["cssContentSize"]
            shot = browser.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["width"],
                         "height": min(size["height"], SCREENSHOT_HEIGHT), "scale": 1},
            }, session=session)  # fmt: skip
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        browser.drain(0.2)
        return page_problems(browser.events), values
    finally:
        browser.close()


CHECKS = {
    "title": "document.title",
    "h1": "document.querySelector('h1') && document.querySelector('h1').textContent",
    "scripts": "document.scripts.length",
    "images_broken": "[...document.images].filter(i => !i.complete || !i.naturalWidth).length",
    "marks": "document.querySelectorAll('mark.mk[tabindex]').length",
    "svgs": "document.querySelectorAll('figure.plot svg').length",
    "pwned": "typeof window.__pwned",
    "first_text": "(document.querySelector('article .text') || {}).textContent",
    "focus_label": (
        "(() => { const m = document.querySelector('mark.mk[tabindex]'); if (!m) return null;"
        " m.focus({focusVisible: true});"
        " return [document.activeElement === m, m.getAttribute('aria-label'),"
        " getComputedStyle(m, '::after').content]; })()"
    ),
}


def test_check_catches_console_error_and_failed_request(tmp_path):
    """The check itself can fail: a deliberate console.error and a refused image are reported."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>bad</title></head><body><p>bad page</p>"
        "<script>console.error('deliberate error')</script>"
        '<img src="http://127.0.0.1:9/x.png" alt="x"></body></html>',
        encoding="utf-8",
    )
    problems, _ = load_page(page, tmp_path)
    text = "\n".join(problems)
    assert "console.error: deliberate error" in text
    assert "non-local request: http://127.0.0.1:9/x.png" in text
    assert "failed request" in text or "log:" in text


def test_check_passes_a_clean_page(tmp_path):
    page = tmp_path / "good.html"
    page.write_text("<!DOCTYPE html><title>ok</title><p>fine</p>", encoding="utf-8")
    problems, values = load_page(page, tmp_path, evaluate={"title": "document.title"})
    assert problems == []
    assert values["title"] == "ok"


def test_hostile_corpus_report_is_inert_in_the_browser(tmp_path):
    """Script, onerror and javascript: text from a document never runs: no alert, no request."""
    tables, docs, plots = write_tiny_corpus(tmp_path / "results")
    out = tmp_path / "report.html"
    build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=None,
                 out_path=out)  # fmt: skip
    shot = tmp_path / "screenshot.png"
    problems, values = load_page(out, tmp_path, screenshot=shot, evaluate=CHECKS)
    assert problems == []
    assert values["scripts"] == 0
    assert values["pwned"] == "undefined"
    assert values["images_broken"] == 0
    assert values["marks"] > 0
    assert values["svgs"] == 1
    focused, label, after = values["focus_label"]
    assert focused and label and after.strip('"') in label  # focus shows the category
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert values["first_text"] == HOSTILE_TEXT  # shown exactly as the clean text, as text


def test_committed_report_in_the_browser(tmp_path):
    """The report `make run` wrote opens offline with no error; its screenshot is saved."""
    report = RESULTS / "report.html"
    if not report.is_file():
        pytest.skip("results/report.html does not exist yet: run `make run` first")
    problems, values = load_page(report, tmp_path, screenshot=SCREENSHOT, evaluate=CHECKS)
    assert problems == []
    assert values["h1"] and values["scripts"] == 0 and values["images_broken"] == 0
    assert SCREENSHOT.stat().st_size > 10_000
