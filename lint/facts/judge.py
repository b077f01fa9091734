"""Judging a statement at the draft's date: outdated, premature, wrong title, or fine.

The rules, in the order they are applied (each one can only silence):

1. A statement inside quotation marks is what someone said; it is never judged.
2. An office title qualified as historical ("then-", "former", "late",
   "one-time") or prospective ("incoming", "future", "-designate") is silent,
   except "former" for someone who holds the office at the draft's date: that
   is a wrong title.
3. A sentence anchored at a past time when the fact held ("In 2014, allies
   pledged 2%", "in February 2022") or marked as past ("at the time", "years
   ago", "previously") is historical and silent.
4. A fact that held at the draft's date is silent.
5. After its window: **outdated**, unless the person now holds another tracked
   office (then **wrong-title**: "Prime Minister Mark Rutte" after July 2024).
   An office that ended with the holder's death is only outdated in a sentence
   that speaks in the present ("Pope Francis says").
6. Before its window: **premature**, unless the sentence speaks of a prospect
   ("will", "expected", "proposal", "candidate") or the record says
   ``premature: false`` (the count was in use before the date, e.g. "EU27").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lint.facts import timeframe
from lint.lazy_pattern import LazyPattern
from lint.facts.loader import KnowledgeBase
from lint.facts.matcher import Mention, context_holds
from lint.facts.model import Fact

OUTDATED, PREMATURE, WRONG_TITLE = "outdated", "premature", "wrong-title"

_QUALIFIER = LazyPattern(
    r"\b(?P<q>(?i:former|ex|then|late|one-?time|erstwhile|previous|past|incoming|future|next|would-be|"
    r"presumptive|designated?|elected|outgoing|acting|caretaker|interim))\b[ \t-]+"
    r"(?:(?:\p{Lu}[\p{L}’']*(?:\.\p{Lu}\.?)?|and|of|the)[ \t]+){0,3}$")
_EXCLUDED_AROUND_COUNT_BEFORE = LazyPattern(r"(?i)\b(?:other|remaining|fellow|rest\s+of\s+the)\s+(?:\w+\s+)?$")
_EXCLUDED_AROUND_COUNT_AFTER = LazyPattern(
    r"(?i)^\W{0,3}(?:other\s+than|except|excluding|apart\s+from|besides|minus|bar|but|not\s+counting|"
    r"out\s+of|outside)\b")

#: How long past the last confirmation of a rate a long-superseded rate is still called outdated.
RATE_GRACE_DAYS = 92

#: How close to a change of office a sentence about the change itself ("resigned on Friday") is news, not error.
CHANGE_DAYS = 31

HISTORICAL = {"former", "ex", "then", "late", "onetime", "one-time", "erstwhile", "previous", "past"}
PROSPECTIVE = {"incoming", "future", "next", "would-be", "presumptive", "designate", "designated", "elected"}


def long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


@dataclass
class Verdict:
    judgement: str
    start: int
    end: int
    fact: Fact
    detail: str
    source: str
    since: dt.date | None = None
    suggestions: list[str] = field(default_factory=list)
    replacement: Fact | None = None


def judge_document(kb: KnowledgeBase, doc, as_of: dt.date) -> list[Verdict]:
    from lint.checks.context import in_quotation

    verdicts: list[Verdict] = []
    seen: set[tuple] = set()
    spans: dict[str, list[tuple[int, int]]] = {}
    # A record's own patterns first, then frames: a statement found both ways is judged once.
    for mention in sorted(kb.scanner.mentions(doc.prose), key=lambda m: (bool(m.via), m.start)):
        fact = mention.fact
        # One verdict per statement: terms of one holder in one office share a span.
        key = (mention.start, mention.end, fact.topic, fact.holder if fact.kind == "office" else fact.id)
        if key in seen:
            continue
        seen.add(key)
        taken = spans.setdefault(fact.topic, [])
        if fact.kind != "office" and any(s < mention.end and mention.start < e for s, e in taken):
            continue
        if in_quotation(doc, mention.start, mention.end):
            continue
        sentence, offset = _sentence(doc, mention.start)
        if mention.via == "frame":
            from lint.facts.frames import confirm

            if not confirm(fact, sentence, mention.start - offset, mention.end - offset):
                continue

        elif mention.via in ("rate", "rate-bound"):
            mention = _rate_at(kb, mention, as_of)
            if mention is None:
                continue
            fact = mention.fact
        elif not context_holds(fact, sentence):
            continue
        if fact.kind == "value" and _superseded(sentence, mention.start - offset):
            continue  # "NATO's old 2% goal", "the previous target of 2%"
        taken.append((mention.start, mention.end))
        if fact.kind == "office":
            verdict = _judge_office(kb, doc, mention, sentence, as_of, mention.start - offset, mention.end - offset)
        else:
            verdict = _judge_statement(kb, doc, mention, sentence, as_of)
            if verdict is not None and mention.via == "rate-bound":
                verdict.suggestions = []  # "above 5%" is not mended by writing a range after "above"
        if verdict is not None:
            verdicts.append(verdict)
    return verdicts


def _sentence(doc, offset: int) -> tuple[str, int]:
    """The sentence around ``offset`` and where it starts in the prose."""
    from lint.checks.context import enclosing_block, sentence_at

    s = sentence_at(doc, offset)
    if s is not None:
        return doc.prose[s.start:s.end], s.start
    block = enclosing_block(doc, offset)
    if block is not None:
        return doc.prose[block.start:block.end], block.start
    start = max(0, offset - 200)
    return doc.prose[start:offset + 200], start


def _superseded(sentence: str, at: int) -> bool:
    from lint.facts.frames import PAST_GOVERNS, SUPERSEDED

    before = sentence[max(0, at - 40):max(0, at)]
    return bool(SUPERSEDED.search(before) or PAST_GOVERNS.search(before))


def _rate_at(kb: KnowledgeBase, mention: Mention, as_of: dt.date) -> Mention | None:
    """Of the records with the rate a draft states, the one to judge it by at the draft's date.

    A rate that held at the date is fine (rates come back: 5.25% may hold twice); otherwise the
    most recent record with that rate before the date (outdated), else the next one (premature).
    Past what the base knows about the bank's current rate, nothing is said.
    """
    from dataclasses import replace

    records = mention.alternatives or (mention.fact,)
    if any(r.holds_on(as_of) for r in records):
        return None
    current = kb.at(mention.fact.topic, as_of)
    if current is None:
        return None
    before = [r for r in records if r.end is not None and r.end <= as_of]
    chosen = max(before, key=lambda r: r.end) if before else min(records, key=lambda r: r.start)
    if current.unknown_on(as_of):
        # Past the last confirmation of the current rate, a rate that was superseded more than one
        # decision before it is still wrong within a quarter (a central bank moves once a meeting);
        # the rate just before the current one could have come back, so that stays silent.
        timeline = kb.by_topic[current.topic]
        previous = timeline[timeline.index(current) - 1] if timeline.index(current) > 0 else None
        if (as_of - current.horizon).days > RATE_GRACE_DAYS or chosen is previous or chosen.start > as_of:
            return None
    return replace(mention, fact=chosen)


def _qualifier(doc, mention: Mention) -> str:
    if mention.qualifier:
        return mention.qualifier
    m = _QUALIFIER.search(doc.text[max(0, mention.start - 60):mention.start])
    if not m:
        return ""
    q = m.group("q").lower()
    return "onetime" if q == "one-time" else q


def _historical(sentence: str, as_of: dt.date, fact: Fact, recounting: bool = True,
                mention: tuple[int, int] | None = None) -> bool:
    """Rule 3: anchored at a time when the fact held, marked as past, or recounting without reporting.

    A past-tense sentence with no tie to the present ("President Obama put more debt on the
    country") recounts history, unless it reports news ("told reporters", "said") or names a
    date at which the fact no longer held ("On 11 December 2025, Chancellor Scholz said").
    Given the ``mention``'s span in the sentence, only the holder's own saying counts as news
    ("Chancellor Scholz said", "said Chancellor Scholz"): a court that "said" Trump's "pressure on
    Vice President Mike Pence" was immune recounts January 2021, it does not report Pence now.
    """
    if timeframe.relative_past(sentence) or timeframe.anchored_within(sentence, as_of, fact.start, fact.end):
        return True
    if not recounting or not timeframe.past_only(sentence) or timeframe.anchors(sentence, as_of):
        return False
    return not (timeframe.reporting(sentence) if mention is None else timeframe.reported_by(sentence, *mention))


# -- offices -------------------------------------------------------------------

def _judge_office(kb: KnowledgeBase, doc, mention: Mention, sentence: str, as_of: dt.date,
                  at: int, end_at: int) -> Verdict | None:
    fact = mention.fact
    terms = [f for f in kb.by_topic[fact.topic] if f.holder == fact.holder]
    current_term = next((t for t in terms if t.holds_on(as_of)), None)
    qualifier = _qualifier(doc, mention)
    title = " ".join(mention.title.split()) or fact.titles[0]
    if current_term is not None and current_term.unknown_on(as_of):
        return None  # past the last confirmation of the current term: nothing can be said
    if qualifier in HISTORICAL:
        if qualifier in ("former", "ex", "onetime", "erstwhile", "previous", "past") and current_term is not None \
                and not _former_then(sentence, as_of, current_term):
            return Verdict(
                WRONG_TITLE, mention.start, mention.end, fact,
                f"'{qualifier}' is wrong: {fact.holder} is {current_term.about} at the draft's date "
                f"({long_date(as_of)}), since {long_date(current_term.start)}.",
                current_term.source, current_term.start, [f"{title} {fact.holder}"], current_term)
        return None
    if qualifier in PROSPECTIVE or current_term is not None:
        return None
    past_terms = [t for t in terms if t.end is not None and t.end <= as_of]
    if not past_terms:
        first = min(terms, key=lambda t: t.start)
        if not first.premature or timeframe.office_prospect(sentence) or timeframe.relative_past(sentence):
            return None
        if timeframe.about_the_change(sentence) and (first.start - as_of).days <= CHANGE_DAYS:
            return None  # "Merz will be sworn in on Tuesday", on the eve of the change
        holder_then = kb.at(fact.topic, as_of)
        then = f"; at the draft's date ({long_date(as_of)}) it is {holder_then.holder}" if holder_then else ""
        return Verdict(
            PREMATURE, mention.start, mention.end, first,
            f"{fact.holder} only became {first.about} on {long_date(first.start)}{then}.",
            first.source, first.start, [f"{_title_for(holder_then, title)} {holder_then.holder}"] if holder_then else [],
            holder_then)
    last = max(past_terms, key=lambda t: t.end)
    other = [o for o in kb.offices_of(fact.holder, as_of) if o.topic != fact.topic and not o.unknown_on(as_of)]
    # Someone in the news under a new title: a past-tense sentence without a date ("Prime Minister Mark
    # Rutte opened the summit", June 2025) is news about now, not a recounting of the old term.
    recounting = not other or timeframe.recounts_a_term(sentence)
    if any(_historical(sentence, as_of, t, recounting=recounting, mention=(at, end_at)) for t in terms):
        return None
    if timeframe.act_of_office_by(sentence[:at]):
        return None  # "a judge appointed by President Barack Obama", "reversed by President Joe Biden"
    if timeframe.about_the_change(sentence) and (as_of - last.end).days <= CHANGE_DAYS:
        return None  # "Deputy Prime Minister Angela Rayner resigned on Friday", on the day of the reshuffle
    if last.ended == "death" and not timeframe.present(sentence):
        return None
    if other:
        now = min(other, key=lambda o: o.start)
        return Verdict(
            WRONG_TITLE, mention.start, mention.end, last,
            f"{fact.holder} left office as {last.about} on {long_date(last.end)}; at the draft's date "
            f"({long_date(as_of)}) {fact.holder} is {now.about} (since {long_date(now.start)}).",
            now.source, now.start, [f"{now.titles[0]} {fact.holder}", f"former {title} {fact.holder}"], now)
    successor = kb.at(fact.topic, as_of)
    if successor is not None and successor.unknown_on(as_of):
        then = (f"{successor.holder} took office on {long_date(successor.start)} "
                f"(last confirmed in office on {long_date(successor.horizon)})")
        suggestions = [f"former {title} {fact.holder}"]
        source = successor.source
    elif successor is not None:
        then = f"{successor.holder} has held it since {long_date(successor.start)}"
        suggestions = [f"{_title_for(successor, title)} {successor.holder}", f"former {title} {fact.holder}"]
        source = successor.source
    else:
        then = "the office was vacant at the draft's date"
        suggestions = [f"former {title} {fact.holder}"]
        source = last.source
    verb = "died in office" if last.ended == "death" else "left office"
    return Verdict(
        OUTDATED, mention.start, mention.end, last,
        f"{fact.holder} {verb} as {last.about} on {long_date(last.end)}; {then}.",
        source, last.end, suggestions, successor)


def _title_for(holder: Fact, written: str) -> str:
    """The title as the draft wrote it if the other holder bears it too ("NATO chief"), else theirs ("Queen")."""
    if written.lower() in (t.lower() for t in holder.titles):
        return written
    return holder.titles[0]


def _former_then(sentence: str, as_of: dt.date, current: Fact) -> bool:
    """"In 2023, former President Trump ...": anchored before the current term began, "former" was right."""
    return timeframe.relative_past(sentence) or timeframe.anchored_within(sentence, as_of, dt.date.min, current.start)


# -- counts and values -------------------------------------------------------------

def _judge_statement(kb: KnowledgeBase, doc, mention: Mention, sentence: str, as_of: dt.date) -> Verdict | None:
    fact = mention.fact
    if fact.holds_on(as_of):
        return None
    if fact.kind == "count" and _excluding(doc, mention):
        return None
    replacement = kb.replacement(fact, as_of)
    if fact.end is not None and as_of >= fact.end:
        # "NATO's 30 members agreed" is a count, wrong whatever the tense: no recounting rule here.
        if _historical(sentence, as_of, fact, recounting=False):
            return None
        if fact.rate is not None and timeframe.about_the_change(sentence) and (as_of - fact.end).days <= CHANGE_DAYS:
            return None
        now = replacement.stated if replacement is not None else fact.now
        # a rate judged past the last confirmation of the current rate (see _rate_at) says so
        unconfirmed = fact.rate is not None and replacement is not None and replacement.unknown_on(as_of)
        if unconfirmed:
            now = f"{now} (last confirmed on {long_date(replacement.horizon)})"
        since = replacement.start if replacement is not None else fact.end
        when = "since then" if since == fact.end else f"since {long_date(since)}"
        detail = (f"{fact.about}: '{fact.stated}' held until {long_date(fact.end)}; "
                  f"{when}: {now or 'it no longer holds'}.")
        source = replacement.source if replacement is not None else fact.source
        norm = _changed_norm(kb, fact, as_of)
        if norm is not None:
            detail += (f" The norm itself changed: since {long_date(norm.start)}, {norm.about} is "
                       f"{norm.stated}.")
            source = f"{source} and {norm.source}"
        return Verdict(OUTDATED, mention.start, mention.end, fact, detail, source, since,
                       [now] if now and not unconfirmed else [], replacement)
    if as_of < fact.start:
        if not fact.premature or timeframe.prospective(sentence) or timeframe.relative_past(sentence):
            return None
        then_fact = kb.at(fact.topic, as_of)
        then = f"; at the draft's date ({long_date(as_of)}) it was {then_fact.stated}" if then_fact else ""
        return Verdict(PREMATURE, mention.start, mention.end, fact,
                       f"{fact.about}: '{fact.stated}' holds only from {long_date(fact.start)}{then}.", fact.source,
                       fact.start, [then_fact.stated] if then_fact else [], then_fact)
    return None


def _changed_norm(kb: KnowledgeBase, fact: Fact, as_of: dt.date) -> Fact | None:
    """For a shortfall against a norm ("Germany misses the 2% target"): the norm at the date, if it is not that share."""
    if not fact.against:
        return None
    norm = kb.at(fact.against, as_of)
    if norm is None or norm.unknown_on(as_of) or norm.percent is None or norm.percent == fact.percent:
        return None
    return norm


def _excluding(doc, mention: Mention) -> bool:
    """"the other 31 allies", "31 allies except Hungary": a count of a subset, not of the body."""
    before = doc.text[max(0, mention.start - 30):mention.start]
    after = doc.text[mention.end:mention.end + 30]
    return bool(_EXCLUDED_AROUND_COUNT_BEFORE.search(before) or _EXCLUDED_AROUND_COUNT_AFTER.search(after))
