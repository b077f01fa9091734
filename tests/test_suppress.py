"""Suppression comments in Markdown and plain text."""

from __future__ import annotations


def rules_at_lines(cli, path) -> list[tuple[int, str]]:
    r = cli("check", "--format", "json", "--select", "style", path)
    return [(f["line"], f["rule"]) for f in r.json["findings"]]


def test_disable_next_line_range_and_file(cli, write):
    draft = write("a.md", """\
One in order to.

<!-- copydesk-disable-next-line style.wordy -->
Two in order to, TK.

<!-- copydesk-disable -->
Three in order to, TK.
<!-- copydesk-enable -->

<!-- copydesk-disable style -->
Four in order to.
<!-- copydesk-enable style -->

Five in order to.
""")
    assert rules_at_lines(cli, draft) == [(1, "style.wordy"), (4, "style.placeholder"), (14, "style.wordy")]


def test_disable_file_for_one_rule(cli, write):
    draft = write("a.md", "<!-- copydesk-disable-file style.wordy -- house style allows it -->\nin order to TK\n")
    assert rules_at_lines(cli, draft) == [(2, "style.placeholder")]


def test_same_comments_in_txt(cli, write):
    draft = write("a.txt", "<!-- copydesk-disable-next-line -->\nin order to TK\nin order to\n")
    assert rules_at_lines(cli, draft) == [(3, "style.wordy")]


def test_comment_inside_code_block_does_not_suppress(cli, write):
    draft = write("a.md", "```\n<!-- copydesk-disable-file -->\n```\n\nin order to\n")
    assert rules_at_lines(cli, draft) == [(5, "style.wordy")]


def test_unclosed_disable_runs_to_end(cli, write):
    draft = write("a.md", "in order to\n\n<!-- copydesk-disable style.wordy -->\n\nin order to\n\nprior to\n")
    assert rules_at_lines(cli, draft) == [(1, "style.wordy")]
