"""Foreign backers: who is said to back which Libyan actor, read from the dependency parse.

A claim needs a cue (a verb such as *back*, *support*, *arm*, *supply*; *send*, *provide* or *sell* with
arms, troops or support as what is handed over; *fight alongside*; a noun such as *support*, *backing*,
*backer*; or a hyphenated participle such as *UN-backed*), a foreign backer and a Libyan party as the
backed actor. The stance comes from what governs the cue: a verb of saying (claimed by its subject, or
alleged when passive or unattributed), *according to*, a denial or a negation. Recognition of a
government is recorded with stance ``recognition``, never as backing. Hosting talks, meeting, mediating
and urging are not cues.
"""
from __future__ import annotations

import pandas as pd

from .kb import PLACE, load_kb, member_of
from .mentions import article_mentions
from .nlp import iter_docs, sentence_span

COLUMNS = ["article_id", "published", "backer", "backer_kind", "backed", "side", "stance", "claimed_by", "cue",
           "sentence_id", "start", "end", "evidence"]
STANCES = ("asserted", "claimed by someone", "alleged", "denied", "recognition")

VERB_CUES = {"back", "support", "arm", "supply", "fund", "finance", "equip", "train", "sponsor", "bankroll", "assist",
             "invest"}
NOUN_CUES = {"support", "backing", "backer", "sponsor", "sponsorship", "patron", "assistance", "aid", "training",
             "supplier", "funding", "financing"}
PARTICIPLE_CUES = {"backed", "supported", "sponsored", "funded", "armed", "financed", "trained", "equipped"}
RECOGNITION = {"recognise", "recognize", "recognised", "recognized"}
#: Verbs that back someone only when what they hand over is military or financial ("sent drones to the GNA").
PROVIDE = {"send", "deliver", "ship", "transfer", "sell", "provide", "give", "offer", "lend", "dispatch"}
GOODS = {"weapon", "arm", "drone", "troop", "mercenary", "fighter", "adviser", "advisor", "ammunition", "munition",
         "vehicle", "aircraft", "jet", "plane", "helicopter", "missile", "equipment", "tank", "support", "aid",
         "assistance", "money", "fund", "cash", "training", "supply", "backing", "military", "force", "soldier",
         "instructor", "air", "artillery", "rocket", "system"}
#: "fighting alongside Haftar's forces", "mercenaries fighting for the LNA".
FIGHT = {"fight", "battle", "serve"}
FIGHT_FOR = {"alongside", "for", "beside"}
#: "accused France of supporting Haftar": the object of the accusation is the backer.
ACCUSE = {"accuse", "charge", "suspect", "blame"}
#: Objects of a denial that point back to what was just said ("Moscow denies this").
ANAPHORA = {"this", "that", "it", "claim", "allegation", "report", "accusation", "charge"}
#: "forces aligned with the GNA", "troops loyal to Haftar".
ALIGNED = {"align", "aligned", "loyal", "ally", "allied", "affiliate", "affiliated"}
#: Verbs whose subject receives what their object names ("Haftar has support from Egypt").
RECEIVE = {"have", "receive", "get", "enjoy", "win", "seek", "gain", "secure", "need", "accept", "request"}
REPORT = {"claim", "say", "accuse", "report", "insist", "charge", "assert", "tell", "believe", "argue", "suspect"}
DENY = {"deny", "reject", "dismiss", "refute"}
#: Nouns for a leader's organisation: "Sarraj's government", "Haftar's forces".
ORG_NOUNS = {"government", "administration", "force", "forces", "army", "troops", "militia", "militias", "cabinet"}
MERCENARY_NOUNS = {"mercenary", "mercenaries", "contractor", "contractors", "fighters", "fighter"}
RELATIVE = {"who", "which", "that"}
HYPHEN = {"-", "‐", "–"}


