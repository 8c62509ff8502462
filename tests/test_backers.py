"""Foreign backers: the seeds' claims written down by hand (tests/expected/backers.csv) and our own sentences."""

import pytest
from conftest import one_article

from libyalib.evaluation import BACKER_KEYS as KEYS
from libyalib.evaluation import expected, score
from libyalib.extract import foreign_backers
from libyalib.extract.backers import STANCES
from libyalib.ingest.corpus import load_corpus


@pytest.fixture(scope="module")
def backers(seeds):
    return foreign_backers(seeds)


def test_seed_claims_precision_and_recall(backers):
    # tests/expected/backers.csv: every claim of backing or recognition in the five seeds, read sentence by
    # sentence. Left out as not backing: hosting and meetings, "the UN-backed peace process" and the
    # "NATO-backed overthrow" (not actors), "backed by a plethora of armed groups" and "a verity of actors"
    # (unnamed), "whether or not Russia will supply Haftar" (a question), the US "support for the
    # sovereignty ... of Libya", and "a Turkish made drone used by the Tripoli administration's militias"
    # (no claim of supply is made). Added on a second reading of 003: France "had admitted to working alongside
    # Haftar's forces in a special operation" is France's own claim of backing the LNA.
    s = score("backers", backers, expected("backers"), KEYS)
    assert s.expected == 19
    assert s.recall == 1.0, s.missed
    assert s.precision == 1.0, s.spurious  # the target is at least 0.9


def test_evidence_is_the_sentence_at_the_span(backers, seeds):
    bodies = seeds.articles.set_index("article_id").body
    want = expected("backers")
    for row in backers.itertuples():
        assert bodies[row.article_id][row.start : row.end] == row.evidence
    assert set(backers.evidence) == set(want.sentence)


def test_columns_and_values(backers):
    assert set(backers.stance) <= set(STANCES)
    assert set(backers.side) <= {"haftar_camp", "tripoli_camp", "other"}
    assert (backers.published != "").all()
    assert backers[backers.backer_kind == "mercenaries"].backer.tolist() == ["Russia", "Russia"]


def _claims(tmp_path, text, published="2019-06-01"):
    rows = foreign_backers(one_article(tmp_path, text, published))
    return sorted(zip(rows.backer, rows.backed, rows.stance, rows.claimed_by, strict=False))


H, GNA, LNA = "Khalifa Haftar", "Government of National Accord", "Libyan National Army"


