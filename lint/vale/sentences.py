"""Sentences as Vale v3.26.0 cuts them, for Vale's ``sentence`` scope.

Vale segments with prose's ``segment`` package (github.com/jdkato/prose/v3), a
Punkt sentence tokenizer (gopkg.in/neurosnap/sentences.v1, itself a port of
NLTK's Punkt) with prose's own rules added: sentence ends inside quotation
marks and brackets (``."``, ``?”``, ``.)``), "Yahoo!" not ending one,
abbreviations with inner periods (``e.g.``, ``U.S.``) and ellipses judged by
the next word. This module is a line-by-line port of the three; the trained
English parameters are neurosnap's ``english.json`` (MIT licence, Eric Bower;
in ``data/punkt-english.json.gz``) with prose's four supervised abbreviations
(``sgt``, ``gov``, ``no``, ``mt``).

Go works on bytes where this works on characters; the three places where that
shows (a one-byte type, the last character of the text, an abbreviation test
that cuts bytes) are reproduced.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_ORTHO_BEG_UC, _ORTHO_MID_UC, _ORTHO_UNK_UC = 1 << 1, 1 << 2, 1 << 3
_ORTHO_BEG_LC, _ORTHO_MID_LC, _ORTHO_UNK_LC = 1 << 4, 1 << 5, 1 << 6
_ORTHO_UC = _ORTHO_BEG_UC + _ORTHO_MID_UC + _ORTHO_UNK_UC
_ORTHO_LC = _ORTHO_BEG_LC + _ORTHO_MID_LC + _ORTHO_UNK_LC

_PUNCTUATION = set(";:,.!?；：，。！？")
_END_PUNCT = set(".!?。！？")
_CJK_PUNCT = set("。；！？")

_ELLIPSIS = re.compile(r"\.\.+\Z")
_NUMERIC = re.compile(r"-?[.,]?\d[\d,.\-]*\.?\Z")
_INITIAL = re.compile(r"\A[A-Za-z]\.\Z")
_ABBR = re.compile(r"((?:[A-Za-z0-9_]\.)+[A-Za-z0-9_]*\.)")
_LOOKS_LIKE_ELLIPSIS = re.compile(r"(?:\.\s?){2,}\.")

#: prose's sentence enders (a token ending so ends a sentence) and inner breaks (one holding it does).
_ENDERS = ('."', ".)", ".’", ".”", "?", '?"', "?'", "?)", "?’", "?”", "!", '!"', "!'", "!)", "!’", "!”")
_INNER = ('.[', '.(', '."', "?[", "?(", "![", "!(")
_INTERNAL = (")", "’", "”", '"', "'")
_SUPERVISED_ABBREVS = ("sgt", "gov", "no", "mt")


@dataclass
class _Token:
    tok: str
    position: int  # where the text after the token starts (character index)
    sent_break: bool = False
    abbr: bool = False


@dataclass
class _Storage:
    abbrev_types: set
    collocations: set
    sent_starters: set
    ortho_context: dict


@lru_cache(maxsize=1)
def _storage() -> _Storage:
    path = Path(__file__).resolve().parent / "data" / "punkt-english.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    abbrevs = {k for k, v in data["AbbrevTypes"].items() if v}
    abbrevs.update(_SUPERVISED_ABBREVS)
    return _Storage(abbrevs, {k for k, v in data["Collocations"].items() if v},
                    {k for k, v in data["SentStarters"].items() if v}, data["OrthoContext"])


def _utf8_len(s: str) -> int:
    return len(s.encode("utf-8"))


def _tokenize(text: str) -> list[_Token]:
    """neurosnap's ``Tokenize(text, onlyPeriodContext=true)``: the whitespace-separated words that
    hold sentence punctuation, and each word right after one."""
    n = len(text)
    if n == 0:
        return []
    tokens: list[_Token] = []
    last_space = 0
    get_next = False
    for i, ch in enumerate(text):
        # Go compares the byte index of a character with the byte length - 1: only a final ASCII
        # character counts as the end.
        at_end = i == n - 1 and ord(ch) < 0x80
        cjk = ch in _CJK_PUNCT
        if not ch.isspace() and not cjk and not at_end:
            continue
        cursor = n if at_end else i + 1 if cjk else i
        word = text[last_space:cursor].strip()
        if not word:
            continue
        has_punct = any(c in _END_PUNCT for c in word)
        if not has_punct and not get_next:
            last_space = cursor
            continue
        tokens.append(_Token(word, cursor))
        last_space = cursor
        get_next = has_punct
    if not tokens:
        tokens.append(_Token(text, n))
    return tokens


def _type(t: _Token) -> str:
    typ = _NUMERIC.sub("##number##", t.tok.lower(), count=1)
    if _utf8_len(typ) == 1:
        return typ
    return typ.replace(",", "")


def _type_no_period(t: _Token) -> str:
    typ = _type(t)
    if _utf8_len(typ) > 1 and typ.endswith("."):
        return typ[:-1]
    return typ


def _type_no_sent_period(t: _Token) -> str:
    return _type_no_period(t) if t.sent_break else _type(t)


def _first_upper(t: _Token) -> bool:
    return bool(t.tok) and t.tok[0].isupper()


def _first_lower(t: _Token) -> bool:
    return bool(t.tok) and t.tok[0].islower()


def _has_period_final(t: _Token) -> bool:
    return t.tok.endswith(".") or t.tok.endswith("。")


def _has_sent_end_chars(t: _Token) -> bool:
    """prose's override: ``Yahoo!`` is a name, not a sentence end."""
    if any(t.tok.endswith(e) for e in _ENDERS) and "Yahoo!" not in t.tok:
        return True
    return any(p in t.tok for p in _INNER)