class _Sentence:
    """Actor lookup for the tokens of one parsed sentence."""

    def __init__(self, doc, mentions: list[dict]):
        self.doc = doc
        self.by_start = {}
        for m in mentions:
            for token in doc.char_span(m["start"], m["end"], alignment_mode="expand") or []:
                self.by_start[token.i] = m

    def mention(self, token):
        return self.by_start.get(token.i)

    def actor(self, token, depth: int = 0) -> tuple[str, str] | None:
        """``(actor, kind)`` that ``token`` stands for, or ``None``."""
        if token is None or depth > 3:
            return None
        if token.lower_ in RELATIVE and token.dep_.startswith("nsubj"):
            return self.actor(self.antecedent(token), depth + 1)
        m = self.mention(token)
        if m:
            return m["actor"], load_kb().kind(m["actor"]) or m["kind"]
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and (m := self.mention(child)):
                kind = "mercenaries" if lemma in MERCENARY_NOUNS or token.lower_ in MERCENARY_NOUNS else \
                    load_kb().kind(m["actor"]) or m["kind"]
                return m["actor"], kind
        for child in token.children:  # "forces aligned with the GNA", "troops loyal to Haftar"
            if child.dep_ in ("acl", "amod") and child.lemma_.lower() in ALIGNED:
                if (ally := _pobj(child, ("with", "to"))) is not None and (found := self.actor(ally, depth + 1)):
                    return found
        for child in token.children:
            if child.dep_ == "poss" and (found := self.actor(child, depth + 1)):
                if token.lower_ in ORG_NOUNS and member_of(found[0]):
                    organisation = member_of(found[0])
                    return organisation, load_kb().kind(organisation)
                return found
        if token.dep_ == "appos":
            return self.actor(token.head, depth + 1)
        return None

    def antecedent(self, pronoun):
        """The noun a relative pronoun stands for: the nearest noun before it."""
        for token in reversed(self.doc[pronoun.sent.start:pronoun.i]):
            if token.pos_ in ("PROPN", "NOUN"):
                return token
        return None

    def group(self, token) -> list:
        """``token`` and the tokens coordinated with it that name actors of the same kind."""
        tokens = [token]
        first = self.actor(token)
        if token.lower_ in RELATIVE:
            # "Qatar and Turkey who back ...": walk back over coordinated names of the same kind.
            head = self.antecedent(token)
            if head is None or not first:
                return tokens
            tokens, kind = [head], first[1]
            i = head.i - 1
            while i >= token.sent.start:
                t = self.doc[i]
                if t.lower_ in ("and", ",", "as", "well"):
                    i -= 1
                    continue
                m = self.mention(t)
                if m and (load_kb().kind(m["actor"]) or m["kind"]) == kind:
                    tokens.append(t)
                    i = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")[0].i - 1
                    continue
                break
            return tokens
        tokens.extend(t for t in token.conjuncts if t.i > token.i)
        return tokens

    def actors(self, token) -> list[tuple[str, str]]:
        out = []
        for t in self.group(token) if token is not None else []:
            found = self.actor(t)
            if found and found not in out:
                out.append(found)
        return out


def _child(token, deps, words=None):
    for child in token.children:
        if child.dep_ in deps and (words is None or child.lower_ in words):
            return child
    return None


def _pobj(token, preps):
    prep = _child(token, ("prep",), preps)
    return _child(prep, ("pobj", "pcomp")) if prep is not None else None