@pytest.mark.parametrize(
    "text, claims",
    [
        (
            "Officials met Haftar, a rebel general with the support of the UAE and Egypt, in Benghazi.",
            [("Egypt", H, "asserted", ""), ("United Arab Emirates", H, "asserted", "")],
        ),
        (
            "There are reports of Russia who backs Gen Haftar and Qatar and Turkey who back the GNA and its militias.",
            [("Qatar", GNA, "asserted", ""), ("Russia", H, "asserted", ""), ("Turkey", GNA, "asserted", "")],
        ),
        (
            "Haftar has support from Egypt as well as the United Arab Emirates and France.",
            [("Egypt", H, "asserted", ""), ("France", H, "asserted", ""), ("United Arab Emirates", H, "asserted", "")],
        ),
        (
            "Italy has been the strongest backer among Western allies for the UN-recognised Government of National Unity.",
            [("Italy", GNA, "asserted", ""), ("United Nations", GNA, "recognition", "")],
        ),
        ("Fighters of the Turkish-backed GNA attacked the air base.", [("Turkey", GNA, "asserted", "")]),
        ("The LNA advanced with the backing of the UAE.", [("United Arab Emirates", LNA, "asserted", "")]),
        ("The GNA is armed by Turkey.", [("Turkey", GNA, "asserted", "")]),
        ("Russia supplied weapons to the LNA last year.", [("Russia", LNA, "asserted", "")]),
        (
            "The GNA claims that Russian mercenaries have recently been deployed to back the LNA despite Gen Haftar's "
            "force denying receiving international backing.",
            [("Russia", LNA, "claimed by someone", GNA), ("Russia", LNA, "denied", LNA)],
        ),
        ("Egypt allegedly supplied drones to Haftar.", [("Egypt", H, "alleged", "")]),
        # An accusation, and the accused (a capital standing for its state) denying it.
        (
            "Prime Minister Fayez al-Serraj accused France of supporting Haftar, a charge Paris denied on Thursday.",
            [("France", H, "claimed by someone", "Fayez al-Sarraj"), ("France", H, "denied", "France")],
        ),
        (
            "The United Arab Emirates and Egypt have provided the LNA with air support, according to a UN panel.",
            [
                ("Egypt", LNA, "claimed by someone", "United Nations"),
                ("United Arab Emirates", LNA, "claimed by someone", "United Nations"),
            ],
        ),
        ("Turkey has sent armed drones to forces aligned with the GNA.", [("Turkey", GNA, "asserted", "")]),
        ("Troops loyal to Haftar were armed by the UAE.", [("United Arab Emirates", H, "asserted", "")]),
        ("Russian mercenaries are fighting alongside Haftar's forces.", [("Russia", LNA, "asserted", "")]),
        (
            "President Erdogan said that Ankara would increase military support to the GNA.",
            [("Turkey", GNA, "claimed by someone", "Recep Tayyip Erdoğan")],
        ),
        # A relative clause on the subject of "said" is the article's own assertion, not what the GNA says.
        (
            "The GNA, which is supported by Turkey and Qatar, said it would sign the agreement.",
            [("Qatar", GNA, "asserted", ""), ("Turkey", GNA, "asserted", "")],
        ),
        ("Russia does not back Haftar.", [("Russia", H, "denied", "Russia")]),
        # Passive verbs of saying name no claimer unless an agent follows.
        (
            "Qatar and Turkey are accused of supporting Libya Dawn.",
            [("Qatar", "Libya Dawn", "alleged", ""), ("Turkey", "Libya Dawn", "alleged", "")],
        ),
        ("Egypt is widely believed to have supplied Haftar with weapons.", [("Egypt", H, "alleged", "")]),
        ("Egypt is accused by the GNA of arming Haftar.", [("Egypt", H, "claimed by someone", GNA)]),
        # A denial in the next sentence that points back to the claim.
        (
            "Russian mercenaries are fighting alongside Haftar's forces. Moscow denies this.",
            [("Russia", LNA, "asserted", ""), ("Russia", LNA, "denied", "Russia")],
        ),
        (
            "Russian mercenaries are fighting alongside Haftar's forces. Moscow denies sending troops to Syria.",
            [("Russia", LNA, "asserted", "")],
        ),
        # "UN-backed" is the article's own description, even inside what someone else says.
        (
            "Haftar and the head of the UN-backed government in Tripoli did not meet, Russian officials said.",
            [("United Nations", GNA, "asserted", "")],
        ),
    ],
)
def test_forms_of_backing(tmp_path, text, claims):
    assert _claims(tmp_path, text) == claims


@pytest.mark.parametrize(
    "text",
    [
        "France hosted talks between Haftar and Sarraj in Paris.",
        "Italy mediated between the GNA and the LNA in Rome.",
        "The UN urged Haftar to respect a ceasefire.",
        "Tunisia's president met Haftar in Tunis and offered to act as a mediator.",
        "Russian officials would not say whether Russia will supply Haftar with weapons.",
        "The US expressed full support for the sovereignty of Libya.",
        "The UN-backed peace process stalled.",
        "Haftar's forces provide backing for the eastern parliament.",
        "Italy sent a delegation to Tripoli to meet the GNA.",
        "Egypt gave a warning to Haftar.",
        "Moscow hosted Haftar and Sarraj for talks.",
        "The UAE, which hosted the talks, said the GNA would attend.",
    ],
)
def test_not_backing(tmp_path, text):
    assert _claims(tmp_path, text) == []


def test_recognition_is_never_backing(tmp_path):
    assert _claims(tmp_path, "Egypt recognised the GNA in 2016.") == [("Egypt", GNA, "recognition", "")]


