"""Vale mode on real drafts: .vale.ini semantics, each rule type, markup, comments, integration.

Every test writes a small style (rule YAML as Vale users write them), a
.vale.ini and a draft, and runs the CLI as a user would.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from conftest import run_cli


def make_project(root: Path, rules: dict[str, str], ini: str, drafts: dict[str, str]) -> Path:
    for name, body in rules.items():
        style, rule = name.split(".", 1)
        p = root / "styles" / style / f"{rule}.yml"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(body), encoding="utf-8")
    (root / ".vale.ini").write_text(textwrap.dedent(ini), encoding="utf-8")
    for name, text in drafts.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def vale_lines(root: Path, *extra: str) -> list[str]:
    old = os.getcwd()
    os.chdir(root)
    try:
        result = run_cli("check", "--format", "vale-line", "--select", "vale", "--jobs", "1", *extra, ".")
    finally:
        os.chdir(old)
    return result.out.splitlines()


INI = """\
StylesPath = styles
MinAlertLevel = suggestion

[*.md]
BasedOnStyles = House
"""

AVOID = """\
extends: existence
message: "Avoid '%s'."
level: warning
ignorecase: true
tokens:
  - simply
  - obviously
"""


# -- existence and markup ------------------------------------------------------

def test_existence_reports_words_at_their_position_and_skips_code_urls_and_front_matter(tmp_path):
    make_project(tmp_path, {"House.Avoid": AVOID}, INI, {"a.md": """\
        ---
        title: Simply the best
        ---
        # Simply done

        You simply run `simply` and obviously it works.

        ```
        simply in a fence
        ```

        See https://example.com/simply for more. Simplyfied is no word.
        """})
    assert vale_lines(tmp_path) == [
        "a.md:4:3:House.Avoid:Avoid 'Simply'.",
        "a.md:6:5:House.Avoid:Avoid 'simply'.",
        "a.md:6:29:House.Avoid:Avoid 'obviously'.",
    ]


def test_nonword_raw_and_exceptions(tmp_path):
    rules = {
        "House.Units": """\
            extends: existence
            message: "Space between number and unit in '%s'."
            nonword: true
            tokens:
              - \\b\\d+(?:GB|MB)
            """,
        "House.Hedge": """\
            extends: existence
            message: "Hedge: '%s'."
            raw:
              - \\b(?:might|may)\\s+
            tokens:
              - work
              - help
            exceptions:
              - may help
            """,
    }
    make_project(tmp_path, rules, INI, {"a.md": "It has 64GB and 2 GB. It might work. It may help.\n"})
    assert vale_lines(tmp_path) == [
        "a.md:1:8:House.Units:Space between number and unit in '64GB'.",
        "a.md:1:26:House.Hedge:Hedge: 'might work'.",
    ]


def test_substitution_messages_and_correct_use_stays_silent(tmp_path):
    rules = {"House.Terms": """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        action:
          name: replace
        swap:
          cell phone: phone|mobile phone
          java script: JavaScript
        """}
    make_project(tmp_path, rules, INI, {"a.md": "My cell phone runs Java Script. JavaScript is fine.\n"})
    assert vale_lines(tmp_path) == [
        "a.md:1:4:House.Terms:Use 'phone' or 'mobile phone' instead of 'cell phone'.",
        "a.md:1:20:House.Terms:Use 'JavaScript' instead of 'Java Script'.",
    ]


def test_occurrence_repetition_consistency_conditional(tmp_path):
    rules = {
        "House.Commas": """\
            extends: occurrence
            message: "More than two commas in one sentence."
            scope: sentence
            max: 2
            token: ','
            """,
        "House.Repeat": """\
            extends: repetition
            message: "'%s' is repeated!"
            alpha: true
            tokens:
              - '[^\\s]+'
            """,
        "House.Spelling": """\
            extends: consistency
            message: "Inconsistent spelling of '%s'."
            ignorecase: true
            either:
              colour: color
            """,
        "House.Acronyms": """\
            extends: conditional
            message: "Spell out '%s' first."
            first: '\\b([A-Z]{3,5})\\b'
            second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
            """,
    }
    draft = """\
        Red, green, blue, and gray. Fine, really.

        See the the colour of the World Health Organization (WHO) flag. The The Hague office agrees.

        The WHO and NATO chose a color.
        """
    make_project(tmp_path, rules, INI, {"a.md": draft})
    assert vale_lines(tmp_path) == [
        "a.md:1:4:House.Commas:More than two commas in one sentence.",
        "a.md:3:5:House.Repeat:'the' is repeated!",
        "a.md:3:65:House.Repeat:'The' is repeated!",
        "a.md:5:13:House.Acronyms:Spell out 'NATO' first.",
        "a.md:5:26:House.Spelling:Inconsistent spelling of 'color'.",
    ]


def test_capitalization_of_headings_and_scopes(tmp_path):
    rules = {
        "House.Headings": """\
            extends: capitalization
            message: "'%s' should use sentence-style capitalization."
            scope: heading
            match: $sentence
            indicators:
              - ":"
            exceptions:
              - API
            """,
        "House.StartSo": """\
            extends: existence
            message: "Don't start a sentence with '%s'."
            scope: sentence
            nonword: true
            tokens:
              - ^So\\b
            """,
    }
    draft = """\
        # Using the API: A guide

        # Using The Tools Well

        So it begins. So it ends.

        - So a list item is made of sentences too.
        """
    make_project(tmp_path, rules, INI, {"a.md": draft})
    # Vale v3.26.0 segments list items, headings and table cells into sentences as well.
    assert vale_lines(tmp_path) == [
        "a.md:3:3:House.Headings:'Using The Tools Well' should use sentence-style capitalization.",
        "a.md:5:1:House.StartSo:Don't start a sentence with 'So'.",
        "a.md:5:15:House.StartSo:Don't start a sentence with 'So'.",
        "a.md:7:3:House.StartSo:Don't start a sentence with 'So'.",
    ]


def test_metric_formula(tmp_path):
    rules = {"House.Long": """\
        extends: metric
        message: "Average sentence length is %s words."
        formula: words / sentences
        condition: "> 8"
        """}
    make_project(tmp_path, rules, INI, {
        "long.md": "This sentence has far too many words in it for a reader to follow.\n",
        "short.md": "Short one. Another.\n"})
    assert vale_lines(tmp_path) == ["long.md:1:1:House.Long:Average sentence length is 14.00 words."]


# -- .vale.ini semantics ---------------------------------------------------------

def test_sections_switches_levels_and_min_alert_level(tmp_path):
    rules = {"House.Avoid": AVOID, "House.Quiet": AVOID.replace("warning", "suggestion").replace(
        "Avoid '%s'.", "Quiet '%s'.")}
    ini = """\
        StylesPath = styles
        MinAlertLevel = warning

        [*.{md,txt}]
        BasedOnStyles = House

        [notes/*.md]
        House.Avoid = NO

        [loud.md]
        House.Quiet = error
        """
    drafts = {"a.md": "Simply.\n", "notes/b.md": "Simply.\n", "c.txt": "Obviously.\n", "loud.md": "Simply.\n",
              "d.html": "<p>Simply.</p>\n"}
    make_project(tmp_path, rules, ini, drafts)
    # A level set in any section is the rule's level everywhere (Vale keeps one level per rule), so
    # House.Quiet, a suggestion, reaches MinAlertLevel = warning in every file; d.html matches no section.
    assert vale_lines(tmp_path) == [
        "a.md:1:1:House.Avoid:Avoid 'Simply'.",
        "a.md:1:1:House.Quiet:Quiet 'Simply'.",
        "c.txt:1:1:House.Avoid:Avoid 'Obviously'.",
        "c.txt:1:1:House.Quiet:Quiet 'Obviously'.",
        "loud.md:1:1:House.Avoid:Avoid 'Simply'.",
        "loud.md:1:1:House.Quiet:Quiet 'Simply'.",
        "notes/b.md:1:1:House.Quiet:Quiet 'Simply'.",
    ]


def test_vocab_accept_is_an_exception_and_reject_is_avoided(tmp_path):
    ini = INI.replace("MinAlertLevel = suggestion", "MinAlertLevel = suggestion\nVocab = Team").replace(
        "BasedOnStyles = House", "BasedOnStyles = Vale, House")
    make_project(tmp_path, {"House.Avoid": AVOID}, ini, {"a.md": "Obviously fine. Use the blacklist.\n"})
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Team"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Obviously\n")
    (vocab / "reject.txt").write_text("blacklist\n")
    assert vale_lines(tmp_path) == ["a.md:1:25:Vale.Avoid:Avoid using 'blacklist'."]


def test_block_and_token_ignores(tmp_path):
    ini = INI + "BlockIgnores = (?s)(\\{%.*?%\\})\nTokenIgnores = (\\$[a-z]+\\$)\n"
    make_project(tmp_path, {"House.Avoid": AVOID}, ini, {"a.md": """\
        {% simply a template block %}

        Inline $simply$ math, simply prose.
        """})
    assert vale_lines(tmp_path) == ["a.md:3:23:House.Avoid:Avoid 'simply'."]


def test_in_draft_comments(tmp_path):
    rules = {"House.Avoid": AVOID, "House.Other": AVOID.replace("Avoid '%s'.", "Other '%s'.")}
    make_project(tmp_path, rules, INI, {"a.md": """\
        Simply one.

        <!-- vale off -->

        Simply two.

        <!-- vale on -->

        <!-- vale House.Avoid = NO -->

        Simply three.

        <!-- vale House.Avoid = YES -->

        Simply four.
        """})
    assert vale_lines(tmp_path) == [
        "a.md:1:1:House.Avoid:Avoid 'Simply'.",
        "a.md:1:1:House.Other:Other 'Simply'.",
        "a.md:11:1:House.Other:Other 'Simply'.",
        "a.md:15:1:House.Avoid:Avoid 'Simply'.",
        "a.md:15:1:House.Other:Other 'Simply'.",
    ]


def test_restructuredtext_literals_are_not_prose(tmp_path):
    ini = INI.replace("[*.md]", "[*.rst]")
    make_project(tmp_path, {"House.Avoid": AVOID}, ini, {"a.rst": """\
        Title
        =====

        Run ``simply`` and then simply wait.
        """})
    assert vale_lines(tmp_path, "--vale-config", "auto") == ["a.rst:4:25:House.Avoid:Avoid 'simply'."]


# -- integration with copydesk ---------------------------------------------------

def test_plain_runs_ignore_vale_ini(tmp_path):
    make_project(tmp_path, {"House.Avoid": AVOID}, INI, {"a.md": "Simply put.\n"})
    r = run_cli("check", "--format", "json", str(tmp_path / "a.md"))
    assert r.json["findings"] == []


def test_mixed_run_with_select_ignore_and_copydesk_comments(tmp_path):
    make_project(tmp_path, {"House.Avoid": AVOID}, INI, {"a.md": """\
        We met in order to talk. Simply put.

        <!-- copydesk-disable-next-line House.Avoid -->
        Obviously silenced.
        """})
    path = str(tmp_path / "a.md")
    r = run_cli("check", "--format", "json", "--vale-config", str(tmp_path / ".vale.ini"), path)
    assert [(f["line"], f["column"], f["rule"], f["severity"]) for f in r.json["findings"]] == [
        (1, 8, "style.wordy", "warning"), (1, 26, "House.Avoid", "warning")]
    assert r.code == 1
    r = run_cli("check", "--format", "json", "--vale-config", "auto", "--ignore", "House", path)
    assert [f["rule"] for f in r.json["findings"]] == ["style.wordy"]
    r = run_cli("check", "--format", "json", "--vale-config", "auto", "--select", "House.Avoid", path)
    assert [f["rule"] for f in r.json["findings"]] == ["House.Avoid"]


def test_vale_section_in_copydesk_config(tmp_path):
    make_project(tmp_path, {"House.Avoid": AVOID}, INI.replace("[*.md]", "[*.txt]"),
                 {"a.txt": "Simply put.\n", "house.ini": ""})
    (tmp_path / "house.ini").write_text(INI, encoding="utf-8")
    (tmp_path / "a.md").write_text("Simply put.\n", encoding="utf-8")
    (tmp_path / ".copydesk.yaml").write_text("vale:\n  config: house.ini\nseverity:\n  House: error\n")
    r = run_cli("check", "--format", "json", str(tmp_path / "a.md"), str(tmp_path / "a.txt"))
    assert [(Path(f["path"]).name, f["rule"], f["severity"]) for f in r.json["findings"]] == [
        ("a.md", "House.Avoid", "error")]
    (tmp_path / ".copydesk.yaml").write_text("vale:\n  confg: house.ini\n")
    r = run_cli("check", str(tmp_path / "a.md"))
    assert r.code == 2 and ".copydesk.yaml" in r.out and "confg" in r.out


def test_skipped_rule_types_are_reported_once(tmp_path):
    rules = {"House.Avoid": AVOID,
             "House.Spell": "extends: spelling\nmessage: \"Did you mean '%s'?\"\n",
             "House.Seq": "extends: sequence\nmessage: x\ntokens: []\n"}
    make_project(tmp_path, rules, INI, {"a.md": "Simply.\n", "b.md": "Fine.\n"})
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        r = run_cli("check", "--format", "vale-line", "--jobs", "1", ".")
    finally:
        os.chdir(old)
    assert r.out == "a.md:1:1:House.Avoid:Avoid 'Simply'.\n"
    assert r.err.count("type 'spelling' skipped") == 1 and "House.Spell" in r.err
    assert r.err.count("type 'sequence' skipped") == 1 and "House.Seq" in r.err


@pytest.mark.parametrize("problem, ini, rules, expected", [
    ("missing style", INI.replace("House", "Nope"), {"House.Avoid": AVOID}, "style 'Nope' does not exist"),
    ("bad level", INI + "House.Avoid = loud\n", {"House.Avoid": AVOID}, "must be YES, NO or one of"),
    ("bad pattern", INI, {"House.Avoid": "extends: existence\nmessage: x\ntokens:\n  - '(unclosed'\n"},
     "malformed pattern"),
    ("bad extends", INI, {"House.Avoid": "extends: existance\nmessage: x\n"}, "'extends' must be one of"),
])
def test_bad_vale_config_is_exit_2_naming_the_file(tmp_path, problem, ini, rules, expected):
    make_project(tmp_path, rules, ini, {"a.md": "Simply. We met in order to talk.\n"})
    r = run_cli("check", "--vale-config", str(tmp_path / ".vale.ini"), str(tmp_path / "a.md"))
    assert r.code == 2
    assert expected in r.out
    assert (".vale.ini" in r.out) or ("Avoid.yml" in r.out)
    assert "style.wordy" in r.out  # copydesk's own rules still ran on the draft


def test_negated_and_inline_scopes(tmp_path):
    rules = {
        "House.NotQuote": """\
            extends: existence
            message: "'%s' outside quotes and headings."
            scope:
              - ~blockquote & ~heading
            tokens:
              - TODO
            """,
        "House.LinkText": """\
            extends: existence
            message: "Link text '%s'."
            ignorecase: true
            scope: link
            tokens:
              - here
            """,
        "House.InCode": """\
            extends: existence
            message: "Code '%s'."
            scope: code
            tokens:
              - XXX
            """,
    }
    make_project(tmp_path, rules, INI, {"a.md": """\
        # TODO heading

        > TODO quoted

        TODO plain, see [here](https://example.com/here) and `XXX`. Here XXX is prose.

        ```
        TODO and XXX in a code block
        ```
        """})
    # As in Vale, code-scoped rules also read code blocks, and so does a scope made only of
    # negations (it admits every block that is not excluded); text-scoped rules never do.
    assert vale_lines(tmp_path) == [
        "a.md:5:1:House.NotQuote:'TODO' outside quotes and headings.",
        "a.md:5:18:House.LinkText:Link text 'here'.",
        "a.md:5:55:House.InCode:Code 'XXX'.",
        "a.md:8:1:House.NotQuote:'TODO' outside quotes and headings.",
        "a.md:8:10:House.InCode:Code 'XXX'.",
    ]


def test_ini_dialect(tmp_path):
    from lint.vale.ini import load_vale_config

    ini = tmp_path / ".vale.ini"
    ini.write_text(textwrap.dedent('''\
        # comment
        StylesPath = "styles"   ; inline comment
        MinAlertLevel = error

        [*]
        BasedOnStyles = Vale, House
        House.Avoid = NO

        [*.{md,txt}]
        BasedOnStyles = Other
        BlockIgnores = """(?s)(<svg.*?</svg>)"""
        TokenIgnores = (\\$\\w+\\$)
        TokenIgnores = (:\\w+:)
        '''), encoding="utf-8")
    cfg = load_vale_config(ini)
    assert cfg.styles_path == [tmp_path / "styles"]
    assert cfg.min_alert_level == "error"
    assert cfg.global_styles == ["Vale", "House"] and cfg.global_checks == {"House.Avoid": False}
    styles, checks, blocks, tokens = cfg.settings_for("docs/a.txt")
    assert styles == ["Other"] and blocks == ["(?s)(<svg.*?</svg>)"] and tokens == [r"(\$\w+\$)", r"(:\w+:)"]
    assert cfg.settings_for("a.html")[0] == ["Vale", "House"]


@pytest.mark.parametrize("pattern, path, matches", [
    ("*.md", "docs/deep/a.md", True),
    ("*.{md,txt}", "a.txt", True),
    ("*.{md,txt}", "a.html", False),
    ("docs/**/*.md", "docs/x/y.md", True),
    ("docs/*.md", "blog/a.md", False),
    ("[!_]*.md", "_draft.md", False),
])
def test_section_globs(pattern, path, matches):
    from lint.vale.glob import glob_match

    assert glob_match(pattern, path) is matches


