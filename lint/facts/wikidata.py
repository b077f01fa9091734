"""Office records from Wikidata: "position held" (P39) query results into facts YAML.

A newsroom grows the base from its own SPARQL queries (docs/facts.md shows one). The input is
the W3C *SPARQL 1.1 Query Results JSON Format* — ``{"head": {"vars": [...]}, "results":
{"bindings": [{var: {"type": ..., "value": ...}}, ...]}}`` — with one row per statement:

==================  ========  =====================================================
variable            needed    meaning
==================  ========  =====================================================
``position``        yes       the office's item (``http://www.wikidata.org/entity/Q14211``)
``positionLabel``   yes       its English label ("Prime Minister of the United Kingdom")
``person``          yes       the holder's item
``personLabel``     yes       the holder's English label ("Theresa May")
``start``           yes       P580 start time (``xsd:dateTime``)
``end``             no        P582 end time; absent while the term runs
``startPrecision``  no        wikibase:timePrecision of the start (11 = day); coarser rows are left out
``endPrecision``    no        the same for the end
``countryCode``     no        ISO 3166-1 alpha-2 code of the office's jurisdiction (topic prefix)
==================  ========  =====================================================

Rows become records grouped by position into topics (``<code>.<office>``), ordered by start;
consecutive or overlapping statements of one person (a re-elected chancellor's four terms) merge
into one record; each closed record names the next holder as its ``successor``. A term whose end
Wikidata lacks, followed by another holder's, ends when that one begins (the record says so). Two
different people overlapping in one office cannot both be right: the later is left out with a
warning, for a person to resolve. Open terms hold through the query's date (``as_of``).

Imported records are not verified: ``verified: null`` with ``unverified: "imported from Wikidata
<date>; ..."``, unless the caller vouches for them (``verified=``). Their ``source`` is the
holder's Wikidata page — a pointer for the person who checks them against a primary source.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field

from lint.errors import ConfigError

REQUIRED_VARS = ("position", "positionLabel", "person", "personLabel", "start")
OPTIONAL_VARS = ("end", "startPrecision", "endPrecision", "countryCode")
DAY_PRECISION = 11
_ENTITY = re.compile(r"^https?://www\.wikidata\.org/entity/(Q\d+)$")
_DATE = re.compile(r"^\+?(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
#: ISO codes the base writes differently (rules/facts uses ``uk`` for the United Kingdom).
CODE_ALIASES = {"gb": "uk"}


@dataclass
class Row:
    index: int
    position: str
    position_label: str
    person: str
    holder: str
    start: dt.date
    end: dt.date | None
    code: str = ""
    #: False when Wikidata knows a date only to the month or year (timePrecision below 11).
    precise: bool = True


@dataclass
class Term:
    holder: str
    person: str
    start: dt.date
    end: dt.date | None
    rows: list[int] = field(default_factory=list)
    inferred_end: bool = False
    #: A conflicting row after this term was left out: its successor is not known.
    unsure_successor: bool = False


@dataclass
class Imported:
    """What an import produced: the YAML records, and what was left out and why."""

    records: list[dict]
    warnings: list[str]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _item(value: str, path: str, where: str) -> str:
    m = _ENTITY.match(value.strip())
    if not m:
        raise ConfigError(f"{where}: expected a Wikidata item URI (http://www.wikidata.org/entity/Q…), "
                          f"not {value!r}", path)
    return m.group(1)


def _date(value: str, path: str, where: str) -> dt.date:
    m = _DATE.match(value.strip())
    if not m:
        raise ConfigError(f"{where}: expected a date (xsd:dateTime such as 2019-07-24T00:00:00Z), not {value!r}",
                          path)
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a calendar date", path) from None


def read_results(path: str) -> list[Row]:
    """The rows of a SPARQL JSON result file; every problem names the file (and the result)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ConfigError("no such file", path) from None
    except IsADirectoryError:
        raise ConfigError("is a directory, not a SPARQL JSON result file", path) from None
    except UnicodeDecodeError:
        raise ConfigError("is not UTF-8 text; expected SPARQL JSON results", path) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); expected SPARQL "
                          f"1.1 query results in JSON", path, exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("head"), dict) \
            or not isinstance(data.get("results"), dict):
        raise ConfigError("is not SPARQL JSON results: expected an object with 'head' and 'results' "
                          "(save the query's result as JSON, not CSV or a Wikidata entity dump)", path)
    variables = data["head"].get("vars")
    if not isinstance(variables, list):
        raise ConfigError("head.vars must list the query's variables", path)
    missing = [v for v in REQUIRED_VARS if v not in variables]
    if missing:
        raise ConfigError(f"the query does not select {', '.join('?' + v for v in missing)}; a 'position "
                          f"held' query needs {', '.join('?' + v for v in REQUIRED_VARS)} (see docs/facts.md)", path)
    bindings = data["results"].get("bindings")
    if not isinstance(bindings, list):
        raise ConfigError("results.bindings must be a list of rows", path)
    rows = []
    for i, binding in enumerate(bindings, 1):
        where = f"result {i}"
        if not isinstance(binding, dict):
            raise ConfigError(f"{where}: a row must be an object of variable bindings", path)
        values = {}
        for name, cell in binding.items():
            if not isinstance(cell, dict) or not isinstance(cell.get("value"), str) or "type" not in cell:
                raise ConfigError(f"{where}: ?{name} must be an object with 'type' and 'value'", path)
            values[name] = cell["value"]
        for name in REQUIRED_VARS:
            if name not in values:
                raise ConfigError(f"{where}: ?{name} is unbound", path)
        precise = True
        for key in ("startPrecision", "endPrecision"):
            if key in values and (key == "startPrecision" or "end" in values):
                try:
                    precise = precise and int(values[key]) >= DAY_PRECISION
                except ValueError:
                    raise ConfigError(f"{where}: ?{key} must be a number, not {values[key]!r}", path) from None
        row = Row(
            index=i,
            position=_item(values["position"], path, f"{where}: ?position"),
            position_label=values["positionLabel"].strip(),
            person=_item(values["person"], path, f"{where}: ?person"),
            holder=values["personLabel"].strip(),
            start=_date(values["start"], path, f"{where}: ?start"),
            end=_date(values["end"], path, f"{where}: ?end") if values.get("end") else None,
            code=CODE_ALIASES.get(values.get("countryCode", "").strip().lower(),
                                  values.get("countryCode", "").strip().lower()),
            precise=precise,
        )
        if row.end is not None and row.end < row.start:
            raise ConfigError(f"{where}: {row.holder} ends ({row.end}) before starting ({row.start})", path)
        rows.append(row)
    return rows