def _subject(verb):
    """Subject of ``verb``, inherited through xcomp/advcl/conj chains and relative clauses."""
    while verb is not None:
        subject = _child(verb, ("nsubj", "nsubjpass", "csubj"))
        if subject is not None:
            return subject
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _governing_verb(token):
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _stance(cue, sentence: _Sentence) -> tuple[str, str] | None:
    """``(stance, claimed_by)`` from what governs the cue; ``None`` for a question ("whether Russia will").

    A verb of saying or denying counts only for what it reports: a cue inside its subject ("The GNA, which
    is supported by Turkey, said ...") is the article's own assertion.
    """
    if any(c.lower_ in ("allegedly", "reportedly", "alleged", "purportedly") for c in cue.children):
        return "alleged", ""

    def said_by(verb) -> str:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):  # "are accused (by whom?)"
            agent = _child(verb, ("agent",))
            who = sentence.actor(_child(agent, ("pobj",))) if agent is not None else None
        else:
            who = sentence.actor(_subject(verb)) if _subject(verb) is not None else None
        return who[0] if who else ""

    token, came_from = cue, None
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
            return None
        reported = came_from is None or came_from.dep_ not in ("nsubj", "nsubjpass", "csubj")
        if token.pos_ in ("VERB", "AUX") and token.i != cue.i and reported:
            lemma = token.lemma_.lower()
            if lemma in DENY:
                return "denied", said_by(token)
            if lemma in REPORT:
                who = said_by(token)
                return ("claimed by someone", who) if who else ("alleged", "")
            if lemma == "allege":
                return "alleged", ""
        if token.pos_ in ("VERB", "AUX") and reported and any(c.dep_ == "neg" for c in token.children):
            return "denied", said_by(token)
        according = _child(token, ("prep",), ("according",))
        according = _pobj(according, ("to",)) if according is not None else None
        if according is not None:  # "..., according to a UN panel of experts"
            who = sentence.actor(according)
            return ("claimed by someone", who[0]) if who else ("alleged", "")
        if token.head.i == token.i:
            return "asserted", ""
        token, came_from = token.head, token


def _pairs_for(cue, sentence: _Sentence) -> tuple[list, list, str]:
    """Backers, backed actors and the cue words for one cue token."""
    lemma = cue.lemma_.lower()
    # "UN-backed Government", "Turkish-backed forces", "UN-recognised Government"
    if _hyphenated(cue):
        backer_token = cue.nbor(-2)
        backed_token = cue.head if cue.head.i != cue.i else None
        return sentence.actors(backer_token), sentence.actors(backed_token) if backed_token is not None else [], \
            f"{backer_token.text}-{cue.text}"
    if cue.pos_ in ("VERB", "AUX") or (cue.tag_ == "VBN" and lemma in VERB_CUES | RECOGNITION):
        if lemma == "invest":
            backed_token = _pobj(cue, ("in",))
        elif lemma in FIGHT:  # "fighting alongside Haftar's forces"
            backed_token = _pobj(cue, FIGHT_FOR)
        elif cue.dep_ in ("amod", "acl") and cue.tag_ == "VBN":
            backed_token = cue.head  # "forces armed by Turkey"
        else:  # "back the LNA", "supply Haftar with arms", "supplied weapons to the LNA"
            dative = _child(cue, ("dative",))
            candidates = [_child(cue, ("dobj",)), _child(cue, ("nsubjpass",)), _pobj(cue, ("to", "for")), dative,
                          _child(dative, ("pobj",)) if dative is not None else None]
            candidates = [c for c in candidates if c is not None]
            backed_token = next((c for c in candidates if sentence.actors(c)), candidates[0] if candidates else None)
        agent = _child(cue, ("agent",))
        if agent is not None:
            backer_token = _child(agent, ("pobj",))
            if backed_token is None or backed_token.dep_ != "nsubjpass":
                backed_token = _child(cue, ("nsubjpass",)) or backed_token
        elif cue.dep_ == "pcomp" and cue.head.lower_ == "of" and cue.head.head.lemma_.lower() in ACCUSE:
            # "accused France of supporting Haftar", "Qatar is accused of supporting Libya Dawn"
            backer_token = _child(cue.head.head, ("dobj", "nsubjpass"))
        else:
            backer_token = _subject(cue)
        backed = sentence.actors(backed_token) if backed_token is not None else []
        if lemma in RECOGNITION:  # only the government itself, never "Haftar's role"
            backed = [a for a in backed if sentence.mention(backed_token)]
        return sentence.actors(backer_token) if backer_token is not None else [], backed, cue.text
    # noun cues
    backers, backed = [], []
    with_head = cue.head if cue.dep_ == "pobj" and cue.head.lower_ in ("with", "by") else None
    of = _pobj(cue, ("of",))
    if of is None and cue.dep_ == "conj":
        of = _pobj(cue.head, ("of",))
    if with_head is not None:  # "a rebel general with the support of the UAE and Egypt"
        backers += sentence.actors(of) if of is not None else []
        attached = with_head.head
        if attached.pos_ in ("VERB", "AUX"):  # "The LNA advanced with the backing of the UAE"
            attached = _subject(attached)
        backed += sentence.actors(attached) if attached is not None else []
        words = f"{with_head.text} the {cue.text} of"
    else:
        if of is not None:
            backed += sentence.actors(of)
        words = cue.text
    for child in cue.children:
        if child.dep_ in ("poss", "amod", "compound") and (found := sentence.actor(child)):
            backers.append(found)
    source = _pobj(cue, ("from",))
    if source is not None:
        backers += sentence.actors(source)
        words = f"{cue.text} from"
    target = _pobj(cue, ("for", "to"))
    if target is None and cue.dep_ == "dobj":  # "increase military support to the GNA"
        target = _pobj(cue.head, ("for", "to"))
    if target is None:  # "the strongest backer among Western allies for the GNA"
        for token in cue.subtree:
            if token.dep_ == "prep" and token.lower_ in ("for", "to") and (obj := _child(token, ("pobj",))) is not None:
                target = obj
                break
    if target is not None:
        backed += sentence.actors(target)
        words = f"{cue.text} {target.head.text}"
    verb = _governing_verb(cue)
    subject = _subject(verb) if verb is not None else None
    if subject is not None and with_head is None:
        if verb.lemma_.lower() in RECEIVE:
            backed += sentence.actors(subject)
            words = f"{verb.text} {words}"
        elif not backers:
            backers += sentence.actors(subject)
    # "In addition to Russia, Haftar has support from Egypt": Russia backs Haftar too.
    if verb is not None and backers:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                addition = _child(prep, ("pobj",))
                if addition is not None and addition.lower_ == "addition":
                    extra = _pobj(addition, ("to",))
                    backers += sentence.actors(extra) if extra is not None else []
    return backers, backed, words


