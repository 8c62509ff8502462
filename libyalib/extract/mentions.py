"""Actor mentions: every named actor in each article's title and body, resolved to a canonical actor."""

from __future__ import annotations

import re

import pandas as pd

from ..nlp.kb import DATED, DEMONYM, PLACE, load_kb
from ..nlp.model import entities, sentence_ids, text_of

COLUMNS = [
    "article_id",
    "section",
    "sentence_id",
    "start",
    "end",
    "text",
    "actor",
    "kind",
    "side",
    "source",
    "form",
    "model",
]
#: Titles and honorifics that do not make a new actor ("Gen Haftar", "Field Marshall Haftar", "Mr Al Sarraj").
TITLE_WORDS = re.compile(
    r"^(?:(?:the|Mr|Mrs|Ms|Dr|Gen|General|Lt|Lieutenant|Col|Colonel|Maj|Major|Brig|Brigadier|Field|Marshal|Marshall|"
    r"Commander|President|Prime|Minister|Foreign|Defence|Defense|Interior|Secretary|Ambassador|Sheikh|Sheik|Emir|"
    r"King|Prince|Crown|Envoy|Special|Chief|Speaker|Deputy|Mayor|Judge|Sen|Senator|Rep|National|Security|Advisor|"
    r"Adviser|Affairs|Office|Ministry)\.?\s+)+"
)
LEADING_THE = re.compile(r"^the\s+", re.I)
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
STATISTICAL_LABELS = {"PERSON": "person", "ORG": "organisation"}
#: Last words of names the statistical model may call organisations that are events or texts, not actors.
#: Last words of names of places and facilities the statistical model may call organisations ("Al-Watiya Air Base").
FACILITY_NAME = re.compile(
    r"\b(?:Base|Airbase|Airport|Port|Harbour|Center|Centre|Hospital|School|Prison|Camp|Hotel|"
    r"Palace|Station|Square|Street|Road|Field|Oilfield|Terminal|Refinery|Complex|University|"
    r"Mosque|Bridge|District|Province|Region)$"
)
EVENT_NAME = re.compile(
    r"\b(?:War|Revolution|Uprising|Crisis|Conflict|Agreement|Accord|Conference|Summit|Process|"
    r"Plan|Roadmap|Dialogue|Offensive|Campaign)$"
)


def _clean(text: str, start: int, titles: bool = True) -> tuple[str, int, int]:
    """Strip leading titles (or, for a knowledge-base name, only "the") and a trailing possessive; return the
    text and its new span. A name such as "General National Congress" keeps its first word."""
    lead = (TITLE_WORDS if titles else LEADING_THE).match(text)
    if lead and lead.end() < len(text):
        text, start = text[lead.end() :], start + lead.end()
    text = POSSESSIVE.sub("", text).rstrip()
    return text, start, start + len(text)


def article_mentions(article_id: str, published: str, title_doc, body_doc, model: str = "") -> list[dict]:
    """Mentions in one article (title first, then body), with the article-level resolution rules."""
    kb = load_kb()
    rows: list[dict] = []
    # Full names met anywhere in the article, for short forms ("Millett", "Khalifa", "Toaldo").
    full_names: dict[str, str] = {}
    for doc in (title_doc, body_doc):
        for ent in entities(doc):
            if ent.label_ == "PERSON":
                actor = (
                    ent.ent_id_
                    if ent.ent_id_ and not ent.ent_id_.startswith((DATED, DEMONYM))
                    else _clean(ent.text, 0)[0]
                )
                name = actor if ent.ent_id_ else _clean(ent.text, 0)[0]
                for part in (
                    {name.split()[0], name.split()[-1], _clean(ent.text, 0)[0].split()[-1]}
                    if len(name.split()) > 1
                    else ()
                ):
                    full_names.setdefault(part, actor)
    acronyms: dict[str, str] = {}
    texts = {"title": text_of(title_doc), "body": text_of(body_doc)}
    for section, doc in (("title", title_doc), ("body", body_doc)):
        sentence_of = sentence_ids(doc)
        previous = None
        for ent in entities(doc):
            entity_id, label = ent.ent_id_, ent.label_
            text, start, end = _clean(ent.text, ent.start_char, titles=not entity_id)
            form, source = "alias", "knowledge base"
            if entity_id.startswith(PLACE):
                continue
            if entity_id.startswith(DATED):
                actor = kb.resolve_dated(entity_id[len(DATED) :], published)
                form = "dated alias"
                if actor is None:
                    continue
            elif entity_id.startswith(DEMONYM):
                actor, form = entity_id[len(DEMONYM) :], "demonym"
            elif entity_id:
                actor = entity_id
                form = "name" if text == actor else "alias"
            elif label in STATISTICAL_LABELS:
                source, form = "statistical NER", "name"
                if (
                    not re.search(r"[A-Z]", text)
                    or len(text) < 2
                    or TITLE_WORDS.fullmatch(ent.text + " ")
                    or EVENT_NAME.search(text)
                    or FACILITY_NAME.search(text)
                    or ent[-1].is_stop
                ):
                    continue  # lower case, a single letter, only titles and offices ("Field Marshall"), an event,
                    # a place or facility, or a fragment ("King of")
                text = re.sub(r"^the\s+", "", text, flags=re.I)
                start = end - len(text)
                if label == "PERSON" and len(text.split()) == 1 and text in full_names:
                    actor, form = full_names[text], "short form"
                elif text in acronyms:
                    actor, form = acronyms[text], "acronym"
                else:
                    actor = text
                    after = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", texts[section][end : end + 14])
                    if label == "ORG" and after:
                        acronyms[after[1]] = actor
            else:
                continue
            kind = kb.kind(actor) or STATISTICAL_LABELS.get(label, "")
            row = {
                "article_id": article_id,
                "section": section,
                "sentence_id": sentence_of[ent.start],
                "start": start,
                "end": end,
                "text": text,
                "actor": actor,
                "kind": kind,
                "side": kb.side(actor, published),
                "source": source,
                "form": form,
                "model": model,
            }
            # "Full Name (ACR)" is one mention.
            if (
                previous
                and previous["actor"] == actor
                and re.fullmatch(r"\s*\(\s*", texts[section][previous["end"] : start])
            ):
                continue
            rows.append(row)
            previous = row
    return rows


def mention_counts(mentions: pd.DataFrame, exclude_forms=("demonym",)) -> pd.DataFrame:
    """Mentions per actor and article (demonyms left out by default), most-mentioned actors first."""
    kept = mentions[~mentions.form.isin(exclude_forms)]
    table = pd.crosstab(kept.actor, kept.article_id)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable")
    return table.loc[order.index]
