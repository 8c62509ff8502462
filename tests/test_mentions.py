"""Actor mentions: hand-counted counts for the seeds, and the alias rules on sentences of our own."""
import pytest

from libyalib.corpus import load_corpus
from libyalib.kb import load_kb
from libyalib.mentions import actor_mentions

# Counted by reading each seed's title and body paragraphs (not captions, credits, links or the standfirst)
# and ticking every naming of the actor: full names, surnames, first names that stand for a person named in
# full elsewhere in the article, aliases and acronyms; pronouns and demonyms ("British", "Russian") are not
# counted; "Full Name (ACR)" counts once. Where the count needs a rule, the rule is said beside it.
HAND_COUNTS = {
    "000_ac960319aac35454": {
        "Khalifa Haftar": 10,   # title "Khalifa" and "Libya's Haftar"; body 8 (two "Haftar's forces")
        "Boris Johnson": 6,     # title "Boris"; "Boris Johnson", then "Johnson" 4 times
        "United Kingdom": 8,    # title "UK"; "Britain's", "UK Ambassador", "in the UK", "UK government",
                                # "the UK was complicit", "UK programmes", "Westminster"
        "Peter Millett": 2,     # "Peter Millett", "UK Ambassador Millett"
        "Government of National Accord": 1,  # "UN-backed Government of National Accord (GNA)": once
        "Libyan National Army": 2,  # "the Libyan National Army", "LNA troops"
    },
    "001_75459518e0dbd6f0": {
        "Khalifa Haftar": 11,   # title 1; body 10 including "he (Haftar)"
        "Government of National Accord": 3,  # "Government of National Unity" (sic, 2017), "unity government" x2
        "Italy": 4,             # "Italy's defence minister", "Former colonial power Italy", "from Italy",
                                # "Italy has invested"
        "Fayez al-Sarraj": 2,   # "Fayez al-Sarraj", "Sarraj's fledgling government"
        "Mattia Toaldo": 2,     # "Mattia Toaldo", then "Toaldo added"
        "Islamic State": 3,     # "Islamic State (ISIS) group" once, "ISIS transit camp", "the ISIS threat"
    },
    "002_34ed0cbcf165ceff": {
        "Khalifa Haftar": 8,    # title "Libya's Haftar"; body 7 ("General Khalifa Haftar", 6 "Gen Haftar")
        "Government of National Accord": 6,  # 2 full names, "GNA" x3, "the Tripoli administration" (2019)
        "Libyan National Army": 8,  # "the Libyan National Army" and "LNA" x7 (the standfirst is not body)
        "United States": 10,    # title "US officials"; body "US" x8 and "the United States'"
        "Fayez al-Sarraj": 2,   # "Fayez Al Sarraj", "Mr Al Sarraj"
        "Russia": 2,            # "Russia who backs", "Russia's exploitation"
    },
    "003_bdb68f7a6c30162d": {
        "Khalifa Haftar": 15,   # title 1; body 14
        "Russia": 7,            # "Russia's support", "visit to Russia", "In addition to Russia",
                                # "whether or not Russia", "the Kremlin", "Russia has previously", "Russia respects"
        "Government of National Accord": 2,  # "Libyan Government of National Accord (GNA)", "... (GNA)"
        "House of Representatives": 1,       # "the Libyan parliament in Tobruk" (2016)
        "Sergey Lavrov": 1,
    },
    "004_180ea50e5db810ba": {
        "Khalifa Haftar": 6,    # title "Gen. Haftar"; body 5 (captions not counted)
        "United Nations": 5,    # title "UN charge"; "the United Nations", "the UN's", "United Nations special
                                # envoy", "the UN role"
        "United Nations Support Mission in Libya": 2,  # "UN Support Mission in Libya (UNSMIL)", "UNSMIL called"
        "House of Representatives": 2,       # "internationally recognized government", "the recognized
                                             # government" (2015)
        "National Salvation Government": 2,  # "the Tripoli government", "the Tripoli-based government" (2015)
        "Saqr al-Jarushi": 2,   # "Saqir Al-Jaroushi", "Al-Jaorushi" (the article's own misspelling)
        "Libya Dawn": 1,
    },
}