def test_limit_caps_alerts_per_file_and_duplicates_across_scopes_are_reported_once(tmp_path):
    rules = {
        "House.Once": AVOID.replace("Avoid '%s'.", "Once '%s'.") + "limit: 1\n",
        "House.Both": """\
            extends: existence
            message: "Both '%s'."
            scope:
              - sentence
              - paragraph
            tokens:
              - simply
            """,
    }
    make_project(tmp_path, rules, INI, {"a.md": "We simply go. Simply so.\n\nAnd obviously.\n"})
    assert vale_lines(tmp_path) == [
        "a.md:1:4:House.Both:Both 'simply'.",
        "a.md:1:4:House.Once:Once 'simply'.",
    ]


#: Rules and drafts for the nine differences of issue #18; the expected lines are what the real Vale
#: v3.26.0 binary prints for them (scripts/prepare-vale), checked line for line.
ISSUE_18_RULES = {
    "House.Colons": """\
extends: existence
message: "'%s' should be in lowercase."
nonword: true
scope: sentence
tokens:
  - ':\\s[A-Z]'
""",
    "House.Contractions": """\
extends: substitution
message: "Use '%s' instead of '%s'."
ignorecase: true
swap:
  do not: don't
  can not: can't
""",
    "House.Dashes": """\
extends: existence
message: "Don't put a space before or after a dash."
nonword: true
tokens:
  - '\\s[—–]\\s'
  - '\\s:'
  - '\\(\\s'
""",
    "House.Ending": """\
extends: existence
message: "Item ends with '%s'."
scope: list
nonword: true
tokens:
  - 'now$'
""",
    "House.Long": """\
extends: occurrence
message: "Paragraph has more than 3 sentences... '%s'"
scope: paragraph
max: 3
token: '[^.!?]+[.!?]'
""",
    "House.Spacing": """\
extends: existence
message: "'%s' should have one space."
nonword: true
tokens:
  - '[a-z][.?!] {2,}[A-Z]'
""",
    "House.StartSo": """\
extends: existence
message: "Don't start a sentence with '%s'."
scope: sentence
nonword: true
tokens:
  - ^So\\b
""",
    "House.Terms": """\
extends: substitution
message: "Use '%s' instead of '%s'."
ignorecase: true
swap:
  e-?mail: (?:email|e-mail)
  java ?script: JavaScript
""",
}
ISSUE_18_INI = """\
StylesPath = styles
MinAlertLevel = suggestion

[*.{md,txt}]
BasedOnStyles = House
"""
ISSUE_18_NEWS = """\
This is the first sentence. Here is a list: Apples and pears.

So it begins. "It is late. So we go." So it ends.
One. Two. Three. Four.
"""
ISSUE_18_PAGE = """\
# Setup

- Fixed: Don't send the full URL.
- So this item starts with so.

> Note: So a quote has sentences. It is here.

He said "Stop. So we wait." and left.

Use the `make` tool -- run **`make`** (**not** `cmake`) first — or **bold** : here.
Triggers—**Article** and ( **x** ) here.

Please do
not open the door. You can  not go.  Then stop.

- A parent item that ends now
  - A nested item that ends now
- Last item ends now

Send an E-mail or Email, and use JavaScript or Javascript.
"""


