"""What happened: the event a dated expression belongs to, read from the dependency parse.

A dated expression is attached to the word it dates: the noun it modifies ("Thursday's attack", "the April 4
offensive") or the verb of its clause ("forces seized the town on Friday"). That clause is read once, by
role, in the manner of textacy's ``subject_verb_object_triples``: its subject, objects and prepositional
phrases are collected from the parse, and the event word is the most specific word of the clause's core
that ``data/event_words.csv`` knows (the verb, the object of a light verb such as *launch* or *take*, the
subject of an intransitive one such as *began*, or a noun the verb governs), which gives the kind and the
ACLED event type. The subject is who acted (``actor1``); the object, or the object of a preposition, is on
or with whom (``actor2``): the way PETRARCH-style event coders read who did what to whom (Schrodt, 2014).

A verb of saying whose complement reports a happening ("IS has seized the airport, a spokesman said
Friday") dates the report: the happening is the complement, on or before that day (``reported``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from ..nlp.kb import load_kb
from ..paths import DATA
from .deppath import clause_verb, named_auxiliaries

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "dative", "oprd", "attr")
#: Clauses a verb of saying reports.
COMPLEMENT_DEPS = ("ccomp", "parataxis", "xcomp")
#: Modifiers kept when a noun phrase is written out; clauses, appositions and asides are left out.
PHRASE_DEPS = ("det", "amod", "compound", "poss", "nummod", "quantmod", "case", "nmod", "cc", "conj", "predet", "hmod")
#: What a noun phrase is written without when it is named in a description.
CLAUSE_DEPS = ("relcl", "acl", "appos", "advcl", "parataxis", "ccomp", "xcomp", "prep")
HYPHENS = ("-", "–", "‐", "'", "’")
#: Prepositions whose phrase says where, against whom or to what an event happened.
PLACE_PREPS = {"in", "at", "near", "against", "on", "into", "from", "to", "towards", "toward", "around", "outside"}
PLACE_PREPS |= {"inside", "across", "over", "off", "of", "with", "between", "for", "by", "south", "north", "east"}
PLACE_PREPS |= {"west", "within", "along"}
#: Prepositions that make a date the span of a state rather than the time of a happening.
DURATION_PREPS = {"since", "for", "until", "till", "throughout", "through", "over", "from", "between"}
#: Verbs that hold a state over time ("in office since 2014", "has controlled the city since May").
STATIVE = {
    "be",
    "remain",
    "serve",
    "hold",
    "rule",
    "govern",
    "control",
    "head",
    "stay",
    "live",
    "base",
    "have",
    "exist",
}
STATIVE |= {"lead", "run", "occupy", "dominate", "operate", "work", "reign"}
#: Holding an office over time: "has ruled since 2014", "in office since 2016", "president since May".
OFFICE_VERBS = {"rule", "govern", "lead", "head", "reign", "serve", "chair", "preside"}
OFFICE_NOUNS = {"office", "power", "charge", "command", "helm", "president", "leader", "chief", "premier"}
OFFICE_NOUNS |= {"minister", "head", "commander", "speaker", "envoy", "chairman"}
MAX_WORDS = 16
#: Verbs of wanting: what they want has not happened ("we want a truce", "they hope for elections").
DESIRE = {"want", "hope", "wish", "seek", "need", "demand", "intend", "plan", "expect", "aim"}
RELATIVE = {"that", "which", "who", "whom"}
#: Particles the parser may read as prepositions ("driven out of the town", "fought off the attack").
PARTICLE_PREPS = ("out", "off")
DEFINITE = {"the", "this", "that", "these", "those"}


@dataclass(frozen=True)
class EventWord:
    """A word of ``data/event_words.csv``: what kind of happening it names."""

    word: str
    pos: str
    use: str  # event, light (its object or subject names the event) or report (a verb of saying)
    kind: str
    event_type: str
    sub_event_type: str
    strength: int  # the more specific word of a clause wins ("airstrikes killed": an air strike)


@lru_cache(maxsize=1)
def event_words() -> dict[tuple[str, str], EventWord]:
    table = pd.read_csv(DATA / "event_words.csv", keep_default_na=False, dtype=str)
    return {
        (r.word, r.pos): EventWord(r.word, r.pos, r.use, r.kind, r.event_type, r.sub_event_type, int(r.strength))
        for r in table.itertuples()
    }


def _lookup(token) -> EventWord | None:
    """The event word a token is, trying its two-word form first ("air strike", "shoot down")."""
    words = event_words()
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        # a particle, or "out" or "off" parsed as a preposition ("were driven out of Gharyan")
        particles = [
            c.lower_ for c in token.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in PARTICLE_PREPS)
        ]
        for key in [f"{lemma} {p}" for p in particles] + [lemma, token.lower_]:
            if (key, "verb") in words:
                return words[key, "verb"]
        return None
    if token.ent_id_ and load_kb().kind(token.ent_id_) == "military operation":
        return words.get(("operation", "noun"))  # "launched Operation Dignity"
    if token.pos_ in ("NOUN", "PROPN", "ADJ") and (not token.ent_type_ or token.ent_type_ in ("DATE", "TIME")):
        modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
        for key in [f"{m} {lemma}" for m in modifiers] + [lemma, token.lower_]:
            if (key, "noun") in words:
                return words[key, "noun"]
    return None


def names_happening(token) -> bool:
    """Is the word an event word of ``data/event_words.csv`` ("attack", "agreement")?"""
    word = _lookup(token)
    return word is not None and word.use == "event"


@dataclass
class Happening:
    """The clause a dated expression belongs to, read by role."""

    predicate: object  # the verb of the clause (or the event noun the expression modifies)
    word: EventWord | None  # the event word found, None when the clause reports no happening
    subjects: list  # heads of who acted
    objects: list  # heads of on or with whom
    preps: list  # prepositions kept in the description
    reported: bool  # the expression dates the report of the happening
    span: object  # the date expression
    role: str = "event"  # event, background, duration, incumbency, year alone
    speakers: tuple = ()  # heads of who reported it, when ``reported``
    aim: Happening | None = None  # an infinitive of aim's own reading, for a date still to come

    @property
    def kind(self) -> str:
        return self.word.kind if self.word else "other"

    @property
    def says(self) -> str:
        """For a statement, the kind of happening it announces, orders or threatens; else empty."""
        if self.kind != "statement" or self.predicate.pos_ not in ("VERB", "AUX"):
            return ""
        word = _content(self.predicate)
        return word.kind if word is not None else ""

    def what(self) -> str:
        """A short description: subject, predicate, object and the phrases of place or target."""
        date = {t.i for t in self.span} | {c.i for t in self.span for c in t.children if c.dep_ == "case"}
        before = self.span.start - 1
        while (
            before >= 0
            and self.span.doc[before].lower_ in ("mid", "-", "early", "late")
            and before >= self.span.start - 2
        ):
            date.add(before)  # "mid-March", "early April": the part of the month is the date's
            before -= 1
        date |= _dateline(self.predicate.sent)
        if _charge(self.predicate)[0] is not None:
            date.add(self.predicate.head.i)  # "accused Haftar's forces of shelling": "Haftar's forces shelling"
        keep: set[int] = set()
        budget = MAX_WORDS
        p = self.predicate
        lead: set[int] = set()  # a subject shared with a later clause: "After seizing Gharyan, the LNA ..."
        after: set[int] = set()  # subjects after the verb: "..., said Peskov"
        if p.pos_ in ("VERB", "AUX"):
            for s in self.subjects:
                words = phrase(s, date, 10, with_prep=_lookup(s) is not None)
                if s.i > p.i:
                    after |= words
                if s.i > p.i and s.head.i != p.i and s.head.dep_ != "agent":
                    lead |= words
                    continue
                keep |= words
                if s.head.dep_ == "agent":
                    keep.add(s.head.i)  # "was shelled by the LNA"
            keep.add(p.i)
            keep |= {c.i for c in p.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and c.lower_ != "to"}
            for particle in (c for c in _children(p, ("prep",)) if c.lower_ in PARTICLE_PREPS):
                keep.add(particle.i)  # "were driven out of Gharyan"
                for prep in _children(particle, ("prep",)):
                    keep |= {prep.i}.union(*(phrase(o, date, 7) for o in _children(prep, ("pobj",))[:1]))
            for o in self.objects:
                keep |= phrase(o, date, 8)
            keep |= _complement(p, date)
            said = _said(p)
            if said is not None:  # "Sisi warned [Egypt would intervene in Libya]": what was said
                inner = Happening(said, None, *_roles(said), False, self.span)
                speaker = _render(p.doc, _whole_names(p.doc, after - date)) + " " if after else ""
                return speaker + _render(p.doc, _whole_names(p.doc, keep - after - date)) + " " + inner.what()
        else:
            keep |= phrase(p, date, 10, with_prep=True)
        for prep in self.preps:
            if len(keep) >= budget:
                break
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.i not in date]
            if objects:
                keep |= {prep.i} | phrase(objects[0], date, 7)
        rest = _render(p.doc, _whole_names(p.doc, keep - date))
        return f"{_render(p.doc, _whole_names(p.doc, lead - date))} {rest}" if lead else rest


def _complement(verb, date: set[int]) -> set[int]:
    """What completes a verb that says little alone: "agreed [to respect the embargo]", "ordered his forces [to
    attack ships]", "want [the truce to be signed]", "failed [to achieve a breakthrough]", "is [over]", "had
    been [under the control of X]"."""
    deps = ("xcomp", "acomp") + (("ccomp",) if _lookup(verb) is None else ())
    out: set[int] = set()
    for c in _children(verb, deps)[:1]:
        if c.pos_ in ("VERB", "AUX"):
            out |= {c.i} | {x.i for x in c.children if x.dep_ in ("aux", "auxpass", "neg", "prt")}
            for x in _children(c, SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + OBJECT_DEPS)[:2]:
                out |= phrase(x, date, 6)
        else:
            out |= phrase(c, date, 5)
    if not out and verb.lemma_ == "be" and not _children(verb, OBJECT_DEPS + ("advmod",)):
        for prep in _children(verb, ("prep",))[:1]:
            out |= {prep.i}.union(*(phrase(o, date, 6) for o in _children(prep, ("pobj",))[:1]))
    return out - date