def _hyphenated(cue) -> bool:
    """"UN-backed", "Turkish-backed", "UN-recognised"."""
    return (cue.lower_ in PARTICIPLE_CUES or cue.lower_ in RECOGNITION) and cue.i >= 2 and cue.nbor(-1).text in HYPHEN


def _is_cue(cue) -> bool:
    lemma, verb = cue.lemma_.lower(), cue.pos_ in ("VERB", "AUX")
    if lemma in PROVIDE and verb:  # only when what is handed over is military or financial
        given = [_child(cue, ("dobj",)), _pobj(cue, ("with",))]
        return any(t is not None and t.lemma_.lower() in GOODS for t in given)
    if lemma in FIGHT and verb:
        return _pobj(cue, FIGHT_FOR) is not None
    return (lemma in VERB_CUES and verb) or (lemma in NOUN_CUES and cue.pos_ == "NOUN") or _hyphenated(cue) or \
        (lemma in RECOGNITION and cue.pos_ == "VERB")


def _capitals_as_subjects(sent, sentence_id: int) -> list[dict]:
    """Foreign capitals standing for their state as the subject of a verb ("Moscow denies", "Paris denied")."""
    kb = load_kb()
    out = []
    for ent in sent.ents:
        state = kb.stands_for(ent.ent_id_[len(PLACE):]) if ent.ent_id_.startswith(PLACE) else ""
        if state and ent.root.dep_ in ("nsubj", "nsubjpass"):
            out.append({"actor": state, "kind": kb.kind(state), "start": ent.start_char, "end": ent.end_char,
                        "sentence_id": sentence_id})
    return out


def _claims(found: list) -> set:
    return {(b, d) for stance, bs, ds, *_ in found if stance[0] != "denied" for b in bs for d in ds}


