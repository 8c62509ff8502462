"""``make report``: the static site opens in headless Chromium, every figure loads, no console error."""

import re
import shutil
import subprocess

import pytest

from libyalib.report import build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=10000",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return build(tmp_path_factory.mktemp("report"))


def _open(page, profile):
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = [
        line
        for line in result.stderr.splitlines()
        if "CONSOLE" in line or "Uncaught" in line or "Failed to load resource" in line
    ]
    return result.stdout, errors


def test_report_pages_exist(report):
    names = sorted(p.name for p in report.parent.glob("*.html"))
    assert names == [
        "01-corpus.html",
        "02-actor-mentions.html",
        "03-foreign-backers.html",
        "04-chronology.html",
        "05-evaluation.html",
        "index.html",
    ]
    assert not re.search(r"<script[^>]*src=\"https?://", "".join(p.read_text() for p in report.parent.glob("*.html")))


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed: `apt-get install chromium` (Debian) "
    "to run the browser test; .ci/run installs it",
)
def test_every_figure_loads_without_console_errors(report, tmp_path):
    figures = sorted(report.parent.glob("figures/*.png"))
    assert len(figures) >= 8
    for page in sorted(report.parent.glob("*.html")):
        dom, errors = _open(page, tmp_path / page.stem)
        assert errors == [], (page.name, errors)
        found = re.search(r'data-figures="([^"]*)"', dom)
        assert found, page.name
        assert found[1].startswith("ok"), (page.name, found[1])
        if page.name == "index.html":
            assert found[1] == f"ok {len(figures)}"
