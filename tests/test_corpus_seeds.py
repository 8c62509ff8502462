"""The loader on the five seeds, against what was counted by hand in the seed files.

Counted by reading seeds/*.txt in a text editor: a "paragraph" is a non-blank line; titles, dates and
first and last paragraphs are copied from the files; dates come from seeds/SOURCES.csv.
"""

import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libyalib.ingest.furniture import n_words
from libyalib.paths import SEEDS

# article_id: (title, published, body paragraphs, subheadings, first words of body, last words of body)
EXPECTED = {
    # 000: title on lines 1 and 3; standfirst line 4; "3 min read" line 5; dateline "25 August, 2017"
    # line 6; "[Facebook]" caption line 7; 18 paragraphs; subheadings "The Paris agreement" and
    # "The 'migrant' problem"; "Read more: Manchester bomber ..." is a related-story link.
    "000_ac960319aac35454": (
        "When Boris met Khalifa: Libya's Haftar receives UK foreign secretary in Benghazi",
        "2017-08-25",
        18,
        2,
        "Britain's foreign secretary on Thursday became",
        "head of UK programmes at Medecins Sans Frontieres (Doctors Without Borders).",
    ),
    # 001: dateline line 3; navigation line 6; 16 paragraphs from "Rome - " to the quote about Italian
    # ships; then "Read more on:" and 7 lines of News24 chrome (Inside News24 ... username).
    "001_75459518e0dbd6f0": (
        "Strongman Haftar bolsters stature as key Libya player",
        "2017-09-27",
        16,
        0,
        "Rome - Libyan military strongman Khalifa Haftar met Italy's defence minister",
        "they've all but disappeared now.\"",
    ),
    # 002: standfirst line 3; FILE PHOTO caption line 5; "Powered by automated translation" line 6;
    # 23 paragraphs from "A senior American delegation" to "address the issues underlying the conflict."
    "002_34ed0cbcf165ceff": (
        "US officials push Libya’s Haftar for ceasefire in first meeting",
        "2019-11-25",
        23,
        0,
        "A senior American delegation met with the head of the Libyan National Army",
        "and address the issues underlying the conflict.”",
    ),
    # 003: byline line 3; credit "REUTERS/Maxim Shemetov" line 6; 14 paragraphs; two related headlines.
    "003_bdb68f7a6c30162d": (
        "Haftar Meets with Russian Foreign Minister to Discuss Terrorism in Libya",
        "2016-11-29",
        14,
        0,
        "A meeting between General Khalifa Haftar and Russian Foreign Minister Sergey Lavrov",
        "Russia respects the arms embargo until it indicates it is an unjust verdict.”",
    ),
    # 004: byline line 3; two "/AFP/Abdullah Doma" captions lines 9-10; 13 paragraphs; the login prompt.
    "004_180ea50e5db810ba": (
        "Anti-Islamist Gen. Haftar shrugs off UN charge, escalates Benghazi offensive",
        "2015-09-22",
        13,
        0,
        "The commander of the army of Libya’s internationally recognized government",
        "not willing to accept any new proposals or additions to the draft.",
    ),
}

# Lines removed from each file, by role (counted as described above).
REMOVED = {
    "000_ac960319aac35454": {
        "repeated_title": 1,
        "standfirst": 1,
        "chrome": 1,
        "dateline": 1,
        "caption": 1,
        "related": 1,
    },
    "001_75459518e0dbd6f0": {"dateline": 1, "chrome": 8, "related": 1},
    "002_34ed0cbcf165ceff": {"standfirst": 1, "caption": 1, "chrome": 1},
    "003_bdb68f7a6c30162d": {"byline": 1, "credit": 1, "related": 2},
    "004_180ea50e5db810ba": {"byline": 1, "caption": 2, "chrome": 1},
}


def test_five_articles_and_the_folder_files_rejected(seeds):
    assert sorted(seeds.articles.article_id) == sorted(EXPECTED)
    assert dict(zip(seeds.rejected.file, seeds.rejected.reason.str.split(" ").str[0], strict=False)) == {
        "README.md": "unsupported",
        "SOURCES.csv": "sidecar",
    }


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_title_date_and_body_ends(seeds, article_id):
    title, published, n_body, n_sub, first, last = EXPECTED[article_id]
    row = seeds.articles.set_index("article_id").loc[article_id]
    assert row.title == title
    assert (row.published, row.published_precision, row.published_source) == (published, "day", "sidecar")
    assert row.body.startswith(first)
    assert row.body.endswith(last)
    roles = seeds.paragraphs[seeds.paragraphs.article_id == article_id].role.value_counts().to_dict()
    assert roles.get("body") == n_body and roles.get("subheading", 0) == n_sub
    assert roles.pop("title") == 1
    removed = {k: v for k, v in roles.items() if k not in ("body", "subheading")}
    assert removed == REMOVED[article_id]


def test_furniture_never_reaches_the_body(seeds):
    bodies = "\n".join(seeds.articles.body)
    for furniture in [
        "3 min read",
        "[Facebook]",
        "Read more",
        "REUTERS/",
        "/AFP/",
        "FILE PHOTO",
        "Create Profile",
        "username",
        "logged in",
        "Powered by automated translation",
        "User Galleries",
        "Libyan Fisherman Rescue 120 Refugees",
        "25 August, 2017",
        "2017-09-27 10:00",
    ]:
        assert furniture not in bodies, furniture


def test_paragraph_offsets_index_the_body(seeds):
    bodies = seeds.articles.set_index("article_id").body
    kept = seeds.paragraphs.dropna(subset=["start"])
    assert len(kept) == 84 + 2  # 84 paragraphs and 2 subheadings in all (sum of EXPECTED)
    for row in kept.itertuples():
        assert bodies[row.article_id][row.start : row.end] == row.text


def test_sha256_and_metadata_from_the_sidecar(seeds):
    row = seeds.articles.set_index("article_id").loc["002_34ed0cbcf165ceff"]
    assert row.sha256 == hashlib.sha256((SEEDS / row.file).read_bytes()).hexdigest()
    assert row.outlet == "The National"
    assert row.url.startswith("https://www.thenationalnews.com/")
    assert seeds.articles.set_index("article_id").author.to_dict() == {
        "000_ac960319aac35454": "",
        "001_75459518e0dbd6f0": "",
        "002_34ed0cbcf165ceff": "",
        "003_bdb68f7a6c30162d": "Libyan Gazette Editorial Staff",
        "004_180ea50e5db810ba": "Special to WorldTribune.com",
    }


@given(st.text(alphabet=st.sampled_from("ab1_-–’. \t\n\u00a0\u2003\u200bé٣"), max_size=60))
def test_word_count_is_tokens_with_a_letter_or_digit(text):
    # The definition, spelled out: white-space separated tokens with at least one word character in them
    # (Unicode white space, no-break and em spaces included; the zero-width space is not white space).
    assert n_words(text) == sum(1 for token in text.split() if re.search(r"\w", token))


def test_word_counts(seeds):
    # `wc -w` over each file's body lines (the paragraphs and subheadings listed above), less the
    # stand-alone dashes, which are not words: five "–" in 000, the "-" of "Rome - " in 001.
    counts = seeds.articles.set_index("article_id").n_words.to_dict()
    assert counts == {
        "000_ac960319aac35454": 552 - 5,
        "001_75459518e0dbd6f0": 452 - 1,
        "002_34ed0cbcf165ceff": 676,
        "003_bdb68f7a6c30162d": 371,
        "004_180ea50e5db810ba": 433,
    }
