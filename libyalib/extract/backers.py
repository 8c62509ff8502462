"""Foreign backers: who is said to back which Libyan party, read from the dependency path between them.

For every pair of a foreign party and a Libyan party in a sentence, the path that joins them in the parse
is a claim of backing when it passes through a cue (``data/cues.csv``: verbs, nouns and participles of
backing, supplying, funding, training, sending forces or weapons, fighting for or alongside) and the shapes
of the path from the cue to each party (:mod:`libyalib.extract.deppath`) give them the roles of backer and backed
(``data/roles.csv``). This is the shortest-dependency-path reading of relations (Bunescu & Mooney, 2005);
every sentence form that reduces to a known shape is read, whatever words surround it.

The stance comes from what governs the cue: a verb of saying (claimed by its subject, alleged when nobody
is named), *according to*, a hedge (*reportedly*), a denial or a negation. Recognition of a government is
kept apart as the stance ``recognition``. Each claim gets the support types its words name, in the
categories of the UCDP External Support Dataset.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp.kb import PLACE, load_kb, member_of
from ..nlp.model import by_sentence, ents_by_sentence, sentence_span, sentences, text_of
from .deppath import INHERIT, NP_MODIFIERS, clause_verb, has_subject, head, shape
from .lexicon import SUPPORT_TYPES, load_lexicon
from .reference import References

COLUMNS = [
    "article_id",
    "published",
    "backer",
    "backer_kind",
    "backed",
    "side",
    "stance",
    "claimed_by",
    "cue",
    "support_type",
    "section",
    "sentence_id",
    "start",
    "end",
    "evidence",
]
STANCES = ("asserted", "claimed by someone", "alleged", "denied", "recognition")
CAMPS = ("haftar_camp", "tripoli_camp", "other")
#: Nouns that make a state's party its mercenaries ("Russian mercenaries").
MERCENARY_NOUNS = {"mercenary", "contractor"}
#: Objects of a denial that point back to what was just said ("Moscow denies this").
ANAPHORA = {"this", "that", "it", "claim", "allegation", "report", "accusation", "charge", "reports", "claims"}
RELATIVE = {"who", "which", "that"}
DETERMINERS_BACK = {"the", "these", "those", "this", "that"}
HYPHENS = ("-", "‐", "–")
#: Nouns for a party's other camp ("Haftar's rivals"), and verbs of forces fighting one ("forces fighting the GNA").
RIVALS = {"rival", "opponent", "enemy", "foe", "adversary"}
FIGHTING = {"fight", "battle", "oppose", "combat"}
#: Nouns of what is done to their possessor ("Gaddafi's ouster").
PATIENT_NOUNS = {"ouster", "overthrow", "toppling", "fall", "downfall", "removal", "defeat", "death", "killing"}
PATIENT_NOUNS |= {"capture", "arrest", "assassination", "isolation"}
ARMY_NOUNS = {"army", "military", "force", "troop", "soldier"}
GOVERNMENT_NOUNS = {"government", "administration", "authority", "authorities", "cabinet"}
RECOGNISED = {"recognise", "recognize", "back", "support", "sponsor", "endorse"}


@dataclass
class Party:
    """An actor in a sentence, at the token that stands for it in the parse."""

    token: object
    span: frozenset  # indices of the tokens of its mention
    actor: str
    kind: str
    foreign: bool  # can be a backer
    side: str  # camp on the article's date ("" when not a Libyan party)


def _np_head(token):
    """The noun a party modifies when that noun stands for it ("Haftar's forces", "forces loyal to X")."""
    lex = load_lexicon()
    forces, aligned = lex.words("forces"), lex.words("aligned")
    t = token
    for _ in range(4):
        head = t.head
        if t.dep_ in NP_MODIFIERS and head.lemma_.lower() in forces:
            t = head
        elif (
            t.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.lower_ in ("of", "from", "to", "with")
            and (head.head.lemma_.lower() in forces or head.head.lemma_.lower() in aligned)
        ):
            t = head.head
            if t.lemma_.lower() in aligned and t.head.lemma_.lower() in forces:
                t = t.head
        else:
            break
    return t


def _recognised(noun) -> bool:
    """Is a government said to be recognised or backed by the UN or the international community ("the
    UN-endorsed Libyan cabinet", "the internationally recognised Libyan administration")?"""
    words = [t for c in noun.children if c.dep_ in ("amod", "compound", "acl") for t in c.subtree]
    backed = any(t.lemma_.lower() in RECOGNISED or t.lower_ in ("recognised", "recognized") for t in words)
    by_whom = {t.lower_ for t in words} & {"un", "u.n.", "internationally", "international", "nations"}
    return backed and bool(by_whom)


def _party(token, span: frozenset, actor: str, kind: str, day: str) -> Party:
    kb = load_kb()
    head = _np_head(token)
    noun = head.lemma_.lower()
    if (
        token.dep_ in ("poss", "compound")
        and head.i == token.head.i
        and kind == "person"
        and member_of(actor)
        and noun in load_lexicon().words("forces")
    ):
        actor = member_of(actor)  # "Haftar's forces" are the LNA (but "forces loyal to Haftar" are his)
        kind = kb.kind(actor) or kind
    if noun in MERCENARY_NOUNS and kind == "state":
        kind = "mercenaries"
    if actor == "Libya" and head.i != token.i:
        # "Libya's military" was the army of the recognised government of its day; "the UN-backed Libyan
        # government", "the internationally recognised Libyan administration" are that government
        dated = "Libyan army" if noun in ARMY_NOUNS else "internationally recognised government"
        if noun in ARMY_NOUNS or (noun in GOVERNMENT_NOUNS and _recognised(head)):
            found = kb.resolve_dated(dated, day)
            actor, kind = (found, kb.kind(found)) if found else (actor, kind)
    country = kb.country(actor)
    foreign = bool(kb.kind(actor)) and country != "Libya" and actor != "Libya"
    side = kb.side(actor, day)
    return Party(token, span, actor, kind, foreign, side if side in CAMPS else "")


def _backer(party: Party) -> tuple[str, str]:
    """A foreign official backs in the name of the state they serve."""
    kb = load_kb()
    if party.kind == "person":
        country = kb.country(party.actor)
        if kb.kind(country) == "state":
            return country, "state"
    return party.actor, party.kind


def _referred(sent, taken: set[int], refs: References, day: str, section: str) -> list[Party]:
    """Parties a pronoun or a description stands for ("his forces", "the general", "their countries"):
    the actor :class:`~libyalib.extract.reference.References` resolves, or every actor of the coordination
    a plural pronoun points back to ("Egypt and Sudan said their countries would ...")."""
    out = []
    for token in sent:
        if token.i in taken:
            continue
        actors = refs.actors(token, section)
        out += [_party(token, frozenset([token.i]), actor, load_kb().kind(actor), day) for actor in actors]
    return out


def _parties(
    doc, sent, ents: list, mentions: list[dict], day: str, history: dict, refs: References, section: str
) -> list[Party]:
    kb = load_kb()
    out = []
    for m in mentions:
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        out.append(_party(span.root, frozenset(t.i for t in span), m["actor"], kb.kind(m["actor"]) or m["kind"], day))
    for ent in ents:  # a foreign capital stands for its state ("Moscow denies", "support from Ankara")
        state = kb.stands_for(ent.ent_id_[len(PLACE) :]) if ent.ent_id_.startswith(PLACE) else ""
        if state:
            out.append(_party(ent.root, frozenset(t.i for t in ent), state, kb.kind(state), day))
    taken = {p.token.i for p in out} | {_np_head(p.token).i for p in out}
    forces = load_lexicon().words("forces")
    for token in sent:  # "the mercenaries", "these experts": the last such forces named with their party
        if (
            token.lemma_.lower() in forces
            and token.i not in taken
            and token.tag_ in ("NNS", "NN")
            and any(c.dep_ == "det" and c.lower_ in DETERMINERS_BACK for c in token.children)
        ):
            for actor, kind in history.get(token.lemma_.lower(), []):
                out.append(_party(token, frozenset([token.i]), actor, kind, day))
    out += _referred(sent, {t for p in out for t in p.span} | {p.token.i for p in out}, refs, day, section)
    return _opponents(out)


def _opponents(parties: list[Party]) -> list[Party]:
    """A party's rivals ("Haftar's rivals", "his opponents") and the forces fighting it ("forces fighting the
    GNA") are the other camp: the noun that names them becomes a party of that camp (and "Haftar's rivals"
    no longer names Haftar)."""
    lex = load_lexicon()
    out = []
    for p in parties:
        rivals = p.token.head if p.token.dep_ in ("poss", "compound", "amod") else None
        fighting = p.token.head if p.token.dep_ == "dobj" else None
        against = None
        if rivals is not None and rivals.lemma_.lower() in RIVALS:
            against = rivals
        elif (
            fighting is not None
            and fighting.lemma_.lower() in FIGHTING
            and fighting.dep_ in ("acl", "relcl")
            and fighting.head.lemma_.lower() in lex.words("forces")
        ):
            against = fighting.head
            out.append(p)
        else:
            out.append(p)
            continue
        other = {"haftar_camp": "tripoli_camp", "tripoli_camp": "haftar_camp"}.get(p.side, "")
        if other:
            out.append(Party(against, frozenset([against.i]), f"opponents of {p.actor}", "armed group", False, other))
    return out


def _remember(parties: list[Party], history: dict) -> None:
    """Forces named with their party in this sentence, for a later "the mercenaries"."""
    named: dict[str, list] = {}
    for p in parties:
        head = _np_head(p.token)
        if head.i != p.token.i:
            named.setdefault(head.lemma_.lower(), []).append((p.actor, p.kind))
    history.update(named)


def _military(cue, backer: Party) -> bool:
    """Joint action backs a side only in a military clause, or when the foreign party is a force."""
    lex = load_lexicon()
    if _np_head(backer.token).lemma_.lower() in lex.words("forces") - {
        "government",
        "administration",
        "cabinet",
        "authority",
        "official",
    }:
        return True
    clause = cue
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return any(t.lemma_.lower() in lex.words("military") for t in clause.subtree)


def _goods_ok(cue) -> bool:
    """A verb of handing over backs only when what it hands over is military or financial."""
    lex = load_lexicon()
    goods = lex.words("goods")
    given = [c for c in cue.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]  # "equipment sent from X"
    given += [
        o for c in cue.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"
    ]
    if cue.dep_ in ("acl", "relcl") and cue.tag_ == "VBN":
        given.append(cue.head)  # "equipment sent from Turkey"
    given += [c for g in list(given) for c in g.conjuncts]
    return any(g.lemma_.lower() in goods for g in given)


def _roles(cue, cls: str, backer: Party, backed: Party) -> bool:
    lex = load_lexicon()
    if cls == "provide" and not _goods_ok(cue):
        return False
    a, b = shape(cue, backer.token, lex, backer.span), shape(cue, backed.token, lex, backed.span)
    if a is None or b is None:
        return False
    ra, rb = lex.role(cls, a), lex.role(cls, b)
    if a == b:
        return False  # one slot of the cue: the parties are coordinated or in one phrase
    if cls == "joint":
        return ra == rb == "partner" and _military(cue, backer)
    return ra == "backer" and rb == "backed"


class _Claimers:
    """Who a stance is attributed to: the actor a token names, through relative pronouns, modifiers and
    documents ("a video the Libyan Express released", "reports from Libya al-Ahrar TV")."""

    def __init__(self, doc, mentions: list[dict]):
        self.doc = doc
        self.by_token = {}
        for m in mentions:
            for token in doc.char_span(m["start"], m["end"], alignment_mode="expand") or []:
                self.by_token[token.i] = m["actor"]

    def actor(self, token, depth: int = 0) -> str:
        if token is None or depth > 4:
            return ""
        if token.i in self.by_token:
            return self.by_token[token.i]
        if token.lower_ in RELATIVE and token.dep_.startswith("nsubj") and token.head.dep_ == "relcl":
            return self.actor(head(token.head), depth + 1)
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i in self.by_token:
                actor = self.by_token[child.i]
                if token.lemma_.lower() in load_lexicon().words("forces") and member_of(actor):
                    return member_of(actor)  # "Haftar's force" speaks for the LNA
                return actor
        lex = load_lexicon()
        if token.lemma_.lower() in lex.words("document"):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and (found := self.actor(obj, depth + 1)):
                            return found
            if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
                return self.actor(_subject(token.head), depth + 1)  # "the Libyan Express released a video"
        if token.dep_ == "appos":
            return self.actor(token.head, depth + 1)
        return ""


def _child(token, deps, words=None):
    for child in token.children:
        if child.dep_ in deps and (words is None or child.lower_ in words):
            return child
    return None


def _subject(verb):
    """Subject of ``verb``, inherited through xcomp/advcl/conj chains, relative clauses and participles."""
    for _ in range(8):
        if verb is None:
            return None
        subject = _child(verb, ("nsubj", "nsubjpass", "csubj"))
        if subject is not None:
            return subject
        if verb.dep_ in ("relcl", "acl"):
            return verb.head
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _stance(cue, claimers: _Claimers) -> tuple[str, str] | None:
    """``(stance, claimed_by)`` from what governs the cue; ``None`` for a question ("whether Russia will") or
    an appeal ("urged Russia to back").

    A verb of saying or denying counts only for what it reports: a cue inside its subject ("The GNA, which
    is supported by Turkey, said ...") is the article's own assertion.
    """
    lex = load_lexicon()
    hedges, report, deny, urge = lex.words("hedge"), lex.words("report"), lex.words("deny"), lex.words("urge")

    def said_by(verb) -> str:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):  # "are accused (by whom?)"
            agent = _child(verb, ("agent",))
            return claimers.actor(_child(agent, ("pobj",))) if agent is not None else ""
        return claimers.actor(_subject(verb))

    token, came_from = cue, None
    while True:
        if any(c.lower_ in hedges for c in token.children if c.dep_ in ("advmod", "amod")):
            return "alleged", ""
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
            return None
        reported = came_from is None or came_from.dep_ not in ("nsubj", "nsubjpass", "csubj")
        if token.pos_ in ("VERB", "AUX") and token.i != cue.i and reported:
            lemma = token.lemma_.lower()
            if lemma in urge and came_from is not None and came_from.dep_ in ("xcomp", "advcl", "ccomp", "pcomp"):
                return None  # "called on his supporters to support Haftar": an appeal, not a claim
            if lemma in deny:
                return "denied", said_by(token)
            if lemma in report:
                who = said_by(token)
                return ("claimed by someone", who) if who else ("alleged", "")
        if token.pos_ in ("VERB", "AUX") and reported and any(c.dep_ == "neg" for c in token.children):
            return "denied", said_by(token)
        according = _child(token, ("prep",), ("according",))
        according = _child(_child(according, ("prep",), ("to",)), ("pobj",)) if according is not None else None
        if according is not None:  # "..., according to a UN panel of experts"
            who = claimers.actor(according)
            return ("claimed by someone", who) if who else ("alleged", "")
        if token.head.i == token.i:
            return "asserted", ""
        token, came_from = token.head, token


