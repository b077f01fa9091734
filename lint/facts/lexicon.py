"""The shared vocabulary of fact recognition: how news copy names countries, organisations, targets and values.

One place for the words that frames (:mod:`lint.facts.frames`) and office titles
(:mod:`lint.facts.matcher`) are built from, so a record names *what* it is about
(a topic code, a percentage, a bank) and never repeats the phrasing.

* :data:`PLACES`: a topic's code (``nl`` in ``nl.prime-minister``, ``nato``) → the
  prefixes drafts put before an office title: "Dutch Prime Minister", "the
  Netherlands' Prime Minister", "NATO chief". Country codes are ISO 3166-1
  alpha-2 in lower case (the United Kingdom is ``uk``), organisations by their
  short code.
* :func:`percent`: a percentage in any surface form ("2%", "two percent",
  "2 per cent", "2pc", "2-per-cent").
* Target words (guideline, target, floor, pledge ...), spending verbs (spend,
  allocate, devote, invest ...), words of obligation (must, are supposed to,
  asks ...), and measures of an economy (GDP, economic output, national income).
* :data:`BANKS`: how drafts name central banks, and rate nouns ("Bank Rate",
  "benchmark rate", "borrowing costs").
"""

from __future__ import annotations

#: code → (adjectives, names). Adjectives and names become title prefixes: "{adj} {title}",
#: "{name}'s {title}", "{name} {title}". Keep to forms a news desk writes.
PLACES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # G20 and EU/NATO members
    "al": (("Albanian",), ("Albania",)),
    "ar": (("Argentine", "Argentinian"), ("Argentina",)),
    "at": (("Austrian",), ("Austria",)),
    "au": (("Australian",), ("Australia",)),
    "be": (("Belgian",), ("Belgium",)),
    "bg": (("Bulgarian",), ("Bulgaria",)),
    "br": (("Brazilian",), ("Brazil",)),
    "ca": (("Canadian",), ("Canada",)),
    "cn": (("Chinese",), ("China",)),
    "cy": (("Cypriot",), ("Cyprus",)),
    "cz": (("Czech",), ("Czech Republic", "Czechia")),
    "de": (("German",), ("Germany",)),
    "dk": (("Danish",), ("Denmark",)),
    "ee": (("Estonian",), ("Estonia",)),
    "es": (("Spanish",), ("Spain",)),
    "fi": (("Finnish",), ("Finland",)),
    "fr": (("French",), ("France",)),
    "gr": (("Greek",), ("Greece",)),
    "hr": (("Croatian",), ("Croatia",)),
    "hu": (("Hungarian",), ("Hungary",)),
    "id": (("Indonesian",), ("Indonesia",)),
    "ie": (("Irish",), ("Ireland",)),
    "in": (("Indian",), ("India",)),
    "is": (("Icelandic",), ("Iceland",)),
    "it": (("Italian",), ("Italy",)),
    "jp": (("Japanese",), ("Japan",)),
    "kr": (("South Korean",), ("South Korea",)),
    "lt": (("Lithuanian",), ("Lithuania",)),
    "lu": (("Luxembourgish",), ("Luxembourg",)),
    "lv": (("Latvian",), ("Latvia",)),
    "me": (("Montenegrin",), ("Montenegro",)),
    "mk": (("North Macedonian",), ("North Macedonia",)),
    "mt": (("Maltese",), ("Malta",)),
    "mx": (("Mexican",), ("Mexico",)),
    "nl": (("Dutch",), ("Netherlands", "the Netherlands")),
    "no": (("Norwegian",), ("Norway",)),
    "pl": (("Polish",), ("Poland",)),
    "pt": (("Portuguese",), ("Portugal",)),
    "ro": (("Romanian",), ("Romania",)),
    "ru": (("Russian",), ("Russia",)),
    "sa": (("Saudi",), ("Saudi Arabia",)),
    "se": (("Swedish",), ("Sweden",)),
    "si": (("Slovenian", "Slovene"), ("Slovenia",)),
    "sk": (("Slovak",), ("Slovakia",)),
    "tr": (("Turkish",), ("Turkey", "Türkiye")),
    "ua": (("Ukrainian",), ("Ukraine",)),
    "uk": (("British", "UK", "U.K."), ("Britain", "UK", "U.K.", "United Kingdom")),
    "us": (("US", "U.S.", "American"), ("US", "U.S.", "United States", "America")),
    "za": (("South African",), ("South Africa",)),
    # organisations
    "nato": (("NATO", "alliance"), ("NATO", "the alliance")),
    "eu": (("EU", "European"), ("EU", "the EU")),
    "un": (("UN", "U.N.", "United Nations"), ("UN", "U.N.", "the UN")),
    "imf": (("IMF",), ("IMF", "the IMF")),
    "worldbank": (("World Bank",), ("the World Bank",)),
    "wto": (("WTO",), ("WTO", "the WTO")),
    "who": (("WHO",), ("WHO", "the WHO")),
    "ecb": (("ECB",), ("ECB", "the ECB")),
    "fed": (("Fed", "Federal Reserve"), ("the Fed",)),
    "boe": (("Bank of England", "BoE"), ("the Bank of England",)),
    "boj": (("Bank of Japan", "BoJ"), ("the Bank of Japan",)),
}