def _dateline(sent) -> set[int]:
    """The tokens of a dateline that opens a sentence ("TRIPOLI, September 12, 2016 –", "BENGHAZI (Reuters)
    -"): an upper-case place, then a dash within the first dozen tokens; or a place written in title case
    right before the dash ("Rome - Haftar met ...")."""
    tokens = list(sent)[:12]
    dashes = [t for t in tokens if t.text in ("-", "--", "–", "—")]
    if not tokens or not dashes:
        return set()
    dash = dashes[0]
    upper = tokens[0].is_upper and len(tokens[0].text) >= 3
    place = tokens[0].ent_type_ in ("GPE", "LOC") and all(
        t.ent_type_ == tokens[0].ent_type_ for t in tokens[: dash.i - sent.start]
    )
    if not upper and not (place and 0 < dash.i - sent.start <= 3 and dash.whitespace_):
        return set()
    return set(range(sent.start, dash.i + 1))


def _whole_names(doc, keep: set[int]) -> set[int]:
    """Names are written whole: "the Government of National Accord", not "the Government"."""
    out = set(keep)
    for i in keep:
        token = doc[i]
        if token.ent_iob_ == "O" or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            continue
        j = i
        while doc[j].ent_iob_ == "I" and j > 0:
            j -= 1
        k = i + 1
        while k < len(doc) and doc[k].ent_iob_ == "I":
            k += 1
        out |= set(range(j, k))
    return out