def test_issue_18_differences_as_vale_prints_them(tmp_path):
    """txt runs sentence and paragraph scopes; quoted sentences split; list items, quotes and
    headings have sentences; inline-boundary whitespace follows the source; phrases match across a
    line wrap and keep their spaces in the message; a list item before a nested list keeps its end;
    a pattern replacement shows the spelling matched; occurrence's %s is the count."""
    make_project(tmp_path, ISSUE_18_RULES, ISSUE_18_INI, {"news.txt": ISSUE_18_NEWS, "page.md": ISSUE_18_PAGE})
    assert vale_lines(tmp_path) == [
        "news.txt:1:43:House.Colons:': A' should be in lowercase.",
        "news.txt:3:1:House.Long:Paragraph has more than 3 sentences... '8'",
        "news.txt:3:1:House.StartSo:Don't start a sentence with 'So'.",
        "news.txt:3:28:House.StartSo:Don't start a sentence with 'So'.",
        "news.txt:3:39:House.StartSo:Don't start a sentence with 'So'.",
        "page.md:3:8:House.Colons:': D' should be in lowercase.",
        "page.md:4:3:House.StartSo:Don't start a sentence with 'So'.",
        "page.md:6:7:House.Colons:': S' should be in lowercase.",
        "page.md:8:16:House.StartSo:Don't start a sentence with 'So'.",
        "page.md:10:62:House.Dashes:Don't put a space before or after a dash.",
        "page.md:10:76:House.Dashes:Don't put a space before or after a dash.",
        "page.md:11:26:House.Dashes:Don't put a space before or after a dash.",
        "page.md:13:8:House.Contractions:Use 'don't' instead of 'do not'.",
        "page.md:14:24:House.Contractions:Use 'can't' instead of 'can  not'.",
        "page.md:14:34:House.Spacing:'o.  T' should have one space.",
        "page.md:16:27:House.Ending:Item ends with 'now'.",
        "page.md:17:29:House.Ending:Item ends with 'now'.",
        "page.md:18:18:House.Ending:Item ends with 'now'.",
        "page.md:20:9:House.Terms:Use 'e-mail' instead of 'E-mail'.",
        "page.md:20:19:House.Terms:Use 'email' instead of 'Email'.",
        "page.md:20:48:House.Terms:Use 'JavaScript' instead of 'Javascript'.",
    ]


