"""What each dated expression dates (its role, what happened, who acted and on whom), and the chronology that
reconciles the reports of one event across stories. Every sentence here was written for these tests; the
expected values were read off each sentence by hand."""

import pandas as pd
import pytest
from conftest import one_article

from libyalib.extract import chronology, reconcile
from libyalib.ingest.corpus import load_corpus
from libyalib.tables.schema import validate


def _row(tmp_path, text, expression, published="2019-04-05"):
    rows = chronology(one_article(tmp_path, text, published))
    found = rows[rows.expression == expression]
    assert len(found) == 1, rows[["expression", "role"]]
    return found.iloc[0]


# Published Friday 2019-04-05.
@pytest.mark.parametrize(
    "text, expression, role, kind, event_type, actor1, actor2, what",
    [
        (
            "Haftar's forces seized the town of Gharyan on Thursday.",
            "Thursday",
            "event",
            "military action",
            "Battles",
            "Libyan National Army",  # "Haftar's forces": the body he leads
            "",
            "Haftar's forces seized the town of Gharyan",
        ),
        (
            "Egyptian jets struck militant camps near Derna on Monday.",
            "Monday",
            "event",
            "military action",
            "Explosions/Remote violence",
            "Egypt",  # a demonym names its state
            "",
            "Egyptian jets struck militant camps near Derna",
        ),
        (
            "Sarraj met the UN envoy in Tunis on Tuesday.",
            "Tuesday",
            "event",
            "meeting",
            "meeting",
            "Fayez al-Sarraj",
            "United Nations",
            "Sarraj met the UN envoy in Tunis",
        ),
        (
            # who acted in a passive is its agent; what it was done to is the target
            "The airport was shelled by the Libyan National Army on Wednesday.",
            "Wednesday",
            "event",
            "military action",
            "Explosions/Remote violence",
            "Libyan National Army",
            "",
            "The airport was shelled by the Libyan National Army",
        ),
        (
            # the noun the date belongs to is the event
            "Dozens died in Thursday's attack on the air base.",
            "Thursday",
            "event",
            "military action",
            "Battles",
            "",
            "",
            "attack on the air base",
        ),
        (
            # a pronoun stands for the last person named before it
            "Haftar flew to Cairo. He met the Egyptian president on Wednesday.",
            "Wednesday",
            "event",
            "meeting",
            "meeting",
            "Khalifa Haftar",
            "Egypt",  # "the Egyptian president": the state he heads
            "Khalifa Haftar met the Egyptian president",  # the pronoun written as the actor it stands for
        ),
        (
            # a named party's warning is a statement; what it warned of is what it said
            "Sarraj warned on Monday that the truce would collapse.",
            "Monday",
            "event",
            "statement",
            "statement",
            "Fayez al-Sarraj",
            "",
            "Sarraj warned the truce would collapse",
        ),
        (
            # "IS" read by the parser as the auxiliary "is": still the subject
            "IS militants seized the pumping station on Tuesday.",
            "Tuesday",
            "event",
            "military action",
            "Battles",
            "Islamic State",
            "",
            "IS militants seized the pumping station",
        ),
        (
            # what is wanted has not happened: a statement, not a report of a truce (words as written)
            '"We want a truce," Erdogan said on Thursday.',
            "Thursday",
            "event",
            "statement",
            "statement",
            "Recep Tayyip Erdoğan",
            "",
            "Erdogan said We want a truce",
        ),
        (
            # "there were" tells what happened
            "There were heavy clashes in southern Tripoli on Thursday.",
            "Thursday",
            "event",
            "military action",
            "Battles",
            "",
            "",
            "heavy clashes in southern Tripoli",
        ),
        (
            # a speaker after the verb of saying is written first; a title-case dateline is left out
            'Rome - "The port is open," said Fayez al-Sarraj on Thursday.',
            "Thursday",
            "event",
            "statement",
            "statement",
            "Fayez al-Sarraj",
            "",
            "Fayez al-Sarraj said The port is open",
        ),
        (
            # a gerund after a preposition shares the subject of the clause it hangs on, written first
            "After capturing the bridge on Sunday, the brigade's commander said his men would hold it.",
            "Sunday",
            "event",
            "military action",
            "Battles",
            "",
            "",
            "the brigade's commander capturing the bridge",
        ),
    ],
)
def test_what_happened_and_who_acted(tmp_path, text, expression, role, kind, event_type, actor1, actor2, what):
    row = _row(tmp_path, text, expression)
    assert (row.role, row.kind, row.event_type, row.actor1, row.actor2, row.what) == (
        role,
        kind,
        event_type,
        actor1,
        actor2,
        what,
    )
    named = set(row.actor1.split())
    assert row.what and all(word in row.evidence for word in row.what.split() if word not in named)