def phrase(head, exclude: set[int], limit: int, with_prep: bool = False) -> set[int]:
    """A noun phrase as written, without its clauses, appositions, asides and prepositional phrases (but
    "of" on the head, "control of the airport", the preposition of an adjective, "forces loyal to X", and
    with ``with_prep`` the head's first one, "an attack on an airbase"); cut to the head and the words
    before it when longer than ``limit`` words."""
    drop = set(exclude)
    first = next((c for c in head.children if c.dep_ == "prep"), None) if with_prep else None
    for t in head.subtree:
        if t.i == head.i or t.i in drop:
            continue
        aside = t.dep_ in CLAUSE_DEPS and t.dep_ != "prep" or (t.dep_ == "punct" and t.text not in HYPHENS)
        kept_prep = t.head.i == head.i and (t.lower_ == "of" or t is first)
        kept_prep = kept_prep or (t.head.dep_ == "amod" and t.head.head.i == head.i)
        if aside or (t.dep_ == "prep" and not kept_prep):
            drop |= {x.i for x in t.subtree}
    keep = {t.i for t in head.subtree} - drop
    if sum(head.doc[i].is_alpha or head.doc[i].like_num for i in keep) > limit:
        keep = {i for i in keep if i <= head.i and head.i - i < limit}
        while keep and min(keep) < head.i and head.doc[min(keep)].dep_ in ("cc", "punct", "case"):
            keep.discard(min(keep))
    return keep