def _support_types(cue, other_cues: list, backed: Party) -> str:
    """The support types the claim's words name: the cue itself and its modifiers ("air support",
    "financial backing"), what the verbs of its clause hand over ("supplying drones", "deploying
    mercenaries") and the military action they take ("launched airstrikes"); the clauses of other claims
    and the words of names ("Defence Minister") are left out."""
    lex = load_lexicon()
    clause = cue
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    while clause.dep_ in INHERIT and not has_subject(clause) and clause.head.i != clause.i:
        clause = clause.head  # "jets were sent to support Haftar"
    if clause.dep_ in ("acl", "amod") and clause.tag_ == "VBG" and clause.head.dep_.startswith("nsubj"):
        clause = clause.head.head  # "the UAE aiding the LNA launched an airstrike": the backer acts
    skip = {t.i for other in other_cues if other.i != cue.i and cue not in other.subtree for t in other.subtree}
    handing = lex.words("support") | lex.words("provide") | lex.words("give") | lex.words("fight")
    military, conduct = lex.words("military"), lex.words("conduct")
    named = [cue, *(c for c in cue.children if c.dep_ in ("amod", "compound", "nmod"))]
    named += [c for c in cue.conjuncts if lex.cue_class(c)]  # "armed and financed by the UAE"
    if clause.lemma_.lower() in lex.words("fight"):
        named.append(clause)  # "intervened on behalf of", "fought on the side of"
    if lex.cue_class(cue) == "depend":  # "relied on drones from Turkey": what it relies on
        for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                named += [obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ in ("amod", "compound"))]
    for verb in (t for t in clause.subtree if t.pos_ in ("VERB", "AUX") and t.i not in skip):
        for child in verb.children:
            objects = (
                [child]
                if child.dep_ in ("dobj", "nsubjpass", "dative")
                or (child.dep_ == "nsubj" and child.lemma_.lower() in lex.words("goods"))
                else [o for o in child.children if o.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ == "with"
                else []
            )
            for obj in (o for x in objects for o in [x, *x.conjuncts]):
                lemma = verb.lemma_.lower()
                if lemma in handing or (lemma in conduct and obj.lemma_.lower() in military):
                    named += [obj, *(c for c in obj.children if c.dep_ in ("amod", "compound"))]
                    named += [
                        o
                        for c in obj.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children
                        if o.dep_ == "pobj"
                    ]  # "thousands of Syrian mercenaries"
    skip |= backed.span | {backed.token.i, _np_head(backed.token).i}  # "support the mercenaries", "GNA forces"
    found = {lex.support_type(t) for t in named if t.i not in skip and not (t.ent_type_ and t.i != cue.i)}
    verbs = {cue.i, *(c.i for c in cue.conjuncts)}
    handed = {lex.support_type(t) for t in named if t.i not in skip | verbs} - {"", "unknown"}
    if cue.pos_ == "VERB" and handed:
        found = handed  # what the verbs hand over says the type ("supplying it with drones": weapons)
    return _joined_types(found)


def _joined_types(found: set[str]) -> str:
    """Support types in the order of :data:`SUPPORT_TYPES`, ``;``-joined; "unknown" only when none other is
    named."""
    found = found - {""}
    if len(found) > 1:
        found = found - {"unknown"}
    return ";".join(t for t in SUPPORT_TYPES if t in found) or "unknown"


def _cue_words(cue, backer: Party, backed: Party) -> str:
    """The cue and the prepositions that tie the parties to it ("supported by", "support from")."""
    lex = load_lexicon()
    words = [cue.text]
    for party in sorted((backer, backed), key=lambda p: p.token.i):
        found = shape(cue, party.token, lex, party.span) or ""
        first = found.split(">")[1] if found.startswith(">") else ""
        if first.isalpha() and first not in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "dative",
            "poss",
            "amod",
            "compound",
            "npadvmod",
            "pobj",
            "attr",
        ):
            words.append(first)
    return " ".join(dict.fromkeys(words))


