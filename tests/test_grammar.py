"""Grammar and spelling against a real LanguageTool server (the session fixture starts one from local jars).

The offset tests at the top need no server.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, run_cli
from lint.document import Document
from lint.cache import CACHE_ENV
from lint.grammar.settings import URL_ENV
from lint.grammar.text import Utf16Index, piece_for_block

DEAD_URL = "http://127.0.0.1:9"  # the discard port: nothing answers there


def findings(path, *extra):
    result = run_cli("check", "--select", "grammar", "--format", "json", "--jobs", "1", *extra, str(path))
    assert result.code in (0, 1), result.err
    return [(f["line"], f["column"], f["rule"], f["match"]) for f in result.json["findings"]], result


# -- offsets: UTF-16 and markup, no server ------------------------------------------

@given(st.text(alphabet=st.sampled_from("ab é😀𝒳\n")))
def test_utf16_index_round_trips(text):
    index = Utf16Index(text)
    assert index.to_index(len(text.encode("utf-16-le")) // 2) == len(text)
    for i in range(len(text) + 1):
        units = len(text[:i].encode("utf-16-le")) // 2
        assert index.to_utf16(i) == units
        assert index.to_index(units) == i


def _piece(text, fmt="markdown"):
    doc = Document("x.md", text, fmt)
    return [piece_for_block(text, doc.layout.prose, b.start, b.end) for b in doc.blocks]


def test_markup_is_removed_and_every_character_maps_back():
    text = "See `foo()` here, the **bold** word, un**believ**able and [a link](http://x.y).\n"
    (piece,) = _piece(text)
    assert piece.text == "See here, the bold word, unbelievable and a link."
    for i, ch in enumerate(piece.text):
        assert text[piece.origins[i]] == ch or (ch == " " and text[piece.origins[i]].isspace())


@given(st.lists(st.sampled_from(["word", " ", "\n", "\n\n", "**", "`code`", "[a](http://x)", "> ", "😀", "<br>",
                                 "- ", ".", ",", "é"]), max_size=30))
def test_every_character_sent_comes_from_the_draft_in_order(parts):
    text = "".join(parts)
    doc = Document("x.md", text)
    for block in doc.blocks:
        piece = piece_for_block(text, doc.layout.prose, block.start, block.end)
        assert len(piece.origins) == len(piece.text)
        assert list(piece.origins) == sorted(set(piece.origins))  # strictly increasing
        for ch, origin in zip(piece.text, piece.origins):
            # Either the very character, or a separator standing where markup was removed.
            assert text[origin] == ch or (ch in " \n" and not doc.prose[origin].strip())


def test_line_breaks_and_quote_markers_keep_words_apart():
    (piece,) = _piece("> quoted line and\n> the next line.\n")
    assert piece.text == "quoted line and\nthe next line."


def test_code_blocks_are_not_sent():
    pieces = _piece("Intro.\n\n```\nteh code\n```\n\n    more teh code\n\nOutro.\n")
    assert [p.text for p in pieces] == ["Intro.", "Outro."]


# -- the check against a real server ----------------------------------------------

@pytest.fixture
def lt(languagetool_server, monkeypatch, tmp_path):
    """The session's server, with a cache folder of this test's own."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return languagetool_server


def test_their_going_tomorow_both_mistakes_at_exact_columns(lt, write):
    draft = write("a.md", "Intro line.\n\nTheir going to the meeting tomorow.\n")
    got, result = findings(draft)
    assert got == [(3, 1, "grammar.COPYDESK_THEIR_VBG", "Their"), (3, 28, "grammar.MORFOLOGIK_RULE_EN_US", "tomorow")]
    by_rule = {f["rule"]: f for f in result.json["findings"]}
    assert by_rule["grammar.MORFOLOGIK_RULE_EN_US"]["suggestions"][0] == "tomorrow"
    assert by_rule["grammar.COPYDESK_THEIR_VBG"]["suggestions"] == ["They're"]
    assert "spelling" in by_rule["grammar.MORFOLOGIK_RULE_EN_US"]["message"]