def titles_for(label: str) -> list[str]:
    """The office's label, and its head when the label reads "X of Y" ("Prime Minister")."""
    titles = [label]
    head = re.split(r"\s+of\s+(?:the\s+)?", label, maxsplit=1)[0]
    if head and head != label and len(head.split()) <= 4:
        titles.append(head)
    return titles


def _is_label_missing(label: str) -> bool:
    return not label or bool(re.fullmatch(r"Q\d+", label))


def _terms(rows: list[Row], warnings: list[str]) -> list[Term]:
    """One position's rows as non-overlapping terms, one person's adjoining statements merged."""
    terms: list[Term] = []
    for row in sorted(rows, key=lambda r: (r.start, r.end or dt.date.max)):
        last = terms[-1] if terms else None
        if last is not None and last.person == row.person and (last.end is None or row.start <= last.end):
            if last.end is not None and (row.end is None or row.end > last.end):
                last.end = row.end
            last.rows.append(row.index)
            continue
        if last is not None and last.end is None:
            # the earlier term has no end in Wikidata: it ended when the next holder began
            last.end = row.start
            last.inferred_end = True
        elif last is not None and row.start < last.end:
            warnings.append(f"result {row.index}: left out {row.holder} ({row.position_label}, from {row.start}): "
                            f"overlaps {last.holder} (until {last.end}); resolve by hand")
            last.unsure_successor = True
            continue
        terms.append(Term(row.holder, row.person, row.start, row.end, [row.index]))
    return terms


def build(rows: list[Row], as_of: dt.date, verified: dt.date | None = None,
          topics: dict[str, str] | None = None) -> Imported:
    """Records for ``rows``; ``topics`` maps position QIDs to topic ids (else ``<code>.<office>``)."""
    topics = topics or {}
    warnings: list[str] = []
    by_position: dict[str, list[Row]] = {}
    for row in rows:
        if not row.precise:
            warnings.append(f"result {row.index}: left out {row.holder} ({row.position_label}): a date is known "
                            f"only to the month or year, and a wrong window flags correct copy")
            continue
        if _is_label_missing(row.holder) or _is_label_missing(row.position_label):
            warnings.append(f"result {row.index}: left out {row.person} in {row.position}: no English label")
            continue
        by_position.setdefault(row.position, []).append(row)
    records: list[dict] = []
    used_ids: set[str] = set()
    for position, prows in by_position.items():
        label = prows[0].position_label
        code = slug(next((r.code for r in prows if r.code), "")) or "wd"
        topic = topics.get(position) or f"{code}.{slug(label)}"
        terms = _terms(prows, warnings)
        ids = []
        for term in terms:
            base = f"{topic}.{slug(term.holder.split()[-1]) or term.person.lower()}"
            fid, n = base, 2
            while fid in used_ids:
                fid, n = f"{base}-{n}", n + 1
            used_ids.add(fid)
            ids.append(fid)
        titles = titles_for(label)
        for i, term in enumerate(terms):
            record = {"id": ids[i], "topic": topic, "about": label, "holder": term.holder, "titles": list(titles),
                      "from": term.start}
            if term.end is not None:
                record["until"] = term.end
                if i + 1 < len(terms) and terms[i + 1].start >= term.end and not term.unsure_successor:
                    record["successor"] = ids[i + 1]
            else:
                record["holds_through"] = max(as_of, term.start)
            if term.inferred_end:
                record["note"] = "Wikidata gives no end date; until is the day the next holder began."
            record["source"] = f"https://www.wikidata.org/wiki/{term.person}"
            if verified is not None:
                record["verified"] = verified
            else:
                record["verified"] = None
                record["unverified"] = (f"imported from Wikidata {as_of.isoformat()}; not checked against a "
                                        f"primary source")
            records.append(record)
    return Imported(records, warnings)


def to_yaml(imported: Imported, origin: str, as_of: dt.date) -> str:
    import yaml

    header = (f"# Imported by `copydesk facts import` from {origin} on {as_of.isoformat()} (Wikidata, position held).\n"
              f"# Check each record against a primary source before relying on it; then set verified.\n")
    class _NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, data):  # every record spelled out: a reader edits one without touching others
            return True

    body = yaml.dump({"facts": imported.records}, Dumper=_NoAliases, sort_keys=False, allow_unicode=True,
                     default_flow_style=None, width=110)
    return header + body