def _in_addition(cue, parties: list[Party]) -> list[Party]:
    """ "In addition to Russia, Haftar has support from Egypt": Russia is a backer too."""
    verb = clause_verb(cue)
    prep = _child(verb, ("prep",), ("in", "besides"))
    if prep is None:
        return []
    target = prep if prep.lower_ == "besides" else _child(_child(prep, ("pobj",)), ("prep",), ("to",))
    obj = _child(target, ("pobj",)) if target is not None else None
    if obj is None or (prep.lower_ == "in" and prep.children and _child(prep, ("pobj",)).lower_ != "addition"):
        return []
    wanted = {obj.i, *(c.i for c in obj.conjuncts)}
    return [p for p in parties if p.token.i in wanted and p.foreign]


def _modifies_another(cue, backed: Party, parties: list[Party]) -> bool:
    """A participle before a noun ("the UN-backed GNA", "the Turkish-backed government") backs that noun's
    party alone, not the ones coordinated with it or in apposition to its phrase ("the UN-backed Sarraj and
    Haftar"), and none when that noun names no party."""
    if cue.dep_ not in ("amod", "compound") or cue.i > cue.head.i:
        return False
    noun = cue.head
    while noun.dep_ == "compound" and noun.head.i > noun.i:  # "UN-backed Prime Minister Sarraj"
        noun = noun.head
    holders = [p for p in parties if p.token.i == noun.i or _np_head(p.token).i == noun.i or noun.i in p.span]
    return backed not in holders  # none: the noun it modifies names no party ("Turkish-backed fighters")


