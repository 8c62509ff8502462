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


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed: `apt-get install chromium` (Debian) "
    "to run the browser test; .ci/run installs it",
)
def test_a_click_on_a_cell_of_the_backers_chart_shows_its_evidence(report, seeds):
    """Headless Chromium (Debian's, driven by Playwright: no browser is downloaded) opens the report from the
    file, offline; a click on Russia's cell of the backers matrix lists the claims behind it, among them the
    seeds' sentences that say Russia backs the Haftar camp (tests/expected/backers.csv)."""
    from playwright.sync_api import sync_playwright

    from libyalib import foreign_backers

    backers = foreign_backers(seeds)
    states = backers[
        (backers.backer_kind == "state") & backers.stance.isin(["asserted", "claimed by someone", "alleged"])
    ]
    russia = states[(states.backer == "Russia") & (states.side == "haftar_camp")]
    assert len(russia) == 3  # 002 once, 003 twice: hand-checked in tests/expected/backers.csv
    expected = {" ".join(e.split())[:60] for e in russia.evidence}
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[a for a in FLAGS if "=" not in a])
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(
            "**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_()
        )
        page.goto(report.as_uri())
        chart = page.locator('#chart-backers-matrix[data-ready="yes"]')
        chart.wait_for(timeout=60_000)
        before = chart.inner_text()
        cell = chart.locator('g.mark-rect.role-mark path[aria-label*="backer: Russia;"][aria-label*="Haftar"]')
        assert cell.count() == 1
        cell.click()
        page.wait_for_function(
            "document.querySelector('#chart-backers-matrix').innerText.includes(' · ')", timeout=10_000
        )
        after = chart.inner_text()
        browser.close()
    assert not any(e in before for e in expected)  # nothing listed before the click
    assert all(e in " ".join(after.split()) for e in expected), (expected, after)
    assert errors == []