def _ortho_heuristic(st: _Storage, t: _Token | None) -> int:
    """1: the token starts a sentence; 0: it does not; -1: unknown."""
    if t is None or t.tok in _PUNCTUATION:
        return 0
    ctx = st.ortho_context.get(_type_no_sent_period(t), 0)
    if _first_upper(t) and ctx & _ORTHO_LC and not ctx & _ORTHO_MID_UC:
        return 1
    if _first_lower(t) and (ctx & _ORTHO_UC or not ctx & _ORTHO_BEG_LC):
        return 0
    return -1


def _type_annotation(st: _Storage, t: _Token) -> None:
    if _has_sent_end_chars(t):
        t.sent_break = True
    elif _has_period_final(t) and not t.tok.endswith(".."):
        # Go cuts ``len(runes) - 1`` *bytes* here.
        raw = t.tok.encode("utf-8")[:len(t.tok) - 1]
        no_period = raw.decode("utf-8", "replace").lower()
        last = no_period.split("-")[-1]
        if no_period in st.abbrev_types or last in st.abbrev_types:
            t.abbr = True
        else:
            t.sent_break = True


def _token_annotation(st: _Storage, one: _Token, two: _Token | None) -> None:
    if two is None or not _has_period_final(one):
        return
    typ = _type_no_period(one)
    next_typ = _type_no_sent_period(two)
    initial = bool(_INITIAL.search(one.tok))
    if f"{typ},{next_typ}" in st.collocations:
        one.sent_break, one.abbr = False, True
        return
    if (one.abbr or _ELLIPSIS.search(one.tok)) and not initial:
        if _ortho_heuristic(st, two) == 1:
            one.sent_break = True
            return
        if _first_upper(two) and next_typ in st.sent_starters:
            one.sent_break = True
            return
    if one.tok == "." and two.tok == ".":
        one.sent_break = two.sent_break = False
        return
    if initial or typ == "##number##":
        starter = _ortho_heuristic(st, two)
        if starter == 0:
            one.sent_break, one.abbr = False, True
            return
        if starter == -1 and initial and _first_upper(two) and not st.ortho_context.get(next_typ, 0) & _ORTHO_LC:
            one.sent_break, one.abbr = False, True


def _multi_punct_annotation(st: _Storage, one: _Token, two: _Token) -> None:
    """prose's ``multiPunctWordAnnotation``: ellipses, breaks inside quotes/brackets, ``e.g.``."""
    next_typ = ""
    if one.tok.endswith(".") and two.tok == ".":
        one.sent_break = two.sent_break = False
        return
    non_break = one.tok.endswith(".") and not one.sent_break
    ellipsis = bool(_LOOKS_LIKE_ELLIPSIS.search(one.tok))
    internal = one.sent_break and one.tok.endswith(_INTERNAL)
    if non_break or ellipsis or internal:
        next_typ = _type_no_sent_period(two)
        starter = next_typ in st.sent_starters
        if ellipsis and (_first_upper(two) or starter):
            one.sent_break = True
            return
        if internal and _first_lower(two) and not starter:
            one.sent_break = False
            return
        if non_break and _first_upper(two) and st.ortho_context.get(next_typ, 0) & _ORTHO_LC:
            one.sent_break = True
    if not _ABBR.search(one.tok):
        return
    if _INITIAL.search(one.tok):
        return
    one.abbr, one.sent_break = True, False
    if _ortho_heuristic(st, two) == 1:
        one.sent_break = True
        return
    if not next_typ:
        next_typ = _type_no_sent_period(two)
    if _first_upper(two) and next_typ in st.sent_starters:
        one.sent_break = True


def _pairs(tokens: list[_Token]):
    for i, t in enumerate(tokens):
        yield t, tokens[i + 1] if i + 1 < len(tokens) else None


def segment(text: str) -> list[str]:
    """The sentences of ``text``, each without surrounding whitespace, in order (prose's
    ``Segmenter.SegmentText``)."""
    st = _storage()
    tokens = _tokenize(text)
    for t in tokens:
        _type_annotation(st, t)
    for one, two in _pairs(tokens):
        _token_annotation(st, one, two)
    for one, two in _pairs(tokens):
        if two is None:
            if "\n" in one.tok and " " in one.tok:
                one.sent_break = False
            continue
        _multi_punct_annotation(st, one, two)
    out = []
    last = 0
    for t in tokens:
        if t.sent_break:
            out.append(text[last:t.position])
            last = t.position
    if last != len(text):
        out.append(text[last:])
    return [s.strip() for s in out if s.strip()]
