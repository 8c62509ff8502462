"""Awkward folders: every file ends up as an article or a rejected row with a clear reason."""

import shutil
import string
from pathlib import Path

import pytest
from conftest import lock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from libyalib.ingest.corpus import CorpusError, load_corpus
from libyalib.paths import SEEDS

ARTICLE = (
    "Rebels seize oil port in eastern Libya\n\nBy Jane Doe\n\nMarch 3, 2016\n\n"
    "Forces loyal to the eastern parliament seized the port on Tuesday, officials said.\n\n"
    "The fighting lasted three days – the longest this year – and left the terminal damaged.\n"
)

HTML = """<!DOCTYPE html><html><head><title>Talks resume in Geneva | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="Sam Reporter">
<meta property="article:published_time" content="2018-05-14T09:30:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/login">Log in</a></li></ul></nav>
<article><h1>Talks resume in Geneva</h1>
<p>Delegations from the rival Libyan administrations returned to the negotiating table in Geneva on Monday, United Nations officials said.</p>
<p>The envoy said the two sides had agreed to discuss a ceasefire and the unification of the central bank before the end of the month.</p>
<p>Diplomats said the talks would continue for at least a week, although neither delegation gave details of its proposals.</p>
</article>
<footer><p>Copyright 2018 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_encodings_and_line_ends_read_the_same(tmp_path):
    text = ARTICLE.replace("–", "-")
    _write(tmp_path, "utf8.txt", text.encode("utf-8"))
    _write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + text.replace("loyal", "true").encode("utf-8"))
    _write(tmp_path, "crlf.txt", text.replace("seized", "took").replace("\n", "\r\n").encode("utf-8"))
    _write(tmp_path, "cp1252.txt", text.replace("Tuesday", "Tuesday’s").encode("cp1252"))
    _write(tmp_path, "latin1.txt", text.replace("officials", "officials (café)").encode("latin-1"))
    corpus = load_corpus(tmp_path)
    assert corpus.rejected.empty
    rows = corpus.articles.set_index("article_id")
    assert set(rows.title) == {"Rebels seize oil port in eastern Libya"}
    assert rows.loc["cp1252", "body"].count("Tuesday’s") == 1
    assert "café" in rows.loc["latin1", "body"]
    assert "\r" not in "".join(rows.body)
    assert set(rows.author) == {"Jane Doe"}
    assert set(rows.published) == {"2016-03-03"} and set(rows.published_source) == {"text"}


def test_bad_files_are_rejected_with_reasons(tmp_path, monkeypatch):
    _write(tmp_path, "a_good.txt", ARTICLE.encode())
    _write(tmp_path, "b_copy.txt", ARTICLE.encode())
    _write(tmp_path, "c_empty.txt", b"")
    _write(tmp_path, "d_blank.txt", b" \n\r\n\t \n")
    _write(tmp_path, "e_binary.txt", bytes(range(256)) * 4)
    _write(tmp_path, "f_chrome.txt", b"Home | World | Sport\n\nLog in\n\nSubscribe to our newsletter\n")
    _write(tmp_path, "g_scan.pdf", b"%PDF-1.4 ...")
    _write(tmp_path, "h_locked.txt", b"Some words that cannot be read.")
    lock(monkeypatch, "h_locked.txt")
    corpus = load_corpus(tmp_path)
    assert corpus.articles.article_id.tolist() == ["a_good"]
    reasons = dict(zip(corpus.rejected.file, corpus.rejected.reason, strict=False))
    assert reasons == {
        "b_copy.txt": "duplicate of a_good.txt",
        "c_empty.txt": "empty file (0 bytes)",
        "d_blank.txt": "blank file (only white space)",
        "e_binary.txt": "binary file (contains NUL bytes), not text",
        "f_chrome.txt": reasons["f_chrome.txt"],
        "g_scan.pdf": "unsupported file type '.pdf' (reads .txt, .html, .csv, .jsonl and .parquet)",
        "h_locked.txt": "unreadable: Permission denied",
    }
    assert reasons["f_chrome.txt"].startswith("no article text: only page furniture")


def test_strict_raises_naming_the_file(tmp_path):
    _write(tmp_path, "good.txt", ARTICLE.encode())
    _write(tmp_path, "empty.txt", b"")
    with pytest.raises(CorpusError, match=r"^empty\.txt: empty file"):
        load_corpus(tmp_path, strict=True)


def test_missing_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load_corpus(tmp_path / "nowhere")


def test_html_page_keeps_the_article_and_drops_navigation_and_footer(tmp_path):
    _write(tmp_path, "geneva.html", HTML.encode())
    corpus = load_corpus(tmp_path)
    row = corpus.articles.iloc[0]
    assert corpus.rejected.empty
    assert row.title == "Talks resume in Geneva"
    assert row.body.startswith("Delegations from the rival Libyan administrations")
    assert row.body.endswith("neither delegation gave details of its proposals.")
    for furniture in ["Home", "Log in", "Copyright", "Privacy"]:
        assert furniture not in row.body
    assert (row.published, row.published_precision, row.published_source) == ("2018-05-14", "day", "text")
    assert row.outlet == "Example News" and row.author == "Sam Reporter"


def test_seed_texts_without_the_sidecar_date_themselves_only_as_far_as_they_can(tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    rows = load_corpus(tmp_path).articles.set_index("article_id")
    got = {k: (r.published, r.published_precision, r.published_source) for k, r in rows.iterrows()}
    assert got == {
        "000_ac960319aac35454": ("2017-08-25", "day", "text"),  # dateline "25 August, 2017"
        "001_75459518e0dbd6f0": ("2017-09-27", "day", "text"),  # dateline "2017-09-27 10:00"
        "002_34ed0cbcf165ceff": ("2019", "year", "inferred"),  # "November 24 [Sunday]": 2019
        "003_bdb68f7a6c30162d": ("", "unknown", "none"),  # years 2014 and 2011, no dateline
        "004_180ea50e5db810ba": ("", "unknown", "none"),  # no year anywhere
    }


def test_weekday_needs_a_year_to_anchor_on(tmp_path):
    _write(tmp_path, "a.txt", b"Envoys meet\n\nThe envoys met on March 3 [Tuesday] in Tunis, officials said.\n")
    _write(
        tmp_path,
        "b.txt",
        b"Envoys meet again\n\nThe envoys met on Tuesday, March 3, after talks in 2014, officials said.\n",
    )
    rows = load_corpus(tmp_path).articles.set_index("article_id")
    assert (rows.loc["a", "published"], rows.loc["a", "published_source"]) == ("", "none")
    assert (rows.loc["b", "published"], rows.loc["b", "published_precision"]) == ("2015", "year")


names = st.text(alphabet=string.ascii_lowercase + string.digits + "_-", min_size=1, max_size=12)
suffixes = st.sampled_from([".txt", ".html", ".htm", ".md", ".TXT", ""])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.dictionaries(st.tuples(names, suffixes), st.binary(max_size=400), max_size=8))
def test_any_bytes_every_file_accounted_for_once(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("any")
    written = set()
    for (stem, suffix), data in files.items():
        name = stem + suffix
        (folder / name).write_bytes(data)
        written.add(name)
    corpus = load_corpus(folder)
    listed = corpus.articles.file.tolist() + corpus.rejected.file.tolist()
    assert sorted(listed) == sorted(written)
    assert (corpus.rejected.reason.str.len() > 0).all()


@pytest.mark.parametrize(
    "line, want",
    [
        ("25 August, 2017", ("2017-08-25", "day")),
        ("2017-09-27 10:00", ("2017-09-27", "day")),
        ("Sunday, November 24, 2019", ("2019-11-24", "day")),
        ("Published: April 2019", ("2019-04", "month")),
        ("Mon, 25 Nov 2019 07:00:00 +0400", ("2019-11-25", "day")),
        ("25.08.2017", ("2017-08-25", "day")),
        ("05/08/2017", None),  # May 8 or 5 August: not guessed
        ("The war began in 2014", None),  # prose
        ("Libyan Fisherman Rescue 120 Refugees", None),
    ],
)
def test_datelines(line, want):
    from libyalib.ingest.pubdate import parse_dateline

    assert parse_dateline(line) == want


WIRE = """Clashes continue south of Tripoli