def test_markdown_code_gets_no_grammar_findings(lt, write):
    draft = write("code.md", "Install it with `pip instal copydsk`.\n\n```bash\ncopydsk chek thier teh\n```\n\n"
                             "    teh recieve definately\n\n<!-- a mispeling in a comment -->\n\n"
                             "The prose has one mistke.\n")
    got, _ = findings(draft)
    assert got == [(11, 19, "grammar.MORFOLOGIK_RULE_EN_US", "mistke")]


def test_emoji_before_a_mistake_does_not_shift_its_column(lt, write):
    draft = write("e.md", "😀 A mistke here.\n\n🎉🎉🎉 Another mistke, 𝒳 and an eror.\n")
    got, _ = findings(draft)
    assert got == [(1, 5, "grammar.MORFOLOGIK_RULE_EN_US", "mistke"),
                   (3, 13, "grammar.MORFOLOGIK_RULE_EN_US", "mistke"),
                   (3, 30, "grammar.MORFOLOGIK_RULE_EN_US", "eror")]


def test_html_and_crlf_drafts_map_back_exactly(lt, write):
    draft = write("p.html", "<html><body>\r\n<p>One <b>mistke</b> here.</p>\r\n<p>Their is a problem.</p>\r\n</body></html>")
    got, _ = findings(draft)
    assert got == [(2, 11, "grammar.MORFOLOGIK_RULE_EN_US", "mistke"), (3, 4, "grammar.THEIR_IS", "Their")]


def test_cached_rerun_makes_no_server_call(lt, write, monkeypatch, tmp_path):
    draft = write("a.md", "Their going to the meeting tomorow.\n\nA second paragraph with a mistke.\n")
    first, _ = findings(draft)
    assert len(first) == 3
    # The server is now unreachable and required: a single call would be an error.
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    write(".copydesk.yaml", "grammar:\n  required: true\n")
    again, result = findings(draft)
    assert again == first
    assert result.err == ""
    # A changed paragraph does need the server, which proves the dead URL was in force.
    write("a.md", "Their going to the meeting tomorow.\n\nA changed paragraph.\n")
    result = run_cli("check", "--select", "grammar", "--jobs", "1", str(draft))
    assert result.code == 2 and "connection refused" in result.out


def test_accept_list_and_names_are_not_misspellings(lt, write):
    text = "Copydesk checks the Brannagh report. COPYDESK is loud; copydesk is not. Brannagh's team agreed.\n"
    draft = write("a.md", text)
    before, _ = findings(draft)
    assert {m for *_, m in before} >= {"Copydesk", "Brannagh"}
    write(".copydesk.yaml", "grammar:\n  accept: [copydesk, Brannagh]\n")
    after, _ = findings(draft)
    assert after == []
    write(".copydesk.yaml", "grammar:\n  accept: [brannagh]\n")  # lower case: any case; otherwise exact
    matches = {m for *_, m in findings(draft)[0]}
    assert "Copydesk" in matches and not any(m.lower().startswith("brannagh") for m in matches)


def test_language_variant_severity_and_disabled_rules(lt, write):
    draft = write("a.md", "The colour of the centre is grey. This is is a test.\n")
    us, result = findings(draft)
    assert [m for *_, m in us] == ["colour", "centre", "grey", "is is"]
    write(".copydesk.yaml", "grammar:\n  language: en-GB\n  severity: {MISC: error}\n")
    gb, result = findings(draft)
    assert [(r, m) for *_, r, m in gb] == [("grammar.ENGLISH_WORD_REPEAT_RULE", "is is")]
    assert result.json["findings"][0]["severity"] == "error"
    write(".copydesk.yaml", "grammar:\n  disabled_rules: [MORFOLOGIK_RULE_EN_US]\n  disabled_categories: [MISC]\n")
    assert findings(draft)[0] == []