def _patient(party: Party) -> bool:
    """The possessor of what is done to it: "Gaddafi's NATO-backed ouster" backs the ouster, not Gaddafi."""
    return party.token.dep_ == "poss" and party.token.head.lemma_.lower() in PATIENT_NOUNS


def _sentence_claims(sent, parties: list[Party], claimers: _Claimers) -> list[tuple]:
    """``(stance, backer, backed, cue token)`` for every pair of parties joined through a cue."""
    if not any(p.foreign for p in parties) or not any(p.side for p in parties):
        return []  # no pair to join
    lex = load_lexicon()
    cues = [(t, cls) for t in sent if (cls := lex.cue_class(t))]
    if not cues:
        return []
    found = []
    for backer in (p for p in parties if p.foreign):
        for backed in (p for p in parties if p.side and p.actor != backer.actor):
            for cue, cls in cues:
                if cue.i in backer.span or cue.i in backed.span or _modifies_another(cue, backed, parties):
                    continue
                if _patient(backed) or not _roles(cue, cls, backer, backed):
                    continue
                hyphen = backer.token.i == cue.i - 2 and cue.nbor(-1).text in HYPHENS
                stance = ("asserted", "") if hyphen else _stance(cue, claimers)
                if stance is None:
                    break
                if cls == "recognise":
                    stance = ("recognition", stance[1])
                found.append((stance, backer, backed, cue))
                break
    found += _aligned_forces(parties, found, claimers)
    extra = []
    for stance, backer, backed, cue in found:
        for other in _in_addition(cue, parties):
            if other.actor != backer.actor and other.kind == backer.kind:
                extra.append((stance, other, backed, cue))
    return _respectively(sent, parties, found + extra, claimers)