@pytest.fixture(scope="module")
def mentions(seeds):
    return actor_mentions(seeds)


@pytest.mark.parametrize("article_id", sorted(HAND_COUNTS))
def test_hand_counted_mentions(mentions, article_id):
    kept = mentions[(mentions.article_id == article_id) & (mentions.form != "demonym")]
    counts = kept.actor.value_counts().to_dict()
    assert {actor: counts.get(actor, 0) for actor in HAND_COUNTS[article_id]} == HAND_COUNTS[article_id]


def test_spans_point_at_the_text(mentions, seeds):
    articles = seeds.articles.set_index("article_id")
    for row in mentions.itertuples():
        source = articles.loc[row.article_id, row.section]
        assert source[row.start:row.end] == row.text


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


def _mentions_of(tmp_path, text, name="a.txt", published=None):
    (tmp_path / name).write_text(text, encoding="utf-8")
    if published:
        (tmp_path / "SOURCES.csv").write_text(f"file,outlet,url,published,published_precision\n{name},,,{published},day\n")
    mentions = actor_mentions(load_corpus(tmp_path))
    return mentions[mentions.section == "body"]


def test_titles_do_not_make_new_actors(tmp_path):
    m = _mentions_of(tmp_path, "Talks\n\nField Marshall Haftar met Mr Al Sarraj. Gen Haftar left and Mr. Serraj stayed.\n")
    assert m.actor.tolist() == ["Khalifa Haftar", "Fayez al-Sarraj", "Khalifa Haftar", "Fayez al-Sarraj"]
    assert m.text.tolist() == ["Haftar", "Al Sarraj", "Haftar", "Serraj"]


def test_spelling_variants_resolve_to_one_actor(tmp_path):
    m = _mentions_of(tmp_path, "Variants\n\nHifter, Hafter and Haftar met. Qaddafi, Gadhafi and Gaddafi were gone. "
                               "Salame and Salamé spoke.\n")
    assert m.actor.value_counts().to_dict() == {"Khalifa Haftar": 3, "Muammar Gaddafi": 3, "Ghassan Salamé": 2}


def test_surname_after_full_name_even_outside_the_knowledge_base(tmp_path):
    m = _mentions_of(tmp_path, "Envoy\n\nThe analyst Jane Ferrante spoke to Peter Millett on Monday. Later Ferrante "
                               "said Millett had agreed.\n")
    people = m[m.kind.isin(["person"])]
    assert people.actor.tolist() == ["Jane Ferrante", "Peter Millett", "Jane Ferrante", "Peter Millett"]
    assert people.form.tolist()[2] == "short form"


def test_full_name_with_acronym_is_one_mention_and_possessives_hyphens_work(tmp_path):
    m = _mentions_of(tmp_path, "Groups\n\nThe Government of National Accord (GNA) met. The GNA's forces and the "
                               "UN-backed talks went on, as did Haftar's and Haftar’s men.\n")
    assert m.actor.tolist() == ["Government of National Accord", "Government of National Accord", "United Nations",
                                "Khalifa Haftar", "Khalifa Haftar"]
    assert m.text.tolist() == ["Government of National Accord", "GNA", "UN", "Haftar", "Haftar"]


@pytest.mark.parametrize("published, actor", [("2015-06-01", "House of Representatives"),
                                              ("2017-06-01", "Government of National Accord"),
                                              ("2022-06-01", "Government of National Unity")])
def test_dated_aliases_follow_the_publication_date(tmp_path, published, actor):
    m = _mentions_of(tmp_path, "Recognition\n\nDiplomats met the internationally recognized government in the east.\n",
                     published=published)
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
    for name in ["Libya Dawn", "Ansar al-Sharia", "Wagner Group", "Zintan brigades", "Misrata brigades",
                 "Ghassan Salamé", "Martin Kobler", "Bernardino León", "Stephanie Williams"]:
        assert name in kb.actors.index