def test_txt_manuscript_chapters_are_headings_and_styles_path_is_not_linted(tmp_path):
    """A .txt file with chapter lines is read as a document (Vale's txtdoc): the chapter lines are
    headings, still made of sentences. Files under StylesPath are not prose. Expected: the binary's."""
    drafts = {"novel.txt": """\
        The Long Road Home

        Chapter One

        It was late: Everyone stayed inside. So they waited.

        Chapter 2: The Return

        So he returned. "It is late. So we go."
        """, "styles/House/README.md": "Not prose: So it is.\n"}
    rules = {k: v for k, v in ISSUE_18_RULES.items() if k in ("House.Colons", "House.StartSo")}
    make_project(tmp_path, rules, ISSUE_18_INI, drafts)
    assert vale_lines(tmp_path) == [
        "novel.txt:5:12:House.Colons:': E' should be in lowercase.",
        "novel.txt:5:38:House.StartSo:Don't start a sentence with 'So'.",
        "novel.txt:7:10:House.Colons:': T' should be in lowercase.",
        "novel.txt:9:1:House.StartSo:Don't start a sentence with 'So'.",
        "novel.txt:9:30:House.StartSo:Don't start a sentence with 'So'.",
    ]


def test_comments_switch_rules_off_for_the_region_they_cover(tmp_path):
    """A comment inside a paragraph covers only the text after it (Vale's comment regions); a style
    name or a rule's matches can be switched off too. Expected: what the Vale binary prints."""
    draft = """\
        Simply put. <!-- vale House.Avoid = NO -->Obviously hidden.<!-- vale House.Avoid = YES --> Simply shown.

        <!-- vale House = NO -->
        Simply hidden by style.
        <!-- vale House = YES -->

        <!-- vale House.Avoid["obviously"] = NO -->
        Obviously hidden, simply shown.
        <!-- vale House.Avoid["obviously"] = YES -->

        *Note*: <!-- vale off -->simply hidden<!-- vale on --> then obviously shown.
        """
    make_project(tmp_path, {"House.Avoid": AVOID}, INI, {"a.md": draft})
    assert vale_lines(tmp_path) == [
        "a.md:1:1:House.Avoid:Avoid 'Simply'.",
        "a.md:1:92:House.Avoid:Avoid 'Simply'.",
        "a.md:8:1:House.Avoid:Avoid 'Obviously'.",  # the match key is case-sensitive
        "a.md:8:19:House.Avoid:Avoid 'simply'.",
        "a.md:11:61:House.Avoid:Avoid 'obviously'.",
    ]
