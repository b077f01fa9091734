"""When a sentence speaks of: the clues that tell a historical statement from a current one.

A statement of a fact is only outdated if the sentence presents it as current.
"In 2014, allies pledged 2%" is anchored in a time when it held; "then-Chancellor
Olaf Scholz" says so with a word. These helpers read such clues from one
sentence; :mod:`lint.facts.judge` decides with them, preferring silence when
the clues disagree.
"""

from __future__ import annotations

import calendar
import datetime as dt

import regex

from lint.lazy_pattern import LazyPattern

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

#: A point in time: "2014", "June 2024", "June 25, 2025", "25 June 2025", "mid-2023".
_ANCHOR = LazyPattern(
    r"(?P<lead>\b(?:since|from|by|before|after|until|till|through|in|on|of|during|as\s+of)\s+"
    r"(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?)?"
    r"(?:" + _MONTH + r"\s+(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+)?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) +
    r")\.?,?\s+)?"
    r"(?<![\d.,/-])(?P<year>(?:19|20)\d\d)(?![\d%]|\s*(?:%|per\s?cent|percent))", regex.I)

#: Words that place a statement in the past without a date.
_RELATIVE_PAST = LazyPattern(
    r"\b(?:at\s+the\s+time|at\s+that\s+time|back\s+then|in\s+those\s+days|(?:years?|decades?|months?)\s+ago|"
    r"in\s+the\s+past|(?:when|while)\s+(?:\w+\s+){0,3}(?:was|were|came|took|became|served|had|met|left)\b|"
    r"previously|formerly|used\s+to|once\s+(?:was|were|had)|had\s+(?:been|set|agreed|pledged|asked)|"
    r"then-|until\s+(?:his|her|their|its)\s+(?:departure|death|resignation|exit))", regex.I)

#: Words that present a statement as current.
_PRESENT = LazyPattern(
    r"\b(?:is|are|remains?|has|have|says|asks?|requires?|calls\s+for|expects?|holds?|leads?|heads?|"
    r"currently|current|existing|present|now|today|tonight|yesterday|still|this\s+(?:week|month|morning|year)|"
    r"will|plans?|wants?|urges?|insists?|faces?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", regex.I)

#: A finite verb in the past tense (the common irregular ones, and regular -ed forms).
_PAST = LazyPattern(
    r"\b(?:was|were|had|did|said|told|met|went|came|took|made|put|gave|became|left|held|led|won|lost|spoke|"
    r"wrote|ran|saw|sent|brought|thought|kept|found|began|paid|drew|\p{L}{3,}ed)\b", regex.I)

#: Words that present a statement as a prospect, not a claim about the present.
_PROSPECTIVE = LazyPattern(
    r"\b(?:will|would|could|may|might|shall|should|plans?|planned|propos\w*|aims?|seeks?|wants?|hopes?|"
    r"expected|expects?|likely|set\s+to|poised|on\s+track|candidate|designate|elect|if|once|unless|"
    r"debat\w*|discuss\w*|negotiat\w*|push\w*|call(?:s|ed)?\s+for|demand\w*|urg\w*|consider\w*|"
    r"(?:is|are)\s+to|nominat\w*|tipped|favou?rite|frontrunner|front-runner|race|bid)\b", regex.I)