def _coordinations(parties: list[Party]) -> list[list[Party]]:
    """The parties named in one coordination ("Turkey and Russia"), each list in the order they are named."""
    groups: dict[int, list[Party]] = {}
    for party in parties:
        first = min([party.token.i, *(t.i for t in party.token.conjuncts)])
        if all(other.actor != party.actor for other in groups.get(first, [])):
            groups.setdefault(first, []).append(party)
    return [sorted(group, key=lambda p: p.token.i) for group in groups.values() if len(group) > 1]


def _respectively(sent, parties: list[Party], found: list, claimers: _Claimers) -> list[tuple]:
    """ "The GNA and the LNA, armed by Turkey and Russia respectively": the foreign parties coordinated
    at a cue that "respectively" modifies back the Libyan parties coordinated in the sentence in the order
    both are named, whatever the parse attached the cue to; not each the other."""
    lex = load_lexicon()
    groups = _coordinations(parties)
    backed = [g for g in groups if all(p.side for p in g)]
    for cue in (t.head for t in sent if t.lower_ == "respectively"):
        if not lex.cue_class(cue) or len(backed) != 1:
            continue
        at_cue = {t.i for t in cue.subtree}
        backers = [g for g in groups if all(p.foreign and p.token.i in at_cue for p in g)]
        if len(backers) != 1 or len(backers[0]) != len(backed[0]):
            continue
        stance = _stance(cue, claimers)
        if stance is None:
            continue
        named = {p.actor for p in backers[0] + backed[0]}
        found = [c for c in found if c[1].actor not in named or c[2].actor not in named]
        found += [(stance, b, d, cue) for b, d in zip(backers[0], backed[0], strict=True)]
    return found