Updated 14 April 2019

TRIPOLI (Wire) - The fighting continued for a third day on the outskirts of the capital, officials said on Sunday.

Residents of the southern suburbs fled north as shelling reached the old airport road.

Image caption: Fighters of the unity government near the airport

Image copyright Example Images

Advertisement

Hospitals in the capital appealed for blood donors and fuel for their generators.

Pictures show the terminal in ruins.

Additional reporting by Sam Field in Misrata; Writing by Jane Doe; Editing by Alex Desk

Our Standards: The Example Wire Trust Principles.

Topics: Libya, Africa

© 2019 Example Wire
"""


def test_wire_story_furniture_from_an_unseen_outlet(tmp_path):
    # Kinds of furniture the seeds do not have: an "Image caption:" line, an image copyright, an advertisement
    # between paragraphs, wire credits, the agency's standards, a tag list and a copyright line.
    _write(tmp_path, "wire.txt", WIRE.encode())
    corpus = load_corpus(tmp_path)
    row = corpus.articles.iloc[0]
    assert row.body.split("\n\n") == [
        "TRIPOLI (Wire) - The fighting continued for a third day on the outskirts of the capital, officials said on Sunday.",
        "Residents of the southern suburbs fled north as shelling reached the old airport road.",
        "Hospitals in the capital appealed for blood donors and fuel for their generators.",
        "Pictures show the terminal in ruins.",
    ]  # a short paragraph, not a photo credit
    assert row.author == "Jane Doe" and row.published == "2019-04-14"
    roles = corpus.paragraphs.set_index("text").role
    assert roles["Image caption: Fighters of the unity government near the airport"] == "caption"
    assert roles["Image copyright Example Images"] == "credit"
    assert roles["Advertisement"] == "chrome"
    assert roles["Additional reporting by Sam Field in Misrata; Writing by Jane Doe; Editing by Alex Desk"] == "byline"
    for chrome in ["Our Standards: The Example Wire Trust Principles.", "Topics: Libya, Africa", "© 2019 Example Wire"]:
        assert roles[chrome] == "chrome", chrome


PARAGRAPH = (
    "Forces loyal to Khalifa Haftar advanced on the capital on Friday, residents said, as the United Nations "
    "called for calm and for talks that had been planned for later in the month."
)


# Header lines written for this test in the forms outlets print; each article is title, the line, a paragraph.
@pytest.mark.parametrize(
    "line, published, author",
    [
        ("By Jane Doe | 05 Apr 2019", "2019-04-05", "Jane Doe"),  # a byline and a date on one line
        ("By Jane Doe, April 5, 2019", "2019-04-05", "Jane Doe"),
        ("Apr 05, 2019 10:30 AM", "2019-04-05", ""),  # abbreviated month, zero-padded day, time
        ("Friday 5 April 2019 12.00 BST", "2019-04-05", ""),
        ("April 5, 2019 | Tripoli", "2019-04-05", ""),  # a place beside the date
        ("5 April 2019 | Example Herald", "2019-04-05", ""),  # an outlet beside the date
        ("Last updated on 05.04.2019", "", ""),  # day and month order unknown: no date
    ],
)
def test_dates_printed_beside_bylines_places_and_times(tmp_path, line, published, author):
    (tmp_path / "a.txt").write_text(f"Haftar advances\n\n{line}\n\n{PARAGRAPH}\n", encoding="utf-8")
    row = load_corpus(tmp_path).articles.iloc[0]
    assert (row.published, row.author) == (published, author)
    assert line not in row.body


@pytest.mark.parametrize(
    "first",
    [
        "TRIPOLI, April 5, 2019 (Wire) - ",  # place, date, agency
        "Tripoli (Wire) - 5 April 2019 - ",  # place, agency, date
    ],
)
def test_a_wire_dateline_opening_the_first_paragraph_dates_the_article(tmp_path, first):
    (tmp_path / "a.txt").write_text(f"Haftar advances\n\n{first}{PARAGRAPH}\n", encoding="utf-8")
    row = load_corpus(tmp_path).articles.iloc[0]
    assert (row.published, row.published_precision, row.published_source) == ("2019-04-05", "day", "text")


def test_a_wire_dateline_without_a_year_dates_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(f"Haftar advances\n\nBENGHAZI, Apr. 05 (Wire) - {PARAGRAPH}\n", encoding="utf-8")
    assert load_corpus(tmp_path).articles.published[0] == ""