def test_suppression_comment_names_the_languagetool_rule(lt, write):
    draft = write("a.md", "<!-- copydesk-disable-next-line grammar.MORFOLOGIK_RULE_EN_US -->\nOne mistke.\n\nTwo mistke.\n")
    assert findings(draft)[0] == [(4, 5, "grammar.MORFOLOGIK_RULE_EN_US", "mistke")]


def test_enabled_turns_the_family_on_without_select(lt, write):
    draft = write("a.md", "One mistke.\n")
    assert run_cli("check", "--format", "json", str(draft)).json["findings"] == []
    write(".copydesk.yaml", "grammar:\n  enabled: true\n")
    on = run_cli("check", "--format", "json", str(draft)).json["findings"]
    assert [f["rule"] for f in on] == ["grammar.MORFOLOGIK_RULE_EN_US"]


def test_no_download_is_ever_attempted(lt, write, monkeypatch):
    import language_tool_python.download_lt as download

    def refuse(*_args, **_kwargs):
        raise AssertionError("language-tool-python tried to download LanguageTool")

    monkeypatch.setattr(download.LocalLanguageTool, "download", refuse)
    monkeypatch.setattr(download, "http_get", refuse)
    assert findings(write("a.md", "A mistke.\n"))[0] == [(1, 3, "grammar.MORFOLOGIK_RULE_EN_US", "mistke")]


# -- without a server ---------------------------------------------------------------

@pytest.fixture
def no_server(monkeypatch, tmp_path):
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def test_not_required_skips_with_one_notice(no_server, write):
    a = write("a.md", "One mistke.\n")
    b = write("b.md", "Two mistke.\n")
    result = run_cli("check", "--select", "grammar", "--jobs", "1", str(a), str(b))
    assert result.code == 0
    notices = [ln for ln in result.err.splitlines() if "grammar checks skipped" in ln]
    assert len(notices) == 1, result.err
    assert "connection refused" in notices[0] and "grammar.required" in notices[0]


def test_required_without_a_server_exits_2_naming_the_setting(no_server, write):
    write(".copydesk.yaml", "grammar:\n  required: true\n")
    draft = write("a.md", "One mistke.\n")
    result = run_cli("check", "--select", "grammar", str(draft))
    assert result.code == 2
    assert re.search(r"\.copydesk\.yaml:2: grammar checks could not run: LanguageTool at http://127\.0\.0\.1:9 "
                     r"did not answer: connection refused", result.out), result.out


def test_required_with_no_installation_says_how_to_get_one(monkeypatch, write, tmp_path):
    monkeypatch.delenv(URL_ENV, raising=False)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    write(".copydesk.yaml", "grammar:\n  required: true\n  path: no-such-folder\n")
    result = run_cli("check", "--select", "grammar", str(write("a.md", "One mistke.\n")))
    assert result.code == 2
    assert "no-such-folder holds no LanguageTool jars" in result.out and "scripts/languagetool fetch" in result.out


@pytest.mark.parametrize("yaml,line,message", [
    ("grammar:\n  servr: http://x\n", 2, "unknown key 'servr'; did you mean 'server'?"),
    ("grammar:\n  language: de-DE\n", 2, "must be one of en-US, en-GB"),
    ("grammar:\n  enabled: true\n  required: sometimes\n", 3, "required: must be true or false"),
    ("grammar:\n  severity:\n    TYPOS: fatal\n", 3, "'TYPOS' must be error, warning or info"),
    ("grammar:\n  accept: 12\n", 2, "accept: must be a list of strings"),
])
def test_bad_settings_name_file_line_and_key(no_server, write, yaml, line, message):
    write(".copydesk.yaml", yaml)
    result = run_cli("check", "--select", "grammar", str(write("a.md", "Text.\n")))
    assert result.code == 2
    assert f".copydesk.yaml:{line}: " in result.out and message in result.out, result.out