def _aligned_forces(parties: list[Party], found: list, claimers: _Claimers) -> list[tuple]:
    """A foreign party's forces aligned with a Libyan one ("GNA-aligned Turkish drones", "Russian
    mercenaries loyal to Haftar"): the foreign party backs the Libyan one."""
    lex = load_lexicon()
    forces, aligned = lex.words("forces"), lex.words("aligned")
    done = {(b.actor, d.actor) for _, b, d, _ in found}
    out = []
    for backer in (p for p in parties if p.foreign and p.token.dep_ in ("amod", "compound", "poss", "nmod")):
        noun = backer.token.head
        if noun.lemma_.lower() not in forces:
            continue
        for backed in (p for p in parties if p.side and (backer.actor, p.actor) not in done):
            token = backed.token
            word = token.head if token.dep_ in ("npadvmod", "compound") else None
            if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in ("to", "with"):
                word = token.head.head
            if word is None or word.lemma_.lower() not in aligned or word.head.i != noun.i:
                continue
            stance = _stance(word, claimers)
            if stance is not None:
                out.append((stance, backer, backed, word))
                done.add((backer.actor, backed.actor))
    return out


def _points_back(verb) -> bool:
    """A denial about what was just said: "Moscow denies this", "Russia says this is disinformation"."""
    lex = load_lexicon()
    said = _child(verb, ("dobj", "ccomp", "xcomp"))
    if said is None or said.lower_ in ANAPHORA or said.lemma_.lower() in ANAPHORA:
        return True
    return any(t.lemma_.lower() in lex.words("denial") for t in said.subtree) and any(
        t.lower_ in ANAPHORA for t in said.subtree
    )


