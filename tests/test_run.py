"""``python -m libyalib run SRC --out DIR`` on a mixed corpus of our own: every input is accounted for,
syndicated copies share a story, the figures and the report are written (and nothing in the repository),
and the report opens in a browser without console errors, showing markup from the articles as text."""

import json
import re
import subprocess
import sys

import pandas as pd
import pytest
from test_corpus_formats import FRENCH, GERMAN, OTHER_STORY, WIRE
from test_report import CHROMIUM, _open

from libyalib.paths import FIGURES, ROOT

HOSTILE = "&lt;img src=x onerror=\"document.body.setAttribute('data-xss','1')\"&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;"
PAGE = """<!DOCTYPE html><html><head><title>Envoy meets Haftar | Example News</title>
<meta name="author" content="Sam Reporter"><meta property="article:published_time" content="2020-01-13T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoy meets Haftar</h1>
<p>The United Nations envoy Ghassan Salamé met Khalifa Haftar in Benghazi on Sunday to discuss a ceasefire, the
mission said, a day after the Government of National Accord accepted the truce proposed by Turkey and Russia.</p>
<p>Haftar's Libyan National Army, which is backed by the United Arab Emirates and Egypt, has not said whether it
will sign the agreement, and fighting continued south of the capital on Monday, residents said.</p>
</article><footer>Copyright Example News</footer></body></html>"""
STORIES = [
    (
        "Sirte falls",
        "Forces of the Libyan National Army took the coastal city of Sirte on Monday after a brigade inside the "
        "city switched sides, officials of both camps said. The Government of National Accord, which is "
        "supported by Turkey, called the loss a betrayal and said it would respond. Residents reported little "
        "fighting as the eastern forces entered the port and the air base south of the city.",
    ),
    (
        "Turkey sends troops",
        "Turkey has begun sending troops to Libya to support the Government of National Accord, President "
        "Recep Tayyip Erdogan said on Sunday, days after the parliament in Ankara approved the deployment. "
        "Russia, which denies backing Haftar, called the move a dangerous escalation of the war.",
    ),
    (
        "Talks in Berlin",
        "World leaders meeting in Berlin on Sunday agreed to respect a United Nations arms embargo on Libya and "
        "to stop interfering in its war, the German chancellor Angela Merkel said after the conference. Khalifa "
        "Haftar and Fayez al-Sarraj were both in the city but did not meet face to face.",
    ),
]