#: Words that already make a title specific: a title starting with one gets no prefix.
_QUALIFIED_START = {"deputy", "vice", "shadow", "acting", "interim", "first"}


def title_prefixes(code: str) -> tuple[str, ...]:
    """Prefixes drafts put before a bare office title of this topic code ("Dutch", "the Netherlands'")."""
    adjectives, names = PLACES.get(code, ((), ()))
    out = list(adjectives)
    for name in names:
        out.append(name + ("'" if name.endswith("s") else "'s"))
    return tuple(dict.fromkeys(out))


def bare_titles(titles, prefixes) -> tuple[str, ...]:
    """The titles a prefix can go before: capitalised, not already qualified or prefixed."""
    out = []
    for title in titles:
        first = title.split()[0]
        if not first[:1].isupper() or first.lower() in _QUALIFIED_START:
            continue
        if any(title.lower().startswith(p.lower() + " ") for p in prefixes):
            continue
        out.append(title)
    return tuple(out)


def prefixed_titles(code: str, titles) -> tuple[str, ...]:
    """The record's titles plus each bare title with this code's prefixes ("Prime Minister" → "Dutch Prime Minister")."""
    prefixes = title_prefixes(code)
    out = list(titles)
    known = {t.lower() for t in titles}
    for title in titles:
        first = title.split()[0]
        if not first[:1].isupper() or first.lower() in _QUALIFIED_START:
            continue
        if any(title.lower().startswith(p.lower() + " ") for p in prefixes):
            continue
        for prefix in prefixes:
            form = f"{prefix} {title}"
            if form.lower() not in known:
                known.add(form.lower())
                out.append(form)
    return tuple(out)


_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                 9: "nine", 10: "ten"}
_HALF_WORDS = {1.5: "one and a half", 2.5: "two and a half", 3.5: "three and a half"}

#: The sign or word for "percent" after a number: "%", " per cent", "-percent", "pc".
PERCENT_SIGN = r"(?:\s?%|[\s-]?per[\s-]?cent\b|[\s-]?percent\b|\s?pc\b|\s?p\.c\.)"


def number(value: float) -> str:
    """A number as digits (not part of a longer number: "2" is not in "2.5" or "12") or words."""
    if value == int(value):
        digits = rf"(?<![\d.,]){int(value)}(?:\.0+)?(?![\d]|[.,]\d)"
    else:
        text = f"{value:g}"
        digits = rf"(?<![\d.,]){text.replace('.', r'[.,]')}0*(?![\d]|[.,]\d)"
    words = _NUMBER_WORDS.get(value) if value == int(value) else _HALF_WORDS.get(value)
    return f"(?:{digits}|{words})" if words else f"(?:{digits})"


def percent(value: float) -> str:
    """``value`` percent in any surface form: "2%", "2 %", "two percent", "2 per cent", "2-per-cent", "2pc"."""
    return rf"{number(value)}{PERCENT_SIGN}"


#: Measures of an economy that a spending share is "of".
ECONOMY = (r"(?:GDP|G\.D\.P\.|gross\s+domestic\s+product|GNP|GNI|gross\s+national\s+(?:product|income)|"
           r"(?:national|economic|annual)\s+(?:output|income)|national\s+wealth|(?:its|their)\s+economy|"
           r"the\s+(?:size\s+of\s+(?:the|its|their)\s+)?economy|(?:its|their)\s+economies)")