def _denials(sent, claimers: _Claimers, found: list, previous: list) -> list[tuple]:
    """A backer named in a claim who denies it: in the same sentence ("a charge Paris denied"), or in the
    next one when the denial points back ("Moscow denies this."; "Russia says this is disinformation")."""
    if not found and not previous:
        return []  # no claim to deny
    lex = load_lexicon()
    out = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or _subject(verb) is None:
            continue
        denial_word = (
            lemma in lex.words("report")
            and _points_back(verb)
            and any(
                t.lemma_.lower() in lex.words("denial") for c in verb.children if c.dep_ == "ccomp" for t in c.subtree
            )
        )
        if lemma not in lex.words("deny") and not denial_word:
            continue
        denier = claimers.actor(_subject(verb)) or _capital(_subject(verb))
        if not denier:
            continue
        same = [(b, d, c) for s, b, d, c in found if s[0] != "denied" and _backer(b)[0] == denier]
        earlier = [(b, d, c) for s, b, d, c in previous if s[0] != "denied" and _backer(b)[0] == denier]
        if same and lemma in lex.words("deny"):
            out += [(("denied", denier), b, d, c, False) for b, d, c in same]
        elif earlier and _points_back(verb):
            out += [(("denied", denier), b, d, c, True) for b, d, c in earlier]
    return out


