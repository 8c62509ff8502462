"""The chronology: every temporal expression of the seeds written down by hand, and rules on our own sentences."""
import pytest

from libyalib.corpus import load_corpus
from libyalib.events import chronology, reconcile
from libyalib.evaluation import EVENT_KEYS as KEYS, expected, score

from conftest import one_article


@pytest.fixture(scope="module")
def events(seeds):
    return chronology(seeds)


def test_seed_expressions_recall_and_no_wrong_day(events):
    # tests/expected/events.csv: every temporal expression in the seed bodies, read paragraph by paragraph,
    # with the interval and the reason. Not dates, and not listed: "a two-year battle", "The one day
    # meeting", "three hours", "for nearly a year" (durations), "as soon as possible", "recently",
    # "in the months before the offensive", "in the nearest future" (vague), and the caption dates
    # "April 12, 2019" and "Aug. 14" (furniture).
    want = expected("events")
    s = score("events", events, want, KEYS)
    assert s.expected == 41
    assert s.recall == 1.0, s.missed
    assert s.precision == 1.0, s.spurious
    days = want[want.precision == "day"]
    for row in days.itertuples():
        found = events[(events.article_id == row.article_id) & (events.expression == row.expression)]
        assert set(found.date_start) <= set(days[(days.article_id == row.article_id) &
                                                 (days.expression == row.expression)].date_start), row


def test_planned_and_precision(events, seeds):
    want = expected("events").set_index(["article_id", "expression", "date_start"]).sort_index()
    for row in events.itertuples():
        key = (row.article_id, row.expression, row.date_start)
        if key in want.index:
            w = want.loc[[key]].iloc[0]
            assert (row.precision, str(row.planned)) == (w.precision, w.planned), key
    bodies = seeds.articles.set_index("article_id").body
    for row in events.itertuples():
        assert bodies[row.article_id][row.start:row.end] == row.expression
        assert row.expression in row.evidence


def test_durations_are_not_dates(events):
    assert not events.expression.str.contains("two-year|one day|three hours|a year", regex=True).any()


def test_paris_meeting_reconciled_across_two_articles(events):
    rec = reconcile(events)
    paris = rec[rec.articles == "000_ac960319aac35454;001_75459518e0dbd6f0"]
    paris = paris[paris.kind == "meeting"]
    # 000 "On July 27" and 001 "in July": the tightest consistent interval is 27 July 2017.
    row = paris[paris.date_start.str.startswith("2017-07")].iloc[0]
    assert (row.date_start, row.date_end, bool(row.disagreement)) == ("2017-07-27", "2017-07-27", False)


def _events(tmp_path, text, published="2017-09-26"):
    rows = chronology(one_article(tmp_path, text, published))
    return [(r.expression, r.date_start, r.date_end, r.precision, r.planned) for r in rows.itertuples()]