@pytest.mark.parametrize(
    "text, expression, role",
    [
        ("Sarraj has been in office since 2016.", "2016", "incumbency"),
        ("Sisi has ruled Egypt since 2014.", "2014", "incumbency"),
        ("The city has been under siege since March.", "March", "duration"),
        ("The 2011 uprising toppled Gaddafi.", "2011", "year alone"),
        ("In 2014, Haftar launched Operation Dignity.", "2014", "year alone"),
        ("Medics said on Monday that the road was quiet.", "Monday", "background"),  # no party spoke
        ("The weather was mild on Monday.", "Monday", "background"),
        ("Haftar will visit Rome next week.", "next week", "planned"),
        ("The militia withdrew a few months ago.", "a few months ago", "vague"),
    ],
)
def test_background_is_kept_and_marked(tmp_path, text, expression, role):
    assert _row(tmp_path, text, expression).role == role


def test_a_headline_date_and_a_dated_list(tmp_path):
    text = "Tripoli, 3 April 2019:\n\n4 January – The Islamic State seized Bin Jawad.\n\n5 January – Calm returned."
    rows = chronology(one_article(tmp_path, text, "2019-04-05")).set_index("expression")
    assert rows.loc["3 April 2019", "role"] == "heading"
    seized = rows.loc["4 January"]
    assert (seized.role, seized.actor1, seized.what) == ("event", "Islamic State", "The Islamic State seized Bin Jawad")
    assert seized.evidence == "4 January – The Islamic State seized Bin Jawad."  # the whole line of the list
    assert rows.loc["5 January", "role"] == "background"  # "Calm returned": nothing the lexicon calls an event


@pytest.mark.parametrize(
    "text",
    [
        "Rebels have captured the airport, a spokesman said on Thursday.",
        "A spokesman said on Thursday that rebels had captured the airport.",
        "TRIPOLI, April 4, 2019 (Reuters) - Rebels have captured the airport.",
    ],
)
def test_a_date_of_the_report_is_not_the_date_of_what_it_reports(tmp_path, text):
    rows = chronology(one_article(tmp_path, text, "2019-04-05"))
    row = rows[rows.role == "event"].iloc[0]
    assert (row.date_start, bool(row.reported), row.kind) == ("2019-04-04", True, "military action")
    assert "captured the airport" in row.what


