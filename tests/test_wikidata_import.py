"""`copydesk facts import`: Wikidata "position held" SPARQL JSON results into facts YAML (no network)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from conftest import run_cli

SAMPLE = Path(__file__).parent / "data" / "wikidata" / "position-held.json"


def _import(tmp_path, *extra):
    out = tmp_path / "imported.yaml"
    result = run_cli("facts", "import", SAMPLE, "--as-of", "2026-12-03", "-o", out, *extra)
    assert result.code == 0, result.err
    return result, yaml.safe_load(out.read_text(encoding="utf-8"))["facts"], out


def test_imports_the_sample_grouped_by_position_with_successors_chained(tmp_path):
    result, facts, _ = _import(tmp_path)
    by_id = {f["id"]: f for f in facts}
    topics = {f["topic"] for f in facts}
    assert topics == {"uk.prime-minister-of-the-united-kingdom", "de.chancellor-of-germany"}
    uk = [f for f in facts if f["topic"].startswith("uk.")]
    assert [f["holder"] for f in uk] == ["David Cameron", "Theresa May", "Boris Johnson", "Liz Truss",
                                         "Rishi Sunak", "Keir Starmer"]
    for before, after in zip(uk, uk[1:]):
        assert before["successor"] == after["id"] and before["until"] == after["from"]
    assert uk[0]["titles"] == ["Prime Minister of the United Kingdom", "Prime Minister"]
    # Merkel's four statements are one term; Johnson's two are one
    merkel = by_id["de.chancellor-of-germany.merkel"]
    assert (merkel["from"], merkel["until"]) == (dt.date(2005, 11, 22), dt.date(2021, 12, 8))
    assert by_id["uk.prime-minister-of-the-united-kingdom.johnson"]["from"] == dt.date(2019, 7, 24)
    # a term without an end ends when the next holder begins, and says so
    truss = by_id["uk.prime-minister-of-the-united-kingdom.truss"]
    assert truss["until"] == dt.date(2022, 10, 25) and "no end date" in truss["note"]
    # an open term holds through the query's date, no further
    starmer = by_id["uk.prime-minister-of-the-united-kingdom.starmer"]
    assert "until" not in starmer and starmer["holds_through"] == dt.date(2026, 12, 3)
    # nobody checked them: unverified, with the import date; the source points at the holder's item
    assert all(f["verified"] is None and f["unverified"].startswith("imported from Wikidata 2026-12-03")
               for f in facts)
    assert by_id["de.chancellor-of-germany.merkel"]["source"] == "https://www.wikidata.org/wiki/Q567"
    # left out, with the reason: a year-precision date, a holder without an English label
    assert "Robert Walpole" in result.err and "month or year" in result.err
    assert "no English label" in result.err
    assert not any(f["holder"].startswith("Q") for f in facts)


def test_imported_file_passes_facts_check_with_the_shipped_base(tmp_path):
    _, facts, out = _import(tmp_path)
    check = run_cli("facts", "check", out)
    assert check.code == 0, check.err
    assert "OK" in check.out


def test_imported_records_are_judged_like_shipped_ones(tmp_path, write):
    _, _, out = _import(tmp_path, "--topic", "Q14211=uk.pm-imported", "--topic", "Q56022=de.chancellor-imported")
    config = write(".copydesk.yaml", f"facts:\n  files: [{out}]\n  ignore: []\n")
    listing = run_cli("facts", "list", "uk.pm-imported", "--config", config)
    assert listing.code == 0 and "uk.pm-imported.sunak" in listing.out


def test_verified_flag_marks_records_checked(tmp_path):
    _, facts, _ = _import(tmp_path, "--verified", "2026-12-01")
    assert all(f["verified"] == dt.date(2026, 12, 1) and "unverified" not in f for f in facts)


def test_topic_option_maps_a_position_to_a_topic(tmp_path):
    _, facts, _ = _import(tmp_path, "--topic", "Q56022=de.kanzler")
    assert {f["topic"] for f in facts if "Merkel" in f["holder"]} == {"de.kanzler"}
    assert "de.kanzler.merkel" in {f["id"] for f in facts}
    bad = run_cli("facts", "import", SAMPLE, "--topic", "Chancellor=de.kanzler")
    assert bad.code == 2 and "QID=TOPIC" in bad.err


def test_yaml_goes_to_stdout_without_output(tmp_path):
    result = run_cli("facts", "import", SAMPLE, "--as-of", "2026-12-03")
    assert result.code == 0
    assert yaml.safe_load(result.out)["facts"][0]["id"] == "uk.prime-minister-of-the-united-kingdom.cameron"


def test_an_existing_output_file_is_kept_unless_forced(tmp_path):
    out = tmp_path / "mine.yaml"
    out.write_text("facts: []  # a newsroom's own file\n", encoding="utf-8")
    result = run_cli("facts", "import", SAMPLE, "-o", out)
    assert result.code == 2 and "--force" in result.err
    assert out.read_text(encoding="utf-8") == "facts: []  # a newsroom's own file\n"
    forced = run_cli("facts", "import", SAMPLE, "-o", out, "--force")
    assert forced.code == 0 and "Angela Merkel" in out.read_text(encoding="utf-8")


def _results(tmp_path, data) -> Path:
    path = tmp_path / "results.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_bad_input_is_a_clear_error_naming_the_file(tmp_path):
    cases = {
        "not json": ("{oops", "is not JSON"),
        "csv": ("person,personLabel\n", "is not JSON"),
        "entity dump": ({"entities": {}}, "is not SPARQL JSON results"),
        "missing vars": ({"head": {"vars": ["person", "personLabel"]}, "results": {"bindings": []}},
                         "does not select ?position, ?positionLabel, ?start"),
        "bad date": ({"head": {"vars": ["position", "positionLabel", "person", "personLabel", "start"]},
                      "results": {"bindings": [{
                          "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q14211"},
                          "positionLabel": {"type": "literal", "value": "Prime Minister of the United Kingdom"},
                          "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q192"},
                          "personLabel": {"type": "literal", "value": "David Cameron"},
                          "start": {"type": "literal", "value": "May 2010"}}]}},
                     "result 1: ?start: expected a date"),
        "not an item": ({"head": {"vars": ["position", "positionLabel", "person", "personLabel", "start"]},
                         "results": {"bindings": [{
                             "position": {"type": "literal", "value": "Prime Minister"},
                             "positionLabel": {"type": "literal", "value": "Prime Minister"},
                             "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q192"},
                             "personLabel": {"type": "literal", "value": "David Cameron"},
                             "start": {"type": "literal", "value": "2010-05-11T00:00:00Z"}}]}},
                        "result 1: ?position: expected a Wikidata item URI"),
    }
    for name, (data, message) in cases.items():
        path = _results(tmp_path, data)
        result = run_cli("facts", "import", path)
        assert result.code == 2, name
        assert str(path) in result.err and message in result.err, (name, result.err)
    missing = run_cli("facts", "import", tmp_path / "absent.json")
    assert missing.code == 2 and "absent.json" in missing.err and "no such file" in missing.err


def test_different_people_overlapping_in_one_office_are_left_out_with_a_warning(tmp_path):
    def row(person, label, start, end=None):
        r = {"position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},
             "positionLabel": {"type": "literal", "value": "President of Ruritania"},
             "person": {"type": "uri", "value": f"http://www.wikidata.org/entity/{person}"},
             "personLabel": {"type": "literal", "value": label},
             "start": {"type": "literal", "value": start + "T00:00:00Z"}}
        if end:
            r["end"] = {"type": "literal", "value": end + "T00:00:00Z"}
        return r

    data = {"head": {"vars": ["position", "positionLabel", "person", "personLabel", "start", "end"]},
            "results": {"bindings": [row("Q2", "Anna Alpha", "2010-01-01", "2015-01-01"),
                                     row("Q3", "Bert Beta", "2014-06-01", "2020-01-01"),
                                     row("Q4", "Carla Gamma", "2020-01-01")]}}
    result = run_cli("facts", "import", _results(tmp_path, data), "--as-of", "2026-12-03")
    assert result.code == 0
    facts = yaml.safe_load(result.out)["facts"]
    assert [f["holder"] for f in facts] == ["Anna Alpha", "Carla Gamma"]
    assert "left out Bert Beta" in result.err and "overlaps Anna Alpha" in result.err
    assert facts[0]["topic"] == "wd.president-of-ruritania" and "successor" not in facts[0]