def test_explain_grammar_shows_the_family_page():
    result = run_cli("explain", "grammar")
    assert result.code == 0
    assert "grammar.<LanguageTool rule id>" in result.out and "scripts/languagetool" in result.out
    assert "grammar.languagetool" in result.out


def test_pinned_release_is_the_same_in_the_pom_and_the_code():
    from lint.grammar.server import LANGUAGETOOL_VERSION

    pom = (ROOT / "scripts" / "languagetool.pom.xml").read_text(encoding="utf-8")
    assert f"<languagetool.version>{LANGUAGETOOL_VERSION}</languagetool.version>" in pom


# -- the server copydesk starts itself ------------------------------------------------

def test_local_server_is_started_once_for_all_workers_and_stopped(languagetool_server, monkeypatch, tmp_path,
                                                                   write):
    """With no URL configured, copydesk starts Java from the fetched jars on the first uncached paragraph;
    the --jobs workers share that one server, and it is gone when the run ends."""
    from lint.grammar import server

    monkeypatch.delenv(URL_ENV)
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    drafts = [write(f"d{i}.md", f"Draft {i} has a mistke.\n") for i in range(4)]
    result = run_cli("check", "--select", "grammar", "--format", "json", "--jobs", "2", *map(str, drafts))
    assert result.code == 1, result.out + result.err
    got = sorted((Path(f["path"]).name, f["line"], f["column"], f["match"]) for f in result.json["findings"])
    assert got == [(f"d{i}.md", 1, 15, "mistke") for i in range(4)]
    (log,) = cache.glob("languagetool-*.log")
    text = log.read_text(encoding="utf-8")
    assert text.count("Starting LanguageTool") == 1
    port = re.search(r"server on http://localhost:(\d+)", text).group(1)
    assert not server.healthy(f"http://127.0.0.1:{port}")  # stopped by the worker that started it
    assert not list(cache.glob("languagetool-*.json"))  # which also removed its address
    assert not server._OWNED
    # The cached re-run starts nothing.
    again = run_cli("check", "--select", "grammar", "--format", "json", "--jobs", "1", *map(str, drafts))
    assert again.json["findings"] == result.json["findings"]
    assert log.read_text(encoding="utf-8").count("Starting LanguageTool") == 1


def test_shared_vocabulary_and_facts_names_are_accepted(lt, write, monkeypatch):
    import sys
    import types

    draft = write("a.md", "Brannagh met Okonkwo-Vale and the copydesk team.\n")
    assert {m for *_, m in findings(draft)[0]} >= {"Brannagh", "copydesk"}
    write(".copydesk.yaml", "vocabulary:\n  accept: [copydesk]\n")
    facts = types.ModuleType("lint.facts")
    facts.known_names = lambda: ["Siobhan Brannagh"]
    monkeypatch.setitem(sys.modules, "lint.facts", facts)
    left = {m for *_, m in findings(draft)[0]}
    assert "Brannagh" not in left and "copydesk" not in left


def test_languagetool_ids_work_in_ignore_and_severity(lt, write):
    draft = write("a.md", "One mistke. Their is a problem.\n")
    rules = lambda result: [(f["rule"], f["severity"]) for f in result.json["findings"]]  # noqa: E731
    base = ["check", "--select", "grammar", "--format", "json", str(draft)]
    assert rules(run_cli(*base)) == [("grammar.MORFOLOGIK_RULE_EN_US", "warning"), ("grammar.THEIR_IS", "warning")]
    assert rules(run_cli(*base, "--ignore", "grammar.THEIR_IS")) == [("grammar.MORFOLOGIK_RULE_EN_US", "warning")]
    write(".copydesk.yaml", "severity:\n  grammar.THEIR_IS: error\nignore: [grammar.MORFOLOGIK_RULE_EN_US]\n")
    assert rules(run_cli(*base)) == [("grammar.THEIR_IS", "error")]