def _render(doc, keep: set[int]) -> str:
    """The kept tokens in text order, with the spaces between neighbours and one space over a gap."""
    parts = []
    last = None
    for i in sorted(keep):
        token = doc[i]
        if last is not None:
            parts.append(doc[last].whitespace_ if last == i - 1 else " ")
        parts.append(token.text)
        last = i
    text = re.sub(r"\s+", " ", "".join(parts)).strip(" ,;:–—-")
    return re.sub(r"\s+([,.;:'’])(?=\s|$)", r"\1", text)


def _children(token, deps) -> list:
    return [c for c in token.children if c.dep_ in deps]


def _place_preps(noun) -> list:
    """The first two prepositions on an event noun that say where or against whom ("the attack on the base
    in Brak")."""
    return [p for p in _children(noun, ("prep",)) if p.lower_ in PLACE_PREPS][:2]


def _core(verb) -> list:
    """The words that can name the event of a verb's clause, most direct first: the verb, its objects (and
    theirs, through "of": "took control of the town"), its subject, and nouns it governs through a
    preposition ("killed in an airstrike"). The subject of a verb of saying is who spoke, not what happened
    ("Operation Volcano of Rage said")."""
    out = [verb]
    for o in _children(verb, OBJECT_DEPS):
        out += [o, *o.conjuncts]
    own = _lookup(verb)
    if own is None or own.use != "report":
        out += _children(verb, SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS)
    for prep in _children(verb, ("prep", "agent")):
        out += [o for o in _children(prep, ("pobj",))]
    return out


def _existential(verb) -> bool:
    """ "There were clashes in Tripoli": "be" with "there" tells that what follows happened."""
    return verb.lemma_.lower() == "be" and any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children)


def _territory(token) -> bool:
    """A place, or a noun of one (town, base, airport): what a light verb's capture takes."""
    if token.ent_id_.startswith("place:"):
        return True
    word = event_words().get((token.lemma_.lower(), "noun"))
    return word is not None and word.use == "territory"


def _result_state(verb) -> bool:
    """Does the verb give its object a state ("has left 75 people dead", "left them homeless": an adjective
    after the object)? It then tells what the happening did; its subject or another word of the clause names
    the happening, the verb only if none does."""
    states = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "ADJ"]
    states += [a for o in _children(verb, ("dobj",)) for a in o.children if a.dep_ == "amod" and a.i > o.i]
    return bool(states)


def _event_word(verb):
    """The event word of a verb's clause and the token that carries it, or ``(None, None)``."""
    found = []
    own = _lookup(verb)
    light = own is not None and own.use == "light"
    resultative = own is not None and own.use == "event" and _result_state(verb)
    core = _core(verb)
    if own is None and verb.lemma_.lower() in STATIVE:
        # "the siege was a crime": a state of an event, not a happening; but "there were clashes" tells them
        core = [c for c in core if c.dep_ in ("attr", "nsubj") and c.pos_ == "NOUN"] if _existential(verb) else []
    for rank, token in enumerate(core):
        word = _lookup(token)
        if light and token.dep_ in OBJECT_DEPS and (word is None or word.use == "territory") and _territory(token):
            word = event_words()[("capture", "verb")]  # "took Gharyan", "gained the airport": a capture
        if word is None or word.use in ("light", "territory", "report") or (resultative and token is verb):
            continue  # a verb of saying names the event only when nothing else does (below)
        if token is not verb and own is not None and not light and not resultative and own.use != "report":
            if word.strength <= own.strength or own.use == "reaction":
                continue  # the verb's own word holds unless a noun is more specific; what a reaction judges is not its act
        found.append((-word.strength, rank, word, token))
    if own is not None and (own.use == "report" or (resultative and not found)):
        found.append((0, 99, own, verb))
    if not found:
        return None, None
    _, _, word, token = min(found, key=lambda f: (f[0], f[1]))
    return word, token


