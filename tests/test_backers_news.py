"""Backing claims in the ways news writes them: names as news spells them, the person or force referred to
rather than named, detached clauses, receiving, headlines, support named by its goods or people, and what
must give no claim. Every sentence was written for these tests; the expected (backer, camp) pairs were read
off each by hand."""

import pytest
from conftest import one_article

from libyalib.extract import foreign_backers

H, T = "haftar_camp", "tripoli_camp"


def _pairs(tmp_path, text, published="2020-06-01", title="Report"):
    rows = foreign_backers(one_article(tmp_path, text, published, title=title))
    states = rows[(rows.backer_kind == "state") & ~rows.stance.isin(["denied", "recognition"])]
    return sorted(set(zip(states.backer, states.side, strict=True)))


@pytest.mark.parametrize(
    "text, pairs",
    [
        # names and sides as news writes them
        ("Egypt has long backed Heftar, the eastern commander.", [("Egypt", H)]),
        ("The UAE supplied drones to the eastern-based administration.", [("United Arab Emirates", H)]),
        ("Turkey sent troops to defend the Tripoli-based government.", [("Turkey", T)]),
        # the person or force referred to, not named
        ("Haftar flew to Abu Dhabi. The UAE has armed his forces for years.", [("United Arab Emirates", H)]),
        ("Haftar met Putin in Moscow. Russia backs the field marshal.", [("Russia", H)]),
        ("Haftar's offensive stalled. The strongman's troops have received Russian jets.", [("Russia", H)]),
        ("The GNA holds Tripoli. Turkey has supported the government since 2019.", [("Turkey", T)]),
        ("Egypt and Jordan said their countries would back the LNA.", [("Egypt", H), ("Jordan", H)]),
        # fronted and detached clauses
        (
            "Propped up by Russia, Egypt and the UAE, Haftar advanced on Tripoli.",
            [("Egypt", H), ("Russia", H), ("United Arab Emirates", H)],
        ),
        (
            "Haftar's forces, supported by Egypt and the UAE, took the port.",
            [("Egypt", H), ("United Arab Emirates", H)],
        ),
        (
            "Despite heavy backing from Egypt and Jordan, Haftar's troops withdrew.",
            [("Egypt", H), ("Jordan", H)],
        ),
        ("With the backing of Turkey, the GNA retook the air base.", [("Turkey", T)]),
        (
            "With support from Jordan and to some degree from Egypt, Haftar's troops held the town.",
            [("Egypt", H), ("Jordan", H)],
        ),
        # receiving
        ("The GNA has received drones and armoured vehicles from Turkey.", [("Turkey", T)]),
        ("The LNA, which relies on the UAE for air power, lost the base.", [("United Arab Emirates", H)]),
        ("Haftar flew home. The field marshal draws his backing from Saudi Arabia.", [("Saudi Arabia", H)]),
        # support named by its goods or its people
        ("Egypt provided Haftar's forces with armoured vehicles.", [("Egypt", H)]),
        ("GNA forces backed by Turkish drones retook the town.", [("Turkey", T)]),
        ("GNA-aligned Turkish jets struck the convoy.", [("Turkey", T)]),
        ("Egyptian troops loyal to Haftar shelled the suburbs.", [("Egypt", H)]),
        ("Haftar is supported by Arab states such as Egypt and Jordan.", [("Egypt", H), ("Jordan", H)]),
        # who said so is not the backer; the backed camp is the one the text says
        (
            "American officials said Russian jets were sent in support of Haftar.",
            [("Russia", H)],
        ),
        ("Ankara was accused of arming Haftar's rivals.", [("Turkey", T)]),
        (
            "Rome opened a mission with the aim of assisting the GNA.",
            [("Italy", T)],
        ),
        ("Egypt said its troops would help the UN-backed Libyan government.", [("Egypt", T)]),
        # a participle before a noun backs that noun alone
        ("Turkish-backed Sarraj and Haftar met in Paris.", [("Turkey", T)]),
    ],
)
def test_backing_as_news_writes_it(tmp_path, text, pairs):
    assert _pairs(tmp_path, text) == pairs


@pytest.mark.parametrize(
    "text",
    [
        "Turkey condemned Haftar's offensive on Tripoli.",
        "Egypt hosted talks between Haftar and Sarraj in Cairo.",
        "Italy reopened its embassy in Tripoli, the seat of the GNA.",
        "The UN-backed government welcomed the truce that Algeria had proposed.",
        "Haftar met the Egyptian president. He later flew to Rome.",
        "Russia, which denies any role, said the fighters were volunteers.",
        "The guards, a militia allied to the Turkish-backed fighters, left Haftar's port.",
        "Jadhran held the ports for years after Gaddafi's French-backed ouster.",
    ],
)
def test_no_claim(tmp_path, text):
    assert _pairs(tmp_path, text) == []


def test_the_year_decides_what_libyas_army_was(tmp_path):
    text = "Egypt and Sudan said they would support Libya's army against the militias."
    assert _pairs(tmp_path, text, published="2014-10-20") == [("Egypt", H), ("Sudan", H)]
    assert _pairs(tmp_path / ".." / tmp_path.name, text, published="2019-10-20") == []  # whose army, then?


@pytest.mark.parametrize(
    "title, pairs",
    [
        ("Turkey arming GNA with armoured vehicles", [("Turkey", T)]),
        ("Russia sends Haftar fighters", [("Russia", H)]),
        ("UAE and Egypt sent weapons to Haftar, UN experts say", [("Egypt", H), ("United Arab Emirates", H)]),
        ("Egypt and UAE ‘supplied arms to Haftar’", [("Egypt", H), ("United Arab Emirates", H)]),
        ("Turkey condemns Haftar attack on Tripoli", []),
    ],
)
def test_headlines(tmp_path, title, pairs):
    rows = foreign_backers(one_article(tmp_path, "The fighting went on.", "2020-06-01", title=title))
    assert sorted(set(zip(rows.backer, rows.side, strict=True))) == pairs
    assert (rows.section == "title").all()
    assert all(title[r.start : r.end] == r.evidence for r in rows.itertuples())


@pytest.mark.parametrize(
    "text, pairs",
    [
        # "respectively" pairs two coordinations in order, wherever the parser hung the cue
        ("The GNA and the LNA are backed by Turkey and Russia, respectively.", [("Russia", H), ("Turkey", T)]),
        ("Turkey and Russia back the GNA and the LNA respectively.", [("Russia", H), ("Turkey", T)]),
        (
            "Hopes of a truce fade as the stalemate between GNA and LNA troops, armed by Turkey and Russia "
            "respectively, drags on near Sirte.",
            [("Russia", H), ("Turkey", T)],
        ),
        # without it, each backs each
        ("Turkey and Russia back the GNA and the LNA.", [("Russia", H), ("Russia", T), ("Turkey", H), ("Turkey", T)]),
        # a verb the tagger misread still heads its subject and object
        ("Turkey and Qatar back the GNA, while Russia backs the LNA.", [("Qatar", T), ("Russia", H), ("Turkey", T)]),
    ],
)
def test_coordinations_paired_in_order(tmp_path, text, pairs):
    assert _pairs(tmp_path, text) == pairs


@pytest.mark.parametrize(
    "text, pairs",
    [
        ("Ankara dispatched Syrian fighters to shore up the Tripoli government.", [("Turkey", T)]),
        ("Italy trained the coastguard of the UN-recognised government.", [("Italy", T)]),
    ],
)
def test_more_words_of_backing(tmp_path, text, pairs):
    assert _pairs(tmp_path, text) == pairs