#: "of GDP", "of their economic output", "of each member's national income".
OF_ECONOMY = (rf"\s+of\s+(?:(?:their|its|national|annual|each\s+\w+['’]s|every\s+\w+['’]s|a\s+country['’]s|"
              rf"the\s+country['’]s)\s+)?(?:own\s+)?{ECONOMY}")

#: Nouns that make a number a norm rather than a measurement.
TARGET_NOUNS = (r"(?:guidelines?|targets?|benchmarks?|goals?|floors?|bar|commitments?|pledges?|thresholds?|"
                r"requirements?|minimum|standards?|yardsticks?|norms?|rule|obligations?|promises?|objectives?|"
                r"quotas?|aims?|marks?|lines?\s+in\s+the\s+sand)")
#: Verbs of spending a share of an economy.
SPEND_VERBS = (r"(?:spend(?:s|ing)?|spent|allocat(?:e|es|ing)|devot(?:e|es|ing)|invest(?:s|ing)?|"
               r"dedicat(?:e|es|ing)|put(?:s|ting)?|commit(?:s|ting)?|earmark(?:s|ing)?|"
               r"set(?:ting)?\s+aside|channel(?:s|ling)?|pay(?:s|ing)?)")
#: Words that make spending an obligation: "must spend", "are supposed to devote", "asks allies to invest".
OBLIGATION = (r"(?:must|should|ought\s+to|(?:have|has|had|need|needs)\s+to|"
              r"(?:are|is|were|was|being)\s+(?:still\s+|now\s+|all\s+|each\s+|already\s+)?(?:supposed|required|expected|obliged|obligated|committed|meant|asked|"
              r"bound|pledged|told)\s+to|asks?|asking|requires?|requiring|calls?\s+on|calling\s+on|urges?|urging|"
              r"obliges?|obliging|expects?|expecting|(?:have|has)\s+(?:agreed|pledged|committed|promised|vowed)\s+to|"
              r"agreed\s+to|pledged\s+to|committed\s+to|promised\s+to|vowed\s+to)")

#: Words that tie a share of GDP to defence.
DEFENCE = r"(?:defen[cs]e|military|militaries|armed\s+forces|armies|army|security|arms|weapons|Bundeswehr)"

#: Generic names for an organisation's members; they name the organisation only beside a defence word.
MEMBER_WORDS = (r"(?:allies|ally|allied\s+(?:countries|nations|governments)|members?|member\s+(?:states|countries|"
                r"nations|governments)|each\s+(?:member|ally|country)|every\s+(?:member|ally|country))")

#: Words that end a clause inside a sentence: a frame's parts must not be split by one.
CLAUSE_BREAK = r"(?:but|while|whereas|although|though|yet|because|however|unlike|instead)"

#: Central banks by code: how drafts name them.
BANKS: dict[str, tuple[str, ...]] = {
    "fed": ("Federal Reserve", "Fed", "FOMC", "Federal Open Market Committee", "US central bank",
            "U.S. central bank", "America's central bank",
            # the rate names its bank
            "federal funds rate", "fed funds rate", "Federal funds rate", "Fed funds rate"),
    "ecb": ("European Central Bank", "ECB", "euro area's central bank", "eurozone's central bank",
            "euro zone's central bank"),
    "boe": ("Bank of England", "BoE", "BOE", "Threadneedle Street", "UK central bank", "Britain's central bank"),
    "boj": ("Bank of Japan", "BoJ", "BOJ", "Japan's central bank"),
}
#: Topic suffixes the policy-rate frame reads: ``fed.policy-rate``, ``ecb.deposit-rate``, ``boe.bank-rate``.
RATE_TOPICS = ("policy-rate", "deposit-rate", "bank-rate")
RATE_NOUNS = (r"(?:(?:interest|policy|base|benchmark|key|bank|deposit|lending|official|headline|"
              r"(?:federal|fed)[\s-]+funds|main\s+refinancing|short-term|overnight)\s+)?(?:interest\s+)?rates?\b|"
              r"Bank\s+Rate|borrowing\s+costs?|deposit\s+facility(?:\s+rate)?|funds\s+rate")
#: Words that present a rate as the current one: "currently", "stands at", "is", "remains".
RATE_PRESENT = (r"(?:currently|presently|now|today|at\s+present|stands?|standing|sits?|sitting|remains?|"
                r"remaining|is|are|'s)")