def _capital(token) -> str:
    kb = load_kb()
    if token is not None and token.ent_id_.startswith(PLACE):
        return kb.stands_for(token.ent_id_[len(PLACE) :])
    return ""


def article_backers(article, title_doc, body_doc, mentions: list[dict]) -> list[dict]:
    """Claims of backing in one article's title ("Turkey arming GNA with armoured vehicles") and body."""
    refs = References(mentions)
    rows = _section_backers(article, "title", title_doc, mentions, refs) if title_doc is not None else []
    rows += _section_backers(article, "body", body_doc, mentions, refs)
    unique: dict[tuple, dict] = {}
    for row in rows:  # one claim per sentence, backer, backed and stance, with every type its cues name
        key = (row["section"], row["sentence_id"], row["backer"], row["backed"], row["stance"])
        kept = unique.setdefault(key, row)
        kept["support_type"] = _joined_types({*kept["support_type"].split(";"), *row["support_type"].split(";")})
    return list(unique.values())


def _section_backers(article, section: str, doc, mentions: list[dict], refs: References) -> list[dict]:
    """Claims of backing in one section of an article, sentence by sentence."""
    kb = load_kb()
    day = article.published
    rows = []
    grouped = by_sentence(mentions, section)
    ents = ents_by_sentence(doc)
    text = text_of(doc)
    history: dict = {}
    previous, previous_start = [], 0
    for sentence_id, sent in enumerate(sentences(doc)):
        in_sentence = grouped.get(sentence_id, [])
        start, end = sentence_span(sent)
        parties = _parties(doc, sent, ents[sentence_id], in_sentence, day, history, refs, section)
        claimers = _Claimers(doc, in_sentence)
        found = _sentence_claims(sent, parties, claimers)
        denials = _denials(sent, claimers, found, previous)
        emitted = [(stance, b, d, c, start) for stance, b, d, c in found]
        emitted += [(stance, b, d, c, previous_start if back else start) for stance, b, d, c, back in denials]
        emitted += _denied_receipt(sent, found, claimers, start)
        other_cues = [c for *_, c, _ in emitted]
        for stance, backer, backed, cue, evidence_start in emitted:
            name, kind = _backer(backer)
            if name == backed.actor or kb.country(name) == "Libya":
                continue
            rows.append(
                {
                    "article_id": article.article_id,
                    "published": day,
                    "backer": name,
                    "backer_kind": kind,
                    "backed": backed.actor,
                    "side": backed.side,
                    "stance": stance[0],
                    "claimed_by": stance[1],
                    "cue": _cue_words(cue, backer, backed),
                    "support_type": _support_types(cue, other_cues, backed),
                    "section": section,
                    "sentence_id": sentence_id,
                    "start": evidence_start,
                    "end": end,
                    "evidence": text[evidence_start:end],
                }
            )
        previous, previous_start = found, start
        _remember(parties, history)
    return rows


def _denied_receipt(sent, found: list, claimers: _Claimers, start: int) -> list[tuple]:
    """ "... despite Haftar's force denying receiving international backing": the backed party denies the
    claims of the same sentence about its side."""
    if not found:
        return []
    lex = load_lexicon()
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in lex.words("deny") or verb.pos_ != "VERB":
            continue
        received = _child(verb, ("xcomp", "dobj", "ccomp", "pcomp"))
        if received is None or received.lemma_.lower() not in lex.words("receive") | {"receive"}:
            continue
        denier = claimers.actor(_subject(verb))
        if not denier:
            continue
        kb = load_kb()
        side = kb.side(denier)
        for stance, backer, backed, cue in found:
            if stance[0] != "denied" and backed.side == side:
                out.append((("denied", denier), backer, backed, cue, start))
    return out