def anchors(sentence: str, as_of: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Past points in time the sentence names, as date ranges (a year is the whole year).

    "since 2014" is not an anchor (it reaches to the present), nor is a year
    after the draft's own ("by 2035").
    """
    out = []
    for m in _ANCHOR.finditer(sentence):
        lead = (m.group("lead") or "").lower()
        if lead.startswith(("since", "from", "by")):
            continue
        year = int(m.group("year"))
        if year > as_of.year:
            continue
        month_name = m.group("month") or m.group("month2")
        day = m.group("day") or m.group("day2")
        try:
            if month_name:
                month = _MONTHS[month_name.lower().rstrip(".")]
                if day:
                    lo = hi = dt.date(year, month, int(day))
                else:
                    lo = dt.date(year, month, 1)
                    hi = dt.date(year, month, calendar.monthrange(year, month)[1])
            else:
                lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        except ValueError:
            continue
        out.append((lo, hi))
    return out


def anchored_within(sentence: str, as_of: dt.date, start: dt.date, end: dt.date | None) -> bool:
    """True if the sentence names a past time at which the window [start, end) held."""
    for lo, hi in anchors(sentence, as_of):
        if hi >= start and (end is None or lo < end):
            return True
    return False


def relative_past(sentence: str) -> bool:
    return bool(_RELATIVE_PAST.search(sentence))


def present(sentence: str) -> bool:
    return bool(_PRESENT.search(sentence))


#: Verbs of reporting: "X told reporters" is news about now, even in the past tense.
_REPORTING_WORDS = (
    r"(?:said|says|told|tells|warned|announced|added|urged|stressed|insisted|claimed|wrote|tweeted|posted|"
    r"argued|noted|declared|stated|explained|asked|replied|responded|pledged|promised|vowed|confirmed|"
    r"denied|criticised|criticized|welcomed|condemned|praised)\b")
_REPORTING = LazyPattern(r"\b" + _REPORTING_WORDS, regex.I)


def reporting(sentence: str) -> bool:
    return bool(_REPORTING.search(sentence))


#: A reporting verb right after a name ("Scholz said", "Scholz, 67, told reporters", "Scholz has said",
#: "Scholz also warned") or right before it ("said Chancellor Scholz").
_SAID_AFTER = LazyPattern(r"^[\p{L}'’.-]*(?:\s*,[^,]{1,40},)?\s+(?:(?:also|has|had|have|then|later|again|"
                          r"repeatedly|publicly|on\s+\p{L}+)\s+){0,2}" + _REPORTING_WORDS, regex.I)
_SAID_BEFORE = LazyPattern(r"\b(?:said|says|told|tells|wrote|added|asked|replied|warned|insisted|declared|"
                           r"according\s+to)\s+$", regex.I)


def reported_by(sentence: str, start: int, end: int) -> bool:
    """True if the person mentioned at [start, end) is the one saying something in the sentence."""
    return bool(_SAID_AFTER.search(sentence[end:end + 80]) or _SAID_BEFORE.search(sentence[max(0, start - 30):start]))


#: An act of office done by the holder, in the passive, just before the title: "appointed by", "signed
#: into law by", "was reversed by". The act needed the office, so the title was right when it was done.
_ACT_OF_OFFICE_BY = LazyPattern(
    r"\b(?:appointed|nominated|named|chosen|picked|tapped|signed(?:\s+into\s+law)?|vetoed|pardoned|commuted|"
    r"reversed|rescinded|revoked|overturned|repealed|ordered|imposed|issued|enacted|established|created|"
    r"launched|introduced|set\s+up|approved|granted|awarded|declared|designated|authori[sz]ed|sanctioned|"
    r"dismissed|fired|sacked|knighted|decorated|commissioned|convened|ratified|promulgated)"
    r"(?:\s+(?:in|on)\s+[\p{L}\p{N} ,]{1,24}?)?\s+by\s+(?:then-?\s*)?$", regex.I)


def act_of_office_by(before: str) -> bool:
    """True if the text just before a title ends with an act of office in the passive ("appointed by")."""
    return bool(_ACT_OF_OFFICE_BY.search(before[-80:]))


def past_only(sentence: str) -> bool:
    """True if the sentence speaks in the past tense with nothing tying it to the present.

    "President Obama put more debt on this country" (said in 2019) recounts his term;
    "Chancellor Olaf Scholz said on Tuesday" is tied to the present by its weekday.
    """
    return bool(_PAST.search(sentence)) and not present(sentence)


def prospective(sentence: str) -> bool:
    return bool(_PROSPECTIVE.search(sentence))


#: Prospects for a person and an office: "expected to become", "candidate", "-elect", "if elected".
_OFFICE_PROSPECT = LazyPattern(
    r"\b(?:(?:will|would|could|may|might|set\s+to|poised\s+to|expected\s+to|likely\s+to|tipped\s+to|hoping\s+to|"
    r"hopes\s+to|aims\s+to|seeks\s+to|wants\s+to|is\s+to|are\s+to|due\s+to)\s+(?:\w+\s+)?(?:become|be\s+(?:named|"
    r"appointed|sworn|elected|confirmed|nominated|installed)|succeed|replace|take\s+(?:over|office)|lead|head)|"
    r"candidate|nominee|nominated|designate|elect|presumptive|in[\s-]+waiting|tipped|favou?rite|frontrunner|"
    r"front-runner|race|bid|if\s+(?:elected|appointed|confirmed|chosen)|"
    # "what kind of president Prabowo will be": the title as what someone will make, not held (heldout-h)
    r"(?:kind|sort|type)\s+of\s+(?:\w+\s+){1,4}(?:will|would|might|could|is\s+going\s+to)\s+(?:be|make)|"
    r"once\s+(?:\w+\s+){0,2}"
    r"(?:takes|became|becomes|is\s+sworn|is\s+appointed|is\s+confirmed|is\s+elected)|propos\w*|hypothetical\w*|"
    r"would-be)\b", regex.I)

#: Words of a change of office or value itself: "resigned on Friday", "was sworn in", "cut rates", "the death of".
_CHANGE = LazyPattern(
    r"\b(?:resign\w*|quit(?:s|ting)?|step(?:s|ped|ping)?\s+down|stood\s+down|stand(?:s|ing)?\s+down|sacked|"
    r"fired|dismiss\w*|ousted|oust\w*|replac\w*|succeed\w*|reshuffl\w*|demot\w*|promot\w*|moved\s+to|"
    r"left\s+(?:office|the\s+government|the\s+cabinet)|leav(?:es|ing)\s+(?:office|the\s+government|the\s+cabinet)|"
    r"depart\w*|handed\s+over|hand(?:s|ing)?\s+over|farewell|last\s+day|outgoing|sworn\s+in|swearing-in|"
    r"appoint\w*|named\s+as|took\s+office|takes\s+office|taking\s+office|inaugurat\w*|"
    r"died|dies|death|funeral|passed\s+away|"
    # "David Lammy, the foreign secretary, becomes deputy prime minister" on the day of a reshuffle (heldout-k)
    r"becom(?:es|ing)|became|moves\s+(?:from|to)|moved\s+from|"
    # the act that ends a term: "upheld the impeachment of President Yoon Suk Yeol on Friday, removing him
    # from office" (dated that Friday), "four days after Prime Minister François Bayrou lost a confidence
    # vote" (heldout-l)
    r"remov(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}from\s+(?:office|power)|impeach\w*|"
    r"lost\s+(?:a|the|his|her|their)\s+(?:no-?\s?)?confidence\s+vote|toppl\w*|"
    r"(?:cut|cuts|raised|raises|lowered|lowers|hiked|hikes|lifted|lifts|reduced|reduces)\s+(?:\w+\s+){0,3}"
    r"(?:rates?|borrowing\s+costs?)\b)\b", regex.I)


def office_prospect(sentence: str) -> bool:
    """True if the sentence speaks of someone's prospect of an office, not of them holding it.

    Narrower than :func:`prospective`: "Meloni said that Rome would support the plan" is a
    statement about Prime Minister Meloni now, not a prospect of her becoming Prime Minister.
    """
    return bool(_OFFICE_PROSPECT.search(sentence))


def about_the_change(sentence: str) -> bool:
    """True if the sentence reports the change itself ("resigned", "was sworn in", "cut rates")."""
    return bool(_CHANGE.search(sentence))


#: Words that describe a term as a whole or place it before another: "led four governments before moving".
_TERM = LazyPattern(r"\b(?:served|led|governed|ran|headed|presided|oversaw|steered|ruled|spent|before|until|"
             r"during|while|under|after|throughout|tenure|term|years?\s+as)\b", regex.I)


def recounts_a_term(sentence: str) -> bool:
    """True if a past-tense sentence describes someone's term rather than today's news."""
    return bool(_TERM.search(sentence))