def _said(verb):
    """The clause a verb of saying or a statement verb reports, when it reports no happening."""
    word = _lookup(verb)
    if word is None or word.kind != "statement":
        return None
    return next((c for c in _children(verb, ("ccomp",)) if c.pos_ in ("VERB", "AUX")), None)


def _content(verb):
    """The event word of what a statement speaks of, through up to three clauses: what it says ("said Egypt
    would intervene"), orders or vows ("ordered his forces to advance on Tripoli"), or declares ("declared
    zero hour to liberate Derna"); None when that is no happening or another statement."""
    clause = verb
    for _ in range(3):
        clause = next(
            (
                c
                for c in clause.children
                if c.pos_ in ("VERB", "AUX")
                and (c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and _infinitive(c)))
            ),
            None,
        )
        if clause is None:
            return None
        word, _ = _event_word(clause)
        if word is not None and word.use == "reaction":
            return None  # what a reaction judges is not announced ("rejects the LNA's authority to control")
        if word is not None and word.kind != "statement" and word.use == "event":
            return word
    return None


def _unreal(verb) -> bool:
    """A clause of what would, could or will happen, or of what to do, reports no happening ("warned that
    Egypt would intervene", "urged them to sign")."""
    modals = {"would", "will", "could", "may", "might", "should", "can", "must", "'ll", "to"}
    return verb.lemma_ in DESIRE or any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _reported(verb):
    """The happening a verb of saying reports: its complement clause, or the clause it comments on
    ("IS seized the airport, a spokesman said Friday")."""
    for c in _children(verb, COMPLEMENT_DEPS):
        if c.pos_ in ("VERB", "AUX") and not _unreal(c):
            word, _ = _event_word(c)
            if word is not None and word.use != "report":
                return c
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        word, _ = _event_word(verb.head)
        if word is not None and word.use != "report":
            return verb.head
    return None


def _subjects(verb) -> list:
    """Heads of a verb's subjects, with a name the parser read as its auxiliary ("IS seized the airport")."""
    return named_auxiliaries(verb) + _children(verb, SUBJECT_DEPS)


def _roles(verb) -> tuple[list, list, list]:
    """Subjects, objects and the prepositions of a verb's clause (a passive's agent is its subject)."""
    subjects = _subjects(verb)
    objects = _children(verb, OBJECT_DEPS)
    patients = _children(verb, PASSIVE_SUBJECT_DEPS)
    if verb.dep_ == "relcl":  # "a militia that withdrew": the militia withdrew
        subjects = [verb.head if s.lower_ in RELATIVE else s for s in subjects]
        patients = [verb.head if s.lower_ in RELATIVE else s for s in patients]
    preps = _children(verb, ("prep", "agent"))
    for agent in _children(verb, ("agent",)):
        subjects += _children(agent, ("pobj",))
    if patients:
        objects = patients + objects
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects = [verb.head, *objects]  # "the agreement signed in Skhirat": what was signed
    if not subjects and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        subjects = _subjects(verb.head)  # "forces advanced and took the town"
    above = verb.head.head
    if not subjects and not patients and verb.dep_ == "pcomp" and verb.head.lower_ not in ("of", "for"):
        if verb.head.dep_ == "prep" and above.pos_ in ("VERB", "AUX"):  # "IS claimed the camp after pushing back X"
            subjects = _subjects(above)
    charged = _charge(verb)[1]
    if not subjects and charged is not None:
        subjects = [charged]  # "accused Haftar's forces of shelling the airport": they shelled it
    for o in list(objects):
        preps += _children(o, ("prep",))[:1]
    preps = [p for p in preps if p.lower_ in PLACE_PREPS]
    return subjects, objects, sorted(preps, key=lambda t: t.i)[:2]