def _titled(tmp_path, articles: dict[str, tuple[str, str, str]]):
    """A corpus of articles ``name: (published, title, body)``."""
    lines = ["file,outlet,url,published,published_precision"]
    for name, (published, title, body) in articles.items():
        (tmp_path / f"{name}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        lines.append(f"{name}.txt,,,{published},day")
    (tmp_path / "SOURCES.csv").write_text("\n".join(lines) + "\n")
    return load_corpus(tmp_path)


def _corpus(tmp_path, articles: dict[str, tuple[str, str]]):
    """A corpus of articles ``name: (published, body)``, titled "Report name"."""
    return _titled(
        tmp_path, {name: (published, f"Report {name}", text) for name, (published, text) in articles.items()}
    )


def test_reports_of_one_event_in_three_stories_are_one_row(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2019-04-05", "Haftar's forces captured Gharyan on Thursday after brief clashes."),
            "b": ("2019-04-20", "The Libyan National Army took Gharyan in April, residents recalled."),
            "c": ("2019-04-06", "The LNA entered Gharyan, a commander said on Friday."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    gharyan = rec[rec.article_ids.str.contains("a")]
    assert len(gharyan) == 1
    row = gharyan.iloc[0]
    # a's "Thursday" is 4 April; b's "in April" contains it; c reports on Friday 5 April what had happened
    assert (row.date_start, row.date_end, row.time_precision, row.n_articles, row.n_stories) == (
        "2019-04-04",
        "2019-04-04",
        1,
        3,
        3,
    )
    assert (row.article_id, row.actor1, row.location, row.disagreement) == ("a", "Libyan National Army", "Gharyan", "")
    validate("chronology", rec)


def test_events_that_share_nothing_stay_apart(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2019-04-05", "Egyptian jets struck camps near Derna on Thursday."),
            "b": ("2019-04-05", "Turkish drones hit a convoy near Misrata on Thursday."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    assert sorted(rec.article_ids) == ["a", "b"]


def test_one_article_never_disagrees_with_itself(tmp_path):
    corpus = _corpus(tmp_path, {"a": ("2019-04-05", "IS bombed checkpoints outside Sirte on Monday and Wednesday.")})
    rec = reconcile(chronology(corpus), corpus.articles)
    assert sorted(rec.date_start) == ["2019-04-01", "2019-04-03"]
    assert (rec.disagreement == "").all()


def test_coordinated_days_that_follow_each_other_are_one_report(tmp_path):
    # one clause over two days in a row: one row from the first day to the second, with IS as its actor
    # (the parser reads "IS" as the auxiliary "is"); days apart stay two rows (above)
    corpus = _corpus(tmp_path, {"a": ("2019-04-05", "IS bombed checkpoints outside Sirte on Tuesday and Wednesday.")})
    events = chronology(corpus)
    row = events[events.role == "event"].iloc[0]
    assert (row.expression, row.date_start, row.date_end, row.precision) == (
        "Tuesday and Wednesday",
        "2019-04-02",
        "2019-04-03",
        "range",
    )
    assert row.actor1 == "Islamic State"
    rec = reconcile(events, corpus.articles)
    assert list(zip(rec.date_start, rec.date_end, rec.disagreement, strict=True)) == [("2019-04-02", "2019-04-03", "")]


def test_copies_of_one_story_count_once(tmp_path):
    text = (
        "Forces loyal to the Government of National Accord recaptured the town of Gharyan on Wednesday after a "
        "surprise attack, officials said, in a major setback for the Libyan National Army south of Tripoli."
    )
    corpus = _corpus(tmp_path, {"a": ("2019-06-27", text), "b": ("2019-06-27", text + " More to follow.")})
    assert corpus.articles.story_id.nunique() == 1
    row = reconcile(chronology(corpus), corpus.articles).iloc[0]
    assert (row.n_articles, row.n_stories, row.date_start) == (2, 1, "2019-06-26")


def test_the_chronology_of_no_events_is_an_empty_valid_table():
    events = pd.DataFrame(columns=chronology.__globals__["TABLES"]["events"])
    rec = reconcile(events.astype({"start": "int64", "end": "int64", "reported": "bool"}))
    assert rec.empty
    validate("chronology", rec)


def test_one_happening_at_one_place_told_a_day_apart_is_one_row(tmp_path):
    # Sentences written for this test: two outlets date one capture of Bani Walid a day apart and name no
    # actor in common; a strike on the same town the next day is another happening, and a capture a week
    # later another event.
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2017-03-04", "The capture of Bani Walid, first announced on March 2, surprised the capital."),
            "b": ("2017-03-04", "Misrata brigades liberated Bani Walid on March 3, 2017, after a week of fighting."),
            "c": ("2017-03-05", "Warplanes bombed Bani Walid on Saturday, March 4."),
            "d": ("2017-03-12", "Tribal fighters recaptured Bani Walid on March 10, 2017."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    assert sorted(rec.article_ids) == ["a;b", "c", "d"]
    row = rec[rec.article_ids == "a;b"].iloc[0]
    assert (row.date_start, row.date_end, row.precision) == ("2017-03-02", "2017-03-03", "range")
    assert row.disagreement == "2017-03-02 (a); 2017-03-03 (b)"


@pytest.mark.parametrize(
    "text, kind, reported, said_by, actor1, what",
    [
        # a reaction that names a happening by a definite noun reports that happening
        (
            "The Presidential Council condemned the attack on the port on Sunday.",
            "military action",
            True,
            "Presidential Council",
            "",
            "the attack on the port",
        ),
        (
            "The shelling of Mitiga airport was denounced by the African Union on Sunday.",
            "military action",
            True,
            "African Union",
            "",
            "The shelling of Mitiga airport",
        ),
        # an indefinite noun is not one told of; a demand is not what it demands
        ("Egypt condemned an airstrike on Sunday.", "statement", False, "", "Egypt", "Egypt condemned an airstrike"),
        ("Russia called for a truce on Sunday.", "statement", False, "", "Russia", "Russia called for a truce"),
    ],
)
def test_a_reaction_reports_the_happening_it_names(tmp_path, text, kind, reported, said_by, actor1, what):
    row = _row(tmp_path, text, "Sunday")
    assert (row.kind, bool(row.reported), row.said_by, row.actor1, row.what) == (kind, reported, said_by, actor1, what)


def test_a_reaction_joins_the_event_it_answers(tmp_path):
    # Sentences written for this test: one outlet reports a seizure and, that day, a council's reaction to
    # it; another outlet reports only the reaction, a day later.
    corpus = _corpus(
        tmp_path,
        {
            "a": (
                "2016-09-12",
                "Haftar's forces seized the port of Zueitina on Sunday. Late on Sunday the Presidential Council "
                "called the seizure a reckless provocation.",
            ),
            "b": ("2016-09-13", "The Arab League on Monday condemned the seizure of Zueitina."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    assert len(rec) == 1
    row = rec.iloc[0]
    assert (row.date_start, row.kind, row.actor1, row.article_ids) == (
        "2016-09-11",
        "military action",
        "Libyan National Army",
        "a;b",
    )


@pytest.mark.parametrize(
    "text, dated",
    [
        ("The minister told Egypt Today that the port had reopened.", []),  # an outlet's name
        ("A spokesman told USA Today on Monday that the talks had failed.", ["Monday"]),
        ("Today the army entered the city.", ["Today"]),
        ("The minister said today that the port had reopened.", ["today"]),
    ],
)
def test_today_in_a_name_is_not_a_date(tmp_path, text, dated):
    expressions = chronology(one_article(tmp_path, text, "2019-04-05")).expression
    assert [e for e in expressions if e] == dated  # (a dateless text's lede is dated by publication)


@pytest.mark.parametrize(
    "text, event_type",
    [
        # the subject names the happening; the verb only tells what it did to the people
        ("Shelling by the militias left twelve people dead in Tajoura on Sunday.", "Explosions/Remote violence"),
        ("Renewed violence has left ten people dead in the old town, doctors said on Sunday.", "Battles"),
        # a verb of leaving with a place for its object is a withdrawal
        ("The brigade left the airbase on Sunday.", "Strategic developments"),
    ],
)
def test_what_left_people_dead_is_the_happening(tmp_path, text, event_type):
    assert _row(tmp_path, text, "Sunday").event_type == event_type


# Published Friday 2019-04-05.
@pytest.mark.parametrize(
    "text, event_type, what",
    [
        # "out" read as a preposition is the verb's particle
        (
            "Haftar's forces were driven out of Gharyan on Thursday.",
            "Battles",
            "Haftar's forces were driven out of Gharyan",
        ),
        (
            "The army expelled the militants from the port on Thursday.",
            "Battles",
            "The army expelled the militants from the port",
        ),
        ("GNA forces secured the airport on Thursday.", "Battles", "GNA forces secured the airport"),  # a light verb
        (
            "Artillery pounded the southern suburbs on Thursday.",
            "Explosions/Remote violence",
            "Artillery pounded the southern suburbs",
        ),
        (
            "Haftar's troops began their push towards the capital on Thursday.",
            "Battles",
            "Haftar's troops began their push towards the capital",
        ),
        # an infinitive of aim: the launch is dated, the taking is its aim
        ("The LNA launched an offensive to take Tripoli on Thursday.", "Battles", "The LNA launched an offensive"),
        ("Haftar vowed on Thursday to take Tripoli.", "statement", "Haftar vowed to take Tripoli"),
        # a wire dateline closed by a double hyphen, as plain-text copy writes the dash
        (
            "BENGHAZI, Libya, April 4 (UPI) -- Artillery pounded the port on Thursday.",
            "Explosions/Remote violence",
            "Artillery pounded the port",
        ),
        # what completes a verb that says little alone
        (
            "The rival delegations agreed on Thursday to respect the truce.",
            "agreement",
            "The rival delegations agreed to respect the truce",
        ),
        ("The talks failed to produce a deal on Thursday.", "meeting", "The talks failed to produce a deal"),
        # the verb tells nothing ("was a blow"): the event noun the date hangs on does
        ("The capture of Gharyan on Thursday was a blow to Haftar.", "Battles", "The capture of Gharyan"),
    ],
)
def test_more_ways_news_tells_a_happening(tmp_path, text, event_type, what):
    row = _row(tmp_path, text, "Thursday")
    assert (row.role, row.event_type, row.what) == ("event", event_type, what)


def test_five_outlets_telling_one_capture_their_own_way_are_one_row(tmp_path):
    # Sentences written for this test: five ways of telling one capture on Wednesday 26 June 2019.
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2019-06-27", "Forces loyal to the Government of National Accord recaptured Gharyan on Wednesday."),
            "b": ("2019-06-27", "Gharyan fell to GNA forces on Wednesday after a surprise attack."),
            "c": ("2019-06-27", "The LNA lost control of Gharyan on Wednesday, a spokesman said."),
            "d": ("2019-06-28", "Pro-government fighters took control of the town of Gharyan on Wednesday, June 26."),
            "e": ("2019-06-27", "Haftar's forces were driven out of Gharyan on Wednesday."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    assert list(rec.article_ids) == ["a;b;c;d;e"]
    assert (rec.date_start[0], rec.precision[0]) == ("2019-06-26", "day")


def test_a_report_that_names_nothing_joins_the_one_event_of_its_kind_that_day(tmp_path):
    # Sentences written for this test: c names no actor and no place; a and b are of its kind and day,
    # a at Geneva (written in capitals in b's dateline).
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2020-10-24", "The rival sides signed a permanent ceasefire in Geneva on Friday."),
            "b": ("2020-10-23", "GENEVA, Oct 23 (Example Wire) - Military delegations signed a truce."),
            "c": ("2020-10-24", "The warring parties agreed a nationwide ceasefire on Friday."),
        },
    )
    rows = chronology(corpus)
    assert rows.set_index("article_id").location["b"] == "Geneva"
    rec = reconcile(rows, corpus.articles)
    assert list(rec.article_ids) == ["a;b;c"]


def test_a_report_that_names_nothing_stays_apart_when_two_events_fit(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2020-10-24", "The rival sides signed a permanent ceasefire in Geneva on Friday."),
            "b": ("2020-10-24", "Tribal elders signed a truce in Sabha on Friday."),
            "c": ("2020-10-24", "The warring parties agreed a nationwide ceasefire on Friday."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    assert sorted(rec.article_ids) == ["a", "b", "c"]


def test_a_date_still_to_come_is_the_aims(tmp_path):
    row = _row(tmp_path, "Sarraj and Haftar agreed on Tuesday to hold elections next year.", "next year")
    assert (row.role, row.kind, row.what) == ("planned", "election", "Sarraj and Haftar hold elections")


@pytest.mark.parametrize(
    "text, event_type, said_by, actor1, what",
    [
        # what a party is accused of is a report of it, with the accused as its actor
        (
            "The GNA accused Haftar's forces of shelling the airport in Tripoli on Thursday.",
            "Explosions/Remote violence",
            "Government of National Accord",
            "Libyan National Army",
            "Haftar's forces shelling the airport in Tripoli",
        ),
        (
            "Egypt blamed the Islamic State for attacking the convoy on Thursday.",
            "Battles",
            "Egypt",
            "Islamic State",
            "the Islamic State attacking the convoy",
        ),
    ],
)
def test_a_charge_reports_what_the_charged_did(tmp_path, text, event_type, said_by, actor1, what):
    row = _row(tmp_path, text, "Thursday")
    assert (bool(row.reported), row.event_type, row.said_by, row.actor1, row.what) == (
        True,
        event_type,
        said_by,
        actor1,
        what,
    )


def test_a_report_of_what_happened_joins_the_happening_before_the_speakers_statement(tmp_path):
    # Sentences written for this test: a reports Haftar's declaration of what happened, b his speech (a
    # statement that names no happening the lexicon knows), c the happening itself.
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2017-07-06", "Haftar declared the full liberation of Benghazi on Wednesday."),
            "b": ("2017-07-06", "In a televised speech on Wednesday, Khalifa Haftar spoke of Benghazi."),
            "c": ("2017-07-07", "Benghazi was freed from Islamist militants on July 5, the LNA said."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    assert "a;c" in list(rec.article_ids)


def test_a_statement_joins_the_happening_it_announces_that_day(tmp_path):
    # Sentences written for this test (Monday is 2018-05-07): a quotes the commander declaring the offensive,
    # b reports the offensive; c is a threat of a military action on a day with none at its place.
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2018-05-08", 'Haftar said on Monday: "We declare zero hour to free the city of Derna."'),
            "b": ("2018-05-08", "His troops launched an offensive on Derna on Monday, the army said."),
            "c": ("2018-05-08", "Sisi warned on Monday that Egypt would send troops to Sirte."),
        },
    )
    events = chronology(corpus).set_index("article_id")
    assert (events.loc["a", "kind"], events.loc["a", "says"]) == ("statement", "military action")
    assert (events.loc["c", "kind"], events.loc["c", "says"]) == ("statement", "military action")
    rec = reconcile(events.reset_index(), corpus.articles)
    assert sorted(zip(rec.article_ids, rec.kind, strict=True)) == [("a;b", "military action"), ("c", "statement")]


def test_two_spellings_of_one_place_are_one_place(tmp_path):
    # Sentences written for this test, naming no actor: the place is all they share, and places.csv gives
    # "Misrata" and "Misurata" one source.
    corpus = _corpus(
        tmp_path,
        {
            "a": ("2016-05-20", "Gunmen attacked a checkpoint near Misrata on Thursday."),
            "b": ("2016-05-20", "A checkpoint near Misurata was attacked on Thursday."),
        },
    )
    rec = reconcile(chronology(corpus), corpus.articles)
    assert list(rec.article_ids) == ["a;b"]


def test_copies_of_one_story_whose_report_names_nothing_are_one_row(tmp_path):
    # Written for this test: the clause names no actor and no place the knowledge base knows.
    text = (
        "Heavy clashes broke out at dawn on Wednesday near the old fish market after a surprise raid by "
        "unidentified gunmen, officials said, in what residents called the worst night in years."
    )
    corpus = _corpus(tmp_path, {"a": ("2019-06-27", text), "b": ("2019-06-27", text + " More to follow.")})
    assert corpus.articles.story_id.nunique() == 1
    rec = reconcile(chronology(corpus), corpus.articles)
    assert (list(rec.article_ids), list(rec.n_stories)) == (["a;b"], [1])


@pytest.mark.parametrize(
    "text, dated",
    [
        ("Forces took the base of the November 17 Battalion on Monday.", ["Monday"]),  # a name, not a date
        ("The militia left the February 17 camp on Monday.", ["Monday"]),
        ("The July 25 agreement was signed in Paris.", ["July 25"]),  # a happening's date
        # a season or a month in a name or as a noun of its own
        ("Libya has been divided since the Arab Spring, the envoy said on Monday.", ["Monday"]),
        ("After the fall of Gharyan on Monday, the front moved north.", ["Monday"]),
        ("Forces regrouped in the fall of 2018.", ["fall of 2018"]),
        ("He called on supporters of February and September to meet on Monday.", ["Monday"]),
        ("The talks resumed at the end of February.", ["February"]),
    ],
)
def test_a_day_in_the_name_of_a_thing_is_not_a_date(tmp_path, text, dated):
    assert list(chronology(one_article(tmp_path, text, "2019-04-05")).expression) == dated


def test_a_headline_dates_the_news_of_an_article_that_dates_nothing(tmp_path):
    # Sentences written for this test. a dates the capture; b's body gives no date, so its headline is the
    # news of its publication day and joins a's row; c's headline tells a happening no text dates: it stays
    # in events.csv and makes no chronology row; d's body dates its happening, so its headline adds nothing.
    corpus = _titled(
        tmp_path,
        {
            "a": ("2020-05-19", "Base falls", "Government forces captured the Watiya air base on Monday."),
            "b": ("2020-05-19", "Government forces capture Watiya air base", "The base lies near the border."),
            "c": ("2020-05-19", "Rebels storm the port of Zuwara", "The port is busy."),
            "d": ("2020-05-19", "Rebels storm Zintan", "Rebels stormed the town of Zintan on Sunday."),
            # a title-case headline the parser reads as one name: the lede tells the news instead
            "e": ("2020-05-19", "Rebels Storm Zuwara Port", "Rebels stormed the port of Zuwara. It is busy."),
        },
    )
    events = chronology(corpus)
    headlines = events[events.expression == ""]
    assert list(zip(headlines.article_id, headlines.section, headlines.reported, strict=True)) == [
        ("b", "title", True),
        ("c", "title", True),
        ("e", "body", True),
    ]
    assert set(headlines.rule) == {"headline (the publication day)"} and set(headlines.date_start) == {"2020-05-19"}
    assert headlines.set_index("article_id").loc["e", "what"] == "Rebels stormed the port of Zuwara"
    rec = reconcile(events, corpus.articles)
    assert sorted(rec.article_ids) == ["a;b", "d"]
    validate("events", events)


def test_a_report_dated_by_its_saying_joins_its_article_in_the_days_before(tmp_path):
    # Sentences written for this test (Thursday is 2015-05-28): neither names an actor or a place the knowledge
    # base knows; the taking told on Friday is the pulling out of Thursday, in the same article
    text = "The militia pulled out of the airport on Thursday. The militants have taken the airport, an official said on Friday."
    corpus = one_article(tmp_path, text, "2015-05-30")
    rec = reconcile(chronology(corpus), corpus.articles)
    assert list(zip(rec.date_start, rec.date_end, strict=True)) == [("2015-05-28", "2015-05-28")]