# Published Tuesday 2017-09-26.
@pytest.mark.parametrize("text, want", [
    ("They met on Thursday.", [("Thursday", "2017-09-21", "2017-09-21", "day", False)]),
    ("They met on Tuesday.", [("Tuesday", "2017-09-26", "2017-09-26", "day", False)]),
    ("Talks were held last week.", [("last week", "2017-09-18", "2017-09-24", "week", False)]),
    ("Talks were held last month.", [("last month", "2017-08-01", "2017-08-31", "month", False)]),
    ("Talks were held earlier this month.", [("earlier this month", "2017-09-01", "2017-09-25", "month", False)]),
    ("Talks were held last year.", [("last year", "2016-01-01", "2016-12-31", "year", False)]),
    ("Talks were held this summer.", [("this summer", "2017-06-01", "2017-08-31", "season", False)]),
    ("Talks were held in October.", [("October", "2016-10-01", "2016-10-31", "month", False)]),
    ("They hope to sign a final accord before Oct. 20.", [("Oct. 20", "2017-10-20", "2017-10-20", "day", True)]),
    ("Elections will be held in the first half of next year.",
     [("the first half of next year", "2018-01-01", "2018-06-30", "half", True)]),
    ("Elections are planned by spring of 2018.", [("spring of 2018", "2018-03-01", "2018-05-31", "season", True)]),
    ("The offensive began in April 2019.", [("April 2019", "2019-04-01", "2019-04-30", "month", False)]),
    ("The war began in 2014.", [("2014", "2014-01-01", "2014-12-31", "year", False)]),
    ("Fighting broke out in mid-2014.", [("mid-2014", "2014-01-01", "2014-12-31", "year", False)]),
    ("The war raged in 2014-15.", [("2014-15", "2014-01-01", "2015-12-31", "year", False)]),
    ("Talks began in the winter of 2014-15.", [("winter of 2014", "2014-12-01", "2015-02-28", "season", False)]),
    ("The offensive began on the 4th of April.", [("the 4th of April", "2017-04-04", "2017-04-04", "day", False)]),
    ("Two days ago, the LNA advanced.", [("Two days ago", "2017-09-24", "2017-09-24", "day", False)]),
    ("The envoy resigned a month ago.", [("a month ago", "2017-08-01", "2017-08-31", "month", False)]),
    ("Shelling hit Tripoli last night.", [("last night", "2017-09-25", "2017-09-25", "day", False)]),
    ("They met over the weekend.", [("the weekend", "2017-09-23", "2017-09-24", "week", False)]),
    ("They will meet at the weekend.", [("the weekend", "2017-09-30", "2017-10-01", "week", True)]),
    ("The accord dated 17/12/2015 stands.", [("17/12/2015", "2015-12-17", "2015-12-17", "day", False)]),
    # Numbers that are not a calendar day are kept, unresolved, rather than guessed or fatal.
    ("The letter dated 05/08/2017 arrived.", [("05/08/2017", "", "", "day", False)]),
    ("The deal was dated 31 February 2017.", [("31 February 2017", "", "", "day", False)]),
])
def test_relative_expressions_against_the_publication_date(tmp_path, text, want):
    assert _events(tmp_path, text) == want


@pytest.mark.parametrize("text", [
    "The commander, 45, said fighting may resume.",
    "Rebels march on the capital as 300 fighters join them.",
    "They fought a two-year battle and talked for three hours at 10:00.",
    "He said the deal may hold.",
])
def test_not_dates(tmp_path, text):
    assert _events(tmp_path, text) == []


def test_narrative_text_anchors_on_the_nearest_year_and_leaves_weekdays(tmp_path):
    text = ("In 2014, the parliament moved east. On 16 May the operation began. On 13 July fighting spread to "
            "the capital. On Friday the envoys met.")
    got = _events(tmp_path, text, published=None)
    assert got == [("2014", "2014-01-01", "2014-12-31", "year", False),
                   ("16 May", "2014-05-16", "2014-05-16", "day", False),
                   ("13 July", "2014-07-13", "2014-07-13", "day", False),
                   ("Friday", "", "", "day", False)]


@pytest.mark.parametrize("text, kind, location", [
    ("Haftar met the envoy in Tunisia on Monday.", "meeting", "Tunisia"),
    ("Forces overran Tripoli in August.", "military action", "Tripoli"),
    ("The uprising began in 2011.", "military action", ""),
    # "Accord" in a name is not an agreement.
    ("The Government of National Accord was formed in 2016.", "other", ""),
])
def test_kind_and_location(tmp_path, text, kind, location):
    rows = chronology(one_article(tmp_path, text, "2017-09-26"))
    assert (rows.kind.tolist(), rows.location.tolist()) == ([kind], [location])


def test_articles_that_give_different_days_for_one_meeting_disagree(tmp_path):
    (tmp_path / "a.txt").write_text("Paris talks\n\nMacron hosted Haftar and Sarraj in Paris on July 25, 2017.\n")
    (tmp_path / "b.txt").write_text("Paris meeting\n\nMacron hosted a meeting between Haftar and Sarraj in Paris on "
                                    "July 27, 2017.\n")
    (tmp_path / "SOURCES.csv").write_text("file,outlet,url,published,published_precision\n"
                                          "a.txt,,,2017-07-26,day\nb.txt,,,2017-08-25,day\n")
    rec = reconcile(chronology(load_corpus(tmp_path)))
    assert len(rec) == 1
    row = rec.iloc[0]
    assert (row.date_start, row.date_end, bool(row.disagreement), row.articles) == ("2017-07-25", "2017-07-27", True, "a;b")
    assert row.dates_given == "a 2017-07-25..2017-07-25; b 2017-07-27..2017-07-27"