# Sentences written for these tests, one per path shape between a cue and the two parties; the shapes are
# rows of libyalib/data/roles.csv, so each sentence stands for every sentence of that shape.
@pytest.mark.parametrize(
    "text, claims",
    [
        # a cue noun as the attribute of a copula; a participle clause says how (drones: weapons)
        ("Turkey remained the main supporter of the GNA, supplying it with drones.", [("Turkey", GNA, "weapons")]),
        # apposition parsed as a second subject
        (
            "Egypt and the UAE, both backers of Haftar, welcomed the plan.",
            [("Egypt", H, "unknown"), ("United Arab Emirates", H, "unknown")],
        ),
        # a present participle modifying the backer
        (
            "The UAE, aiding the LNA, flew drones over Tripoli.",
            [("United Arab Emirates", LNA, "troops as a secondary warring party;weapons")],
        ),
        # a relative clause with a verb of receiving and an agent two prepositions deep
        ("The GNA, which has long relied on drones from Turkey, pushed east.", [("Turkey", GNA, "weapons")]),
        # a past participle on forces that stand for the party they are loyal to; coordinated agents
        (
            "Forces loyal to Haftar, equipped by Russia and the UAE, advanced on the capital.",
            [("Russia", H, "materiel and logistics"), ("United Arab Emirates", H, "materiel and logistics")],
        ),
        (
            "Haftar was propped up with money and weapons from the UAE.",
            [("United Arab Emirates", H, "weapons;funding and economic support")],
        ),
        (
            "The United States carried out airstrikes in support of GNA forces.",
            [("United States", GNA, "troops as a secondary warring party")],
        ),
        ("Russian pilots flew for the LNA.", [("Russia", LNA, "troops as a secondary warring party")]),
        (
            "Sudanese fighters fought alongside the LNA near Sirte.",
            [("Sudan", LNA, "troops as a secondary warring party")],
        ),
        # joint military action
        (
            "Qatar, along with the GNA, launched airstrikes on militia positions.",
            [("Qatar", GNA, "troops as a secondary warring party")],
        ),
        ("Turkey intervened on behalf of the GNA.", [("Turkey", GNA, "troops as a secondary warring party")]),
        # what is sent, where from and to whom
        ("Equipment sent from Jordan to the LNA was seized in Benghazi.", [("Jordan", LNA, "materiel and logistics")]),
        ("The Turkish-backed GNA recaptured Gharyan.", [("Turkey", GNA, "unknown")]),
        ("Turkey's training of GNA forces continued.", [("Turkey", GNA, "training and expertise")]),
        ("Emirati drones for the LNA were unloaded in Benghazi.", [("United Arab Emirates", LNA, "weapons")]),
        (
            "Russia and Egypt support Haftar and the House of Representatives.",
            [
                ("Egypt", "House of Representatives", "unknown"),
                ("Egypt", H, "unknown"),
                ("Russia", "House of Representatives", "unknown"),
                ("Russia", H, "unknown"),
            ],
        ),
    ],
)
def test_path_shapes(tmp_path, text, claims):
    rows = foreign_backers(one_article(tmp_path, text, "2020-06-01"))
    assert sorted(zip(rows.backer, rows.backed, rows.support_type, strict=False)) == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        ("Egypt accused Turkey of arming the GNA.", [("Turkey", GNA, "claimed by someone", "Egypt")]),
        # a denial that calls what was just said false
        (
            "The GNA says Russia has sent jets to support the LNA. Russia says this is false.",
            [("Russia", LNA, "claimed by someone", GNA), ("Russia", LNA, "denied", "Russia")],
        ),
        # "the mercenaries" are the ones named with their group earlier in the article
        (
            "Russian mercenaries from the Wagner Group arrived in Jufra. Officials say Moscow sent jets to support the "
            "mercenaries.",
            [("Russia", "Wagner Group", "alleged", "")],
        ),
        # a document speaks for whoever released it
        (
            "Al Jazeera released a video alleging that Egyptian soldiers were fighting alongside the LNA.",
            [("Egypt", LNA, "claimed by someone", "Al Jazeera")],
        ),
    ],
)
def test_stances_on_new_forms(tmp_path, text, claims):
    assert _claims(tmp_path, text) == claims


