"""Actor mentions: hand-counted counts for the seeds, and the alias rules on sentences of our own."""

import pytest
from conftest import one_article

from libyalib.evaluation import expected, score_counts
from libyalib.extract import actor_mentions
from libyalib.nlp.kb import load_kb

# tests/expected/mentions.csv holds the hand counts. Counted by reading each seed's title and body
# paragraphs (not captions, credits, links or the standfirst) and ticking every naming of the actor: full
# names, surnames, first names that stand for a person named in full elsewhere in the article, aliases and
# acronyms; pronouns and demonyms ("British", "Russian") are not counted; "Full Name (ACR)" counts once.
# Where a count needs a rule, the file says so beside it.
HAND_COUNTS = expected("mentions")


@pytest.fixture(scope="module")
def mentions(seeds):
    return actor_mentions(seeds)


@pytest.mark.parametrize("article_id", sorted(set(HAND_COUNTS.article_id)))
def test_hand_counted_mentions(mentions, article_id):
    kept = mentions[(mentions.article_id == article_id) & (mentions.form != "demonym")]
    counts = kept.actor.value_counts().to_dict()
    want = HAND_COUNTS[HAND_COUNTS.article_id == article_id]
    assert {a: counts.get(a, 0) for a in want.actor} == dict(zip(want.actor, want["count"].astype(int), strict=False))


def test_mention_counts_score(mentions):
    s = score_counts(mentions, HAND_COUNTS)
    assert s.expected == 136 and s.precision == 1.0 and s.recall == 1.0


def test_spans_point_at_the_text(mentions, seeds):
    articles = seeds.articles.set_index("article_id")
    for row in mentions.itertuples():
        source = articles.loc[row.article_id, row.section]
        assert source[row.start : row.end] == row.text


def test_furniture_is_not_counted(mentions):
    # "Haftar hosted Boris Johnson in Benghazi [Facebook]" (000) and the two /AFP/ captions naming
    # "Khalifa Haftar" (004) are captions: their mentions are not in the table.
    assert not mentions.text.str.contains("Facebook").any()
    assert mentions[(mentions.article_id == "004_180ea50e5db810ba") & (mentions.text == "Khalifa Haftar")].shape[0] == 1


def test_repeated_title_counts_once(mentions):
    # "When Boris met Khalifa: Libya's Haftar receives UK foreign secretary in Benghazi" stands three times
    # in the file (lines 1 and 3); its mentions are counted once: Boris, Khalifa, Libya, Haftar, UK.
    title = mentions[(mentions.article_id == "000_ac960319aac35454") & (mentions.section == "title")]
    assert title.text.tolist() == ["Boris", "Khalifa", "Libya", "Haftar", "UK"]


def test_every_row_names_its_model_and_source(mentions):
    assert set(mentions.source) == {"knowledge base", "statistical NER"}
    assert mentions.model.str.startswith("en_core_web_sm").all()


def _mentions_of(tmp_path, text, published=None):
    title, body = text.split("\n\n", 1)
    mentions = actor_mentions(one_article(tmp_path, body.strip(), published, title=title))
    return mentions[mentions.section == "body"]


def test_titles_do_not_make_new_actors(tmp_path):
    m = _mentions_of(
        tmp_path, "Talks\n\nField Marshall Haftar met Mr Al Sarraj. Gen Haftar left and Mr. Serraj stayed.\n"
    )
    assert m.actor.tolist() == ["Khalifa Haftar", "Fayez al-Sarraj", "Khalifa Haftar", "Fayez al-Sarraj"]
    assert m.text.tolist() == ["Haftar", "Al Sarraj", "Haftar", "Serraj"]


def test_spelling_variants_resolve_to_one_actor(tmp_path):
    m = _mentions_of(
        tmp_path,
        "Variants\n\nHifter, Hafter and Haftar met. Qaddafi, Gadhafi and Gaddafi were gone. Salame and Salamé spoke.\n",
    )
    assert m.actor.value_counts().to_dict() == {"Khalifa Haftar": 3, "Muammar Gaddafi": 3, "Ghassan Salamé": 2}