def _charge(verb) -> tuple:
    """``(the verb of saying, the party charged)`` when ``verb`` is a gerund a party is charged with ("accused
    Haftar's forces of shelling the airport", "blamed the militia for attacking the camp"), else ``(None,
    None)``."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for"):
        return None, None
    above = verb.head.head
    head, charged = (
        (above.head, above) if above.dep_ == "dobj" else (above, next(iter(_children(above, ("dobj",))), None))
    )
    word = _lookup(head) if head.pos_ in ("VERB", "AUX") else None
    if word is None or word.kind != "statement" or charged is None:
        return None, None
    return head, charged


def _duration(span) -> bool:
    """The expression is the span of a state: "since 2014", "for three years", "until May"."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in DURATION_PREPS:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in ("since", "until", "till", "throughout")


def _in_office(verb) -> bool:
    """Does the clause hold an office over time ("has ruled since 2014", "in office since 2016", "has been
    president since May")? Other states over time are durations."""
    if verb is None:
        return False
    if verb.lemma_.lower() in OFFICE_VERBS:
        return True
    nouns = [o for p in _children(verb, ("prep",)) for o in _children(p, ("pobj",))] + _children(verb, ("attr",))
    return any(n.lemma_.lower() in OFFICE_NOUNS for n in nouns)


def read(span, verb=None) -> Happening:
    """What the clause of the date expression ``span`` reports (or the clause of ``verb``, for the label of a
    line of a dated list), with its role in the chronology."""
    if verb is not None:
        return _at_verb(verb, span)
    root = span.root
    empty = Happening(root, None, [], [], [], False, span, "background")
    noun = root.head if root.dep_ in ("poss", "compound", "nmod", "amod", "nummod") else None
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.i not in {t.i for t in span}:
        if len(span) == 1 and span[0].like_num:  # "the 2011 uprising", "the 2015 constitution": a year naming
            return Happening(noun, None, [], [], [], False, span, "year alone")
        if noun.dep_ == "pobj" and noun.head.lower_ in DURATION_PREPS:
            return Happening(noun, None, [], [], [], False, span, "duration")  # "since Thursday's attack"
        word = _lookup(noun)
        if word is not None and word.use == "event" and not _told_by_verb(noun, word):
            subjects = [c for c in _owners(noun) if c.i not in {t.i for t in span}]
            preps = _place_preps(noun)
            agents = [o for p in preps if p.lower_ == "by" for o in _children(p, ("pobj",))]
            targets = [o for p in preps if p.lower_ != "by" for o in _children(p, ("pobj",))]
            return Happening(noun, word, agents or subjects, targets, preps, False, span)
        root = noun  # "the December 2015 deal's signatories": the clause of the noun
    verb = clause_verb(root)
    if verb.pos_ not in ("VERB", "AUX"):
        return _nominal(root, span) or empty
    verb = _inner_clause(verb, span)
    if _duration(span):
        return Happening(verb, None, [], [], [], False, span, "incumbency" if _in_office(verb) else "duration")
    happening = _at_verb(verb, span)
    noun = _dated_noun(span) if happening.word is None else None
    if noun is not None:  # "the capture of Gharyan on Wednesday was a blow": the verb tells nothing, the noun does
        return _noun_event(noun, _lookup(noun), span)
    return happening


def _dated_noun(span):
    """The event noun a date hangs on through a preposition ("the capture of Gharyan on Wednesday"), or None."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep" or root.head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = root.head.head
    return noun if names_happening(noun) else None


def _told_by_verb(noun, word: EventWord) -> bool:
    """Is an event noun only the frame of a more telling verb ("seized the ports in a Sept. 11 operation",
    "in a speech on Monday, Haftar said ...")? The clause of the verb then says what happened."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
        return False
    verb_word = _lookup(noun.head.head)
    if verb_word is None:
        return False
    if verb_word.use == "report":
        return word.kind == "statement"  # the speech is what the speaker said
    return verb_word.use in ("event", "reaction") and verb_word.strength >= word.strength


def _noun_event(noun, word: EventWord, span) -> Happening:
    """A happening named by a noun: who it is of, and where or against whom."""
    preps = _place_preps(noun)
    targets = [o for p in preps if p.lower_ not in ("by", "with") for o in _children(p, ("pobj",))]
    return Happening(noun, word, _owners(noun), targets, preps, False, span)