def _denials_by_backers(sent, sentence: _Sentence, found: list, previous: list, previous_start: int) -> list:
    """A backer named in a claim who denies it: in the same sentence ("a charge Paris denied"), or in the
    next one when the denial points back ("Moscow denies this."); the evidence then starts with the claim."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in DENY or verb.pos_ != "VERB" or _subject(verb) is None:
            continue
        denier = sentence.actor(_subject(verb))
        if not denier:
            continue
        said = _child(verb, ("dobj", "ccomp", "xcomp"))
        points_back = said is None or said.lower_ in ANAPHORA or said.lemma_.lower() in ANAPHORA
        backed, start = [d for b, d in _claims(found) if b[0] == denier[0]], sentence_span(sent)[0]
        if not backed and points_back:
            backed, start = [d for b, d in _claims(previous) if b[0] == denier[0]], previous_start
        if backed:
            out.append((("denied", denier[0]), [denier], backed, verb.text, start))
    return out


def article_backers(article, title_doc, body_doc, mentions: list[dict]) -> list[dict]:
    """Claims of backing in one article's body."""
    kb = load_kb()
    rows = []
    body_mentions = [m for m in mentions if m["section"] == "body"]
    previous, previous_start = [], 0
    for sentence_id, sent in enumerate(body_doc.sents):
        in_sentence = [m for m in body_mentions if m["sentence_id"] == sentence_id]
        in_sentence += _capitals_as_subjects(sent, sentence_id)
        start, end = sentence_span(sent)
        if not in_sentence:
            previous, previous_start = [], start
            continue
        sentence = _Sentence(body_doc, in_sentence)
        found = []  # (stance, backers, backed, cue words, start of the evidence)
        for cue in sent:
            if not _is_cue(cue):
                continue
            # "the UN-backed government" describes; it is the article's own word even inside reported speech
            stance = ("asserted", "") if _hyphenated(cue) else _stance(cue, sentence)
            if stance is None:
                continue
            backers, backed, words = _pairs_for(cue, sentence)
            if cue.lemma_.lower() in RECOGNITION or cue.lower_ in RECOGNITION:
                stance = ("recognition", stance[1])
            found.append((stance, backers, backed, words, start))
        denials = _denials_by_backers(sent, sentence, found, previous, previous_start)
        previous, previous_start = list(found), start
        found += denials
        # A denial that names no backer ("denying receiving international backing") denies the claims made
        # in the same sentence about the same actor.
        claimed = [(b, d) for _, bs, ds, *_ in found for b in bs for d in ds]
        for stance, backers, backed, words, evidence_start in found:
            if stance[0] == "denied" and not backers:
                day = article.published
                backers = [b for b, d in claimed if any(kb.side(d[0], day) == kb.side(x[0], day) for x in backed)]
            for backer, backer_kind in backers:
                for target, _ in backed:
                    if backer == target or kb.actors.country.get(backer, "") == "Libya":
                        continue
                    side = kb.side(target, article.published)
                    if side not in ("haftar_camp", "tripoli_camp", "other"):
                        continue
                    rows.append({
                        "article_id": article.article_id, "published": article.published, "backer": backer,
                        "backer_kind": backer_kind, "backed": target, "side": side, "stance": stance[0],
                        "claimed_by": stance[1], "cue": words, "sentence_id": sentence_id,
                        "start": evidence_start, "end": end, "evidence": body_doc.text[evidence_start:end]})
    unique = {}
    for row in rows:
        unique.setdefault((row["sentence_id"], row["backer"], row["backed"], row["stance"]), row)
    return list(unique.values())


def foreign_backers(corpus) -> pd.DataFrame:
    """One row per claim, in any article of ``corpus``, that a foreign actor backs (or recognises) a Libyan one."""
    rows = []
    for article, title_doc, body_doc in iter_docs(corpus):
        mentions = article_mentions(article.article_id, article.published, title_doc, body_doc)
        rows.extend(article_backers(article, title_doc, body_doc, mentions))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})