def test_surname_after_full_name_even_outside_the_knowledge_base(tmp_path):
    m = _mentions_of(
        tmp_path,
        "Envoy\n\nThe analyst Jane Ferrante spoke to Peter Millett on Monday. Later Ferrante "
        "said Millett had agreed.\n",
    )
    people = m[m.kind.isin(["person"])]
    assert people.actor.tolist() == ["Jane Ferrante", "Peter Millett", "Jane Ferrante", "Peter Millett"]
    assert people.form.tolist()[2] == "short form"


def test_full_name_with_acronym_is_one_mention_and_possessives_hyphens_work(tmp_path):
    m = _mentions_of(
        tmp_path,
        "Groups\n\nThe Government of National Accord (GNA) met. The GNA's forces and the "
        "UN-backed talks went on, as did Haftar's and Haftar’s men.\n",
    )
    assert m.actor.tolist() == [
        "Government of National Accord",
        "Government of National Accord",
        "United Nations",
        "Khalifa Haftar",
        "Khalifa Haftar",
    ]
    assert m.text.tolist() == ["Government of National Accord", "GNA", "UN", "Haftar", "Haftar"]


@pytest.mark.parametrize(
    "published, actor",
    [
        ("2015-06-01", "House of Representatives"),
        ("2017-06-01", "Government of National Accord"),
        ("2022-06-01", "Government of National Unity"),
    ],
)
def test_dated_aliases_follow_the_publication_date(tmp_path, published, actor):
    m = _mentions_of(
        tmp_path,
        "Recognition\n\nDiplomats met the internationally recognized government in the east.\n",
        published=published,
    )
    assert m.actor.tolist() == [actor]


def test_undated_article_leaves_a_dated_alias_unresolved(tmp_path):
    m = _mentions_of(tmp_path, "Recognition\n\nDiplomats met the internationally recognised government.\n")
    assert m.empty


def test_knowledge_base_covers_the_conflict():
    kb = load_kb()
    assert len(kb.actors) >= 150
    assert kb.actors.source.str.startswith("enwiki:").all()
    kinds = kb.actors.kind.value_counts()
    assert kinds["person"] >= 80 and kinds["armed group"] >= 20 and kinds["state"] >= 20
    for name in [
        "Libya Dawn",
        "Ansar al-Sharia",
        "Wagner Group",
        "Zintan brigades",
        "Misrata brigades",
        "Ghassan Salamé",
        "Martin Kobler",
        "Bernardino León",
        "Stephanie Williams",
    ]:
        assert name in kb.actors.index


@pytest.mark.parametrize(
    "published, side", [("2015-06-01", "haftar_camp"), ("2017-06-01", "other"), ("2019-06-01", "tripoli_camp")]
)
def test_sides_follow_the_publication_date(tmp_path, published, side):
    # The Zintan brigades fought with Operation Dignity in 2014-2015 and for the GNA against the 2019
    # Tripoli offensive; between those, actors.csv gives "other".
    m = _mentions_of(tmp_path, "Zintan\n\nThe Zintan brigades moved south.", published=published)
    assert (m.actor.tolist(), m.side.tolist()) == (["Zintan brigades"], [side])


def test_names_keep_their_first_word_and_win_over_descriptions(tmp_path):
    # "General" and "National" are titles before a person's name, not inside an organisation's name; a dated
    # description ("Tripoli-based government") gives way to the name it overlaps.
    m = _mentions_of(
        tmp_path,
        "Names\n\nThe General National Congress met. The Tripoli-based Government of National Accord (GNA) replied.\n",
        published="2017-06-01",
    )
    assert m.text.tolist() == ["General National Congress", "Government of National Accord"]
    assert m.form.tolist() == ["name", "name"]


def test_a_demonym_inside_a_longer_name_is_not_a_mention(tmp_path):
    m = _mentions_of(
        tmp_path,
        "War\n\nThe Second Libyan Civil War began in 2014. Haftar met Russian Foreign Minister Sergey Lavrov.\n",
    )
    assert m.text.tolist() == ["Haftar", "Russian", "Sergey Lavrov"]