def _owners(noun) -> list:
    """Who an event noun is of: its possessor ("Haftar's offensive"), else the subject of the verb it hangs
    on through a preposition ("In a speech on Monday, Haftar said ...")."""
    owners = [c for c in noun.children if c.dep_ in ("poss", "nmod")]
    if not owners and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        owners = _children(noun.head.head, SUBJECT_DEPS)
    return owners


def _nominal(token, span) -> Happening | None:
    """A headline or a caption without a verb: the event noun nearest the expression ("Leon's press
    conference in Skhirat, on Thursday")."""
    inside = {t.i for t in span}
    nouns = [t for t in token.sent if t.i not in inside and (w := _lookup(t)) is not None and w.use == "event"]
    if not nouns:
        return None
    noun = min(nouns, key=lambda t: (abs(t.i - span.start), t.i))
    preps = _place_preps(noun)
    return Happening(noun, _lookup(noun), _owners(noun), [], preps, False, span)


def _inner_clause(verb, span):
    """The verb a trailing date belongs to when the parse hung it on a verb before a clause that stands
    between them: a coordinated clause with its own subject ("X met Y on Thursday, and Z phoned W
    yesterday"), or the clause a verb of saying reports ("told HRW that soldiers attacked the base in Brak,
    on May 18"): the nearest verb of that clause before it (right association)."""
    if span.start < verb.i:
        return verb
    conjoined = [c for c in _children(verb, ("conj",)) if c.i < span.start and _children(c, SUBJECT_DEPS)]
    if conjoined:
        return max(conjoined, key=lambda t: t.i)
    word = _lookup(verb)
    if word is None or word.use != "report":
        return verb
    for complement in (t for t in verb.subtree if t.dep_ == "ccomp" and verb.i < t.i < span.start):
        if _event_word(complement)[0] is not None:
            before = [t for t in complement.subtree if t.pos_ == "VERB" and t.i < span.start]
            return max(before, key=lambda t: t.i) if before else complement
    return verb


def _answered(verb):
    """The happening a reaction answers when it names one by a definite noun, which refers back to it
    ("condemned the attack", "welcomed Haftar's withdrawal", "the offensive was denounced by"); None when it
    judges something else ("rejected the proposal", "condemned an attack": not one told of)."""
    for noun in _roles(verb)[1]:
        word = _lookup(noun)
        definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)
        if word is not None and word.use == "event" and word.kind != "statement" and definite:
            return noun
    return None