def _corpus(src):
    (src / "2019/04").mkdir(parents=True)
    (src / "2020/01").mkdir(parents=True)
    (src / "2019/04/story.txt").write_text(f"Haftar pushes on Tripoli\n\n{WIRE}\n", encoding="utf-8")
    (src / "2020/01/story.txt").write_text(f"Oil output recovers\n\n{OTHER_STORY}\n", encoding="utf-8")
    (src / "page.html").write_text(PAGE, encoding="utf-8")
    pd.DataFrame(
        {
            "title": [t for t, _ in STORIES],
            "text": [s for _, s in STORIES],
            "date": ["2020-01-07", "2020-01-05", "2020-01-19"],
        }
    ).to_csv(src / "scraped.csv", index=False)
    with open(src / "archive.jsonl", "w", encoding="utf-8") as f:
        for n, (title, text) in enumerate(STORIES[:2]):
            f.write(
                json.dumps(
                    {"id": f"mc-{n}", "title": title + " (archive)", "body": text.replace("said", "told reporters")}
                )
            )
            f.write("\n")
    (src / "fr.txt").write_text(f"Offensive sur Tripoli\n\n{FRENCH}\n", encoding="utf-8")
    (src / "de.txt").write_text(f"Offensive auf Tripolis\n\n{GERMAN}\n", encoding="utf-8")
    wire = STORIES[0][1]
    (src / "agency.txt").write_text(f"LNA takes Sirte\n\n{wire}\n", encoding="utf-8")
    (src / "reprint-a.txt").write_text(
        f"Haftar's forces take Sirte\n\n{wire.replace('Monday', 'Monday night')}\n", encoding="utf-8"
    )
    (src / "reprint-b.txt").write_text(
        f"Sirte in LNA hands\n\n{wire.replace('little fighting', 'almost no fighting')}\n", encoding="utf-8"
    )
    (src / "empty.txt").write_bytes(b"")
    (src / "hostile.txt").write_text(f"Report {HOSTILE}\n\n{STORIES[2][1]} {HOSTILE}\n", encoding="utf-8")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    (src / "notes.md").write_text("# notes\n", encoding="utf-8")
    (src / "SOURCES.csv").write_text(
        "file,outlet,url,published,published_precision\nagency.txt,Example Wire,,2020-01-07,day\n"
        "reprint-a.txt,Outlet A,,2020-01-07,day\nreprint-b.txt,Outlet B,,2020-01-08,day\n"
        "hostile.txt,,,2020-01-20,day\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    root = tmp_path_factory.mktemp("run")
    src, out = root / "src", root / "out"
    _corpus(src)
    before = {p.name: p.read_bytes() for p in FIGURES.iterdir()}
    result = subprocess.run(
        [sys.executable, "-m", "libyalib", "run", str(src), "--out", str(out)], capture_output=True, text=True, cwd=ROOT
    )
    return src, out, result, before


@pytest.mark.slow
def test_every_input_is_an_article_or_a_rejected_row(ran):
    src, out, result, _ = ran
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(f"report: {out / 'report' / 'index.html'}")
    articles = pd.read_csv(out / "tables" / "articles.csv", keep_default_na=False)
    rejected = pd.read_csv(out / "tables" / "rejected.csv", keep_default_na=False)
    accounted = set(articles.file) | set(rejected.file)
    files = {p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()}
    rows = {"scraped.csv#1", "scraped.csv#2", "scraped.csv#3", "archive.jsonl#1", "archive.jsonl#2"}
    assert accounted == files | rows
    assert len(articles) + len(rejected) == len(files | rows)  # each once
    reasons = dict(zip(rejected.file, rejected.reason, strict=True))
    assert reasons["fr.txt"] == "not English (fr)" and reasons["de.txt"] == "not English (de)"
    assert reasons["empty.txt"] == "empty file (0 bytes)"
    assert sorted(articles.article_id[articles.file.str.endswith("story.txt")]) == ["2019/04/story", "2020/01/story"]
    stories = articles.set_index("article_id").story_id
    assert stories["agency"] == stories["reprint-a"] == stories["reprint-b"] == "agency"
    assert stories["scraped.csv#1"] == "agency"  # the same wire text came in the table too
    assert stories["mc-1"] == stories["scraped.csv#2"]  # an archive copy with small edits
    assert stories["2020/01/story"] == "2020/01/story"


@pytest.mark.slow
def test_figures_notebooks_and_report_are_written_there_and_not_in_the_repository(ran):
    _, out, result, before = ran
    assert result.returncode == 0, result.stderr
    made = {name for name in before if (FIGURES / name).with_suffix(".svg").exists()}  # not the screenshot
    assert {p.name for p in (out / "figures").iterdir()} == made  # the same figures, for this corpus
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == sorted(
        p.name for p in (ROOT / "notebooks").glob("*.ipynb")
    )
    assert {p.name: p.read_bytes() for p in FIGURES.iterdir()} == before
    notebook = (out / "notebooks" / "03-foreign-backers.ipynb").read_text(encoding="utf-8")
    assert "no hand-written expectations for this corpus" in notebook
    backers = pd.read_parquet(out / "tables" / "backers.parquet", columns=["article_id"])
    assert f"{len(backers)} claims in {backers.article_id.nunique()} articles" in notebook  # the tables written


@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed: `apt-get install chromium`; .ci/run installs it"
)
def test_the_report_opens_without_console_errors_and_shows_markup_as_text(ran, tmp_path):
    _, out, result, _ = ran
    assert result.returncode == 0, result.stderr
    for page in sorted((out / "report").glob("*.html")):
        dom, errors = _open(page, tmp_path / page.stem)
        assert errors == [], (page.name, errors)
        assert re.search(r'data-figures="ok', dom), page.name
        assert "data-xss" not in dom and "<title>pwned" not in dom, page.name
    corpus_page = (out / "report" / "01-corpus.html").read_text(encoding="utf-8")
    assert "Report &lt;img src=x onerror=" in corpus_page  # the article's title, shown as text