@pytest.mark.parametrize(
    "text",
    [
        "Turkish drones struck LNA positions.",
        "Macron appeared alongside Haftar at a press conference.",
        "The GNA received a delegation from Italy.",
        "Haftar sought support in Moscow.",
        "Algeria welcomed the initiative and affirmed its support for a political solution.",
        "Russian officials met Haftar's envoys to discuss support for the ceasefire.",
        "Haftar's forces shot down a Turkish drone.",
        "Egypt threatened to send troops if the GNA advanced on Sirte.",
        "A cleric called on his followers to support Haftar.",
        "Egypt and the UAE welcomed the ceasefire that the GNA supports.",
    ],
)
def test_not_backing_on_any_path(tmp_path, text):
    assert _claims(tmp_path, text) == []


def test_support_table_counts_articles_per_type(tmp_path):
    from libyalib.extract.support import support_table

    (tmp_path / "a.txt").write_text("A\n\nTurkey sent drones to the GNA. Turkey has also trained the GNA.\n")
    (tmp_path / "b.txt").write_text("B\n\nTurkey sent drones to the GNA.\n")
    (tmp_path / "c.txt").write_text("C\n\nTurkey denies that it backs the GNA.\n")
    (tmp_path / "SOURCES.csv").write_text(
        "file,outlet,url,published,published_precision\n"
        "a.txt,,,2020-01-05,day\nb.txt,,,2020-02-01,day\nc.txt,,,2020-03-01,day\n"
    )
    table = support_table(foreign_backers(load_corpus(tmp_path)))
    row = table.set_index(["backer", "side", "year"]).loc[("Turkey", "tripoli_camp", "2020")]
    # a: weapons and training (two claims); b: weapons; c: a denial, not support.
    assert (row.weapons, row.training_and_expertise, row.n_claims, row.n_articles) == (2, 1, 3, 2)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt urged Russia to back Haftar.",
        "Rabee al-Madkhali called on his followers to support Haftar.",
        "Italy asked Turkey to stop arming the GNA.",
    ],
)
def test_appeals_are_not_claims(tmp_path, text):
    assert _claims(tmp_path, text) == []


# More forms news uses every day, each a shape in roles.csv; sentences written for this test.
@pytest.mark.parametrize(
    "text, claims",
    [
        ("Turkey's intervention on the side of the GNA turned the tide of the war.", [("Turkey", GNA, "unknown")]),
        (
            "The GNA receives military support from Turkey and Qatar.",
            [("Qatar", GNA, "unknown"), ("Turkey", GNA, "unknown")],
        ),
        (
            "Haftar's foreign backers include the UAE, Egypt and Russia.",
            [("Egypt", H, "unknown"), ("Russia", H, "unknown"), ("United Arab Emirates", H, "unknown")],
        ),
        (
            "Emirati drones have carried out strikes in support of Haftar's forces.",
            [("United Arab Emirates", LNA, "troops as a secondary warring party")],
        ),
        (
            "Haftar has received weapons from the UAE in breach of the arms embargo.",
            [("United Arab Emirates", H, "weapons")],
        ),
        (
            "Haftar enjoys the backing of Egypt and the United Arab Emirates.",
            [("Egypt", H, "unknown"), ("United Arab Emirates", H, "unknown")],
        ),
        (
            "The LNA, armed and financed by the UAE, took Sirte.",
            [("United Arab Emirates", LNA, "weapons;funding and economic support")],
        ),
        (
            "Ankara has sent Syrian fighters to Libya to fight for the GNA.",
            [("Turkey", GNA, "troops as a secondary warring party")],
        ),
        # the backers' own offensive is not how they back him
        (
            "Haftar, who is backed by Egypt and Russia, launched an offensive on Tripoli.",
            [("Egypt", H, "unknown"), ("Russia", H, "unknown")],
        ),
    ],
)
def test_news_forms(tmp_path, text, claims):
    rows = foreign_backers(one_article(tmp_path, text, "2020-06-01"))
    assert sorted(zip(rows.backer, rows.backed, rows.support_type, strict=True)) == claims