def _infinitive(verb) -> bool:
    """A verb with "to" ("to take Tripoli")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _aim_of(verb):
    """The verb whose happening an infinitive of aim belongs to ("launched an offensive to take Tripoli in
    April", "vowed on Monday to take Tripoli": the launch and the vow are dated, the taking is their aim),
    or None."""
    if verb.dep_ not in ("acl", "xcomp", "advcl") or not _infinitive(verb):
        return None
    head = clause_verb(verb.head) if verb.dep_ == "acl" else verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or _event_word(head)[0] is None:
        return None
    return head


def _at_verb(verb, span) -> Happening:
    """The happening of the clause of ``verb``, dated by ``span``: for an infinitive of aim, that of the verb
    it is the aim of, with its own reading kept for a date still to come ("agreed to hold elections next
    spring")."""
    aim = _aim_of(verb)
    if aim is not None:
        return replace(_at_verb(aim, span), aim=_at_clause(verb, span))
    return _at_clause(verb, span)


def _at_clause(verb, span) -> Happening:
    """The happening of the clause of ``verb`` itself (or of the clause it depends on, when it names none)."""
    word, token = _event_word(verb)
    seen = {verb.i}
    while word is None and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and verb.head.i not in seen:
        if verb.dep_ in ("conj", "advcl") and _children(verb, SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS):
            break  # a clause of its own ("..., and Shoukry phoned Le Drian yesterday"): not its head's event
        if verb.head.pos_ not in ("VERB", "AUX"):  # a participle on a noun: "a speech delivered late Monday"
            noun = _lookup(verb.head)
            if verb.dep_ == "acl" and noun is not None and noun.use == "event":
                if _told_by_verb(verb.head, noun):  # "In a statement released on Sunday, the GNA called ..."
                    return _at_verb(verb.head.head.head, span)
                return _noun_event(verb.head, noun, span)
            break
        verb = verb.head
        seen.add(verb.i)
        word, token = _event_word(verb)
    if word is None:
        return Happening(verb, None, [], [], [], False, span, "background")
    if token is not verb and token.dep_ == "pobj" and _lookup(verb) is None:
        return _noun_event(token, word, span)  # "the vote came after talks with X on Saturday"
    if token is not verb and _existential(verb):  # "there were clashes in Tripoli on Monday": the clashes
        happening = _noun_event(token, word, span)
        return replace(happening, preps=(happening.preps + _roles(verb)[2])[:2])
    reported, speakers = False, ()
    if word.use != "report" and verb.dep_ == "ccomp" and _lookup(verb.head) is not None:
        subject = min((t.left_edge.i for t in _children(verb, SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS)), default=verb.i)
        if verb.head.i < span.start and span.end <= subject and _lookup(verb.head).use == "report":
            # "told reporters on Friday [the brigade had reached the port]": the date is the saying's
            reported, speakers = True, tuple(_children(verb.head, SUBJECT_DEPS))
    if word.use == "report":
        complement = _reported(verb)
        noun = verb.head if verb.dep_ in ("acl", "relcl") else None
        noun_word = _lookup(noun) if noun is not None else None
        if complement is not None:
            reported, speakers = True, tuple(_children(verb, SUBJECT_DEPS))
            verb = complement
            word, token = _event_word(verb)
        elif noun_word is not None and noun_word.use == "event":  # "the capture of Sirte, announced on Monday"
            preps = _place_preps(noun)
            targets = [o for p in preps for o in _children(p, ("pobj",))]
            owners = [c for c in noun.children if c.dep_ == "poss"]
            return Happening(
                noun, noun_word, owners, targets, preps, True, span, speakers=tuple(_children(verb, ("agent",)))
            )
    if word.use == "reaction" and token is verb and (answered := _answered(verb)) is not None:
        # "the council condemned the attack on the port on Monday": the attack happened by the day it was judged
        happening = _noun_event(answered, _lookup(answered), span)
        return replace(happening, reported=True, speakers=tuple(_roles(verb)[0]))
    own = _lookup(verb)
    if not reported and own is not None and own.use == "report" and token is not verb and token.dep_ == "dobj":
        # "the council announced on Sunday the transfer of the depot", "declared the capture of the town": what is
        # announced happened on or before the day it was announced
        reported, speakers = True, tuple(_children(verb, SUBJECT_DEPS))
    accuser = _charge(verb)[0]
    if not reported and accuser is not None:  # what a party is accused of happened by the day of the charge
        reported, speakers = True, tuple(_children(accuser, SUBJECT_DEPS))

    subjects, objects, preps = _roles(verb)
    if token is not None and token is not verb and token.pos_ != "VERB" and token in objects and len(objects) == 1:
        preps = preps + [p for p in _children(token, ("prep",)) if p.lower_ in PLACE_PREPS and p not in preps][:1]
    return Happening(verb, word, subjects, objects, preps, reported, span, speakers=speakers)


def headline(doc) -> Happening | None:
    """What a headline reports, with no date of its own ("Turkish-backed forces capture strategic base"): its
    first sentence's main verb, or an event noun heading it ("Brak massacre a war crime"); None when it
    reports no happening, or one to come ("Haftar to meet envoy", "Egypt could intervene")."""
    sent = next((s for s in doc.sents if any(t.is_alpha for t in s)), None)  # not a list number ("1.")
    if sent is None:
        return None
    none = doc[sent.end : sent.end]  # the date is the publication's, outside the text
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):  # "Libya: Sirte liberated from ISIS"
        root = next((c for c in root.children if c.pos_ == "VERB" and _children(c, SUBJECT_DEPS)), root)
    if root.pos_ in ("VERB", "AUX"):
        if _unreal(root):
            return None
        happening = _at_verb(root, none)
    else:
        happening = _noun_event(root, _lookup(root), none) if names_happening(root) else None
    return happening if happening is not None and happening.word is not None else None
