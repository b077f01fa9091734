"""Hostile files through the real command line: huge, swapped mid-run, special files, pathological Markdown.

Each bad file is a clear per-file error (exit 2) while every other file is still checked; each
strange-but-valid draft is checked with every default rule without a crash (exit 0 or 1, no error),
and every finding's line:col span round-trips to exactly the text it reports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT
from lint.engine import Options, run
from lint.positions import LineIndex
from lint.source import MAX_BYTES, decode

HUGE = 100 * 1024 * 1024  # bytes: a 100 MB draft
#: Seconds a whole command may take before it counts as hung (generous: the machine is shared).
HANG = 120


def copydesk(*args, stdin=None, measure: bool = False):
    """Run copydesk in a fresh process; with ``measure``, also its peak resident memory in bytes.

    The peak is read in a small wrapper process, whose only child is copydesk, so nothing else this
    test session started (a LanguageTool server, say) can be counted.
    """
    command = [sys.executable, "-m", "lint", *map(str, args)]
    wrapper = textwrap.dedent("""
        import json, resource, subprocess, sys
        command = json.loads(sys.argv[1])
        done = subprocess.run(command, stdin=sys.stdin, capture_output=True, text=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
        print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr, "peak": peak}))
    """)
    done = subprocess.run([sys.executable, "-c", wrapper, json.dumps(command)], stdin=stdin, capture_output=True,
                          text=True, timeout=HANG, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    return (result, result["peak"]) if measure else result


@pytest.fixture
def huge(tmp_path):
    """A 100 MB draft, deleted after the test (pytest keeps the tmp folders of recent runs)."""
    path = tmp_path / "huge.md"
    write_huge(path)
    yield path
    path.unlink()


def write_huge(path, size: int = HUGE) -> None:
    """A real ``size``-byte draft of repeated prose (not sparse: every byte is on disk)."""
    block = ("In order to meet the deadline, the desk read every line of the draft again. " * 1000 + "\n\n").encode()
    with open(path, "wb") as fh:
        written = 0
        while written < size:
            chunk = block[: size - written]
            fh.write(chunk)
            written += len(chunk)


# -- bad files: a per-file error, exit 2, the others still checked ----------------------------------

def test_100_mb_draft_is_refused_in_bounded_memory(tmp_path, huge):
    big = huge
    assert big.stat().st_size == HUGE > MAX_BYTES
    good = tmp_path / "good.md"
    good.write_text("In order to win, we ran.\n")
    result, peak = copydesk("check", "--format", "json", "--jobs", "1", "--no-cache", big, good, measure=True)
    assert result["code"] == 2, result["err"]
    report = json.loads(result["out"])
    assert report["errors"] == [{"path": str(big), "message": f"too large ({HUGE} bytes; the limit is {MAX_BYTES})"}]
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [(str(good), "style.wordy")]
    # The file is never read: the process stays at the interpreter's own size, far below the file's.
    assert peak < HUGE / 2, f"peak RSS {peak / 2**20:.0f} MiB"
    print(f"peak RSS checking a 100 MB draft: {peak / 2**20:.1f} MiB")


def test_100_mb_on_stdin_is_refused_after_reading_at_most_the_limit(huge):
    with open(huge, "rb") as stdin:
        result, peak = copydesk("check", "--format", "json", "--no-cache", "-", stdin=stdin, measure=True)
    assert result["code"] == 2
    (error,) = json.loads(result["out"])["errors"]
    assert error["path"] == "-" and error["message"].startswith("too large (more than")
    assert peak < HUGE, f"peak RSS {peak / 2**20:.0f} MiB"  # at most the limit is held, never the whole stream
    print(f"peak RSS refusing 100 MB on stdin: {peak / 2**20:.1f} MiB")


def test_file_swapped_for_a_folder_between_listing_and_reading(tmp_path, monkeypatch):
    import lint.engine

    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("In order to win.\n")
    b.write_text("In order to win.\n")
    real_expand = lint.engine.expand_paths

    def expand_then_swap(*args, **kwargs):
        files, errors = real_expand(*args, **kwargs)
        a.unlink()
        a.mkdir()  # what root cannot be kept from reading by chmod, it cannot read as a file at all
        return files, errors

    monkeypatch.setattr(lint.engine, "expand_paths", expand_then_swap)
    report = run([str(tmp_path)], Options(jobs=1))
    assert [(e.path, e.message) for e in report.errors] == [(str(a), "is a folder")]
    assert [f.path for f in report.findings] == [str(b)]


def test_fifo_without_a_writer_and_a_device_are_refused_not_waited_on(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")  # opening it for reading would wait for a writer forever
    (folder / "good.md").write_text("In order to win.\n")
    result = copydesk("check", "--format", "json", "--jobs", "1", "--no-cache", folder, "/dev/zero")
    assert result["code"] == 2
    report = json.loads(result["out"])
    assert {(os.path.basename(e["path"]), e["message"]) for e in report["errors"]} == {
        ("pipe.md", "not a regular file (a named pipe), not a text draft"),
        ("zero", "not a regular file (a character device), not a text draft")}
    assert [os.path.basename(f["path"]) for f in report["findings"]] == ["good.md"]


def test_file_replaced_by_a_fifo_after_listing_is_refused(tmp_path, monkeypatch):
    import lint.engine

    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("In order to win.\n")
    b.write_text("In order to win.\n")
    real_expand = lint.engine.expand_paths

    def expand_then_swap(*args, **kwargs):
        files, errors = real_expand(*args, **kwargs)
        a.unlink()
        os.mkfifo(a)
        return files, errors

    monkeypatch.setattr(lint.engine, "expand_paths", expand_then_swap)
    report = run([str(tmp_path)], Options(jobs=1))
    assert [(e.path, e.message) for e in report.errors] == [
        (str(a), "not a regular file (a named pipe), not a text draft")]
    assert [f.path for f in report.findings] == [str(b)]


def test_file_that_became_unreadable_is_a_per_file_error(tmp_path, monkeypatch):
    """Tests run as root, whom chmod does not stop; the refusal is simulated where copydesk opens the file."""
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("In order to win.\n")
    b.write_text("In order to win.\n")
    real_open = os.open

    def refuse_a(path, *args, **kwargs):
        if os.fspath(path) == str(a):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_a)
    report = run([str(tmp_path)], Options(jobs=1))
    assert [(e.path, e.message) for e in report.errors] == [(str(a), "permission denied")]
    assert [f.path for f in report.findings] == [str(b)]


# -- strange but valid drafts: every default rule, no crash, exact spans ----------------------------------

def nested_list(depth: int) -> str:
    return "".join("  " * i + f"- level {i} in order to go\n" for i in range(depth))


HOSTILE_DRAFTS = {
    "unbalanced-fences.md": "Intro in order to start.\n\n```python\nnever closed\n\n~~~\nIn order to end.\n"
                            "````\n```\n\nAfter the the fences.\n",
    "nested-lists-1000.md": nested_list(1000),
    "nested-quotes-1000.md": ">" * 1000 + " deep quote in order to go\n\n"
                             + "".join("> " * i + "x\n" for i in range(300)),
    "nested-mixed-1000.md": "".join("> " if i % 2 else "- " for i in range(1000)) + "the the end\n",
    "nested-html-1000.html": "<div>" * 1000 + "<p>In order to win the the race.</p>" + "</div>" * 1000,
    "long-line-1mb.md": ("In order to win, the the team ran. " * 30000)[: 1024 * 1024] + "\n",
    "long-line-1mb.txt": "word " * 210000,
    "cr-only.md": "# Title\r\rIn order to win.\rThe the end.\r\r- item\r- item\r",
    "cr-only.txt": "First line in order to.\rSecond the the line.\r",
    "bom-crlf.md": "\ufeff---\r\ndate: 2025-12-12\r\n---\r\n# Title\r\n\r\nIn order to win, the the team ran.\r\n",
    "zero-width.md": "In\u200b order\u200c to\u200d win, the\u2060 the team ran.\ufeff\n\n"
                     "Zero\u200bwidth in order to.\n",
    "rtl.md": "\u202eIn order to win\u202c, the the team ran. שלום עולם in order to. "
              "مرحبا بالعالم \u200fthe the\u200e end.\n",
    "mixed-newlines.md": "One in order to.\r\nTwo the the.\rThree.\nFour in order to.\n\r\n",
}


def assert_spans_round_trip(path, findings) -> None:
    text = decode(path.read_bytes())
    index = LineIndex(text)
    for f in findings:
        start = index.offset(f["line"], f["column"])
        end = index.offset(f["end_line"], f["end_column"])
        assert 0 <= start <= end <= len(text), f
        assert text[start:end] == f["match"], f


@pytest.mark.parametrize("name", list(HOSTILE_DRAFTS))
def test_hostile_draft_is_checked_with_every_default_rule(tmp_path, cli, name):
    draft = tmp_path / name
    draft.write_bytes(HOSTILE_DRAFTS[name].encode("utf-8"))
    result = cli("check", "--format", "json", "--jobs", "1", "--no-cache", draft)
    assert result.code in (0, 1), result.out + result.err
    report = result.json
    assert report["errors"] == [], report["errors"]
    assert "Traceback" not in result.err and "RecursionError" not in result.err
    assert len(report["documents"]) == 1
    assert_spans_round_trip(draft, report["findings"])


def test_hostile_drafts_are_not_silently_empty(tmp_path, cli):
    """The obvious mistakes in the strange drafts are still found (the checks did not just give up)."""
    for name in ("cr-only.md", "bom-crlf.md", "zero-width.md", "unbalanced-fences.md", "nested-lists-1000.md"):
        (tmp_path / name).write_bytes(HOSTILE_DRAFTS[name].encode("utf-8"))
    report = cli("check", "--format", "json", "--jobs", "1", "--no-cache", tmp_path).json
    rules = {(os.path.basename(f["path"]), f["rule"]) for f in report["findings"]}
    assert {("cr-only.md", "style.wordy"), ("bom-crlf.md", "style.wordy"), ("zero-width.md", "style.wordy"),
            ("unbalanced-fences.md", "style.wordy"), ("nested-lists-1000.md", "style.wordy")} <= rules
    bom = [f for f in report["findings"] if f["path"].endswith("bom-crlf.md") and f["rule"] == "style.wordy"]
    assert [(f["line"], f["column"]) for f in bom] == [(6, 1)]  # the BOM does not shift a column


def test_one_and_two_jobs_agree_on_a_hostile_folder(tmp_path, cli):
    # The 1 MB lines are checked above; here a 100 kB one keeps the four runs short.
    drafts = {name: body for name, body in HOSTILE_DRAFTS.items() if not name.startswith("long-line")}
    drafts["long-line-100kb.md"] = HOSTILE_DRAFTS["long-line-1mb.md"][:100_000] + "\n"
    for name, body in drafts.items():
        (tmp_path / name).write_bytes(body.encode("utf-8"))
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.md").write_bytes("Caf\xe9 in order to.\n".encode("latin-1"))
    (tmp_path / "utf16.md").write_bytes("\ufeffIn order to win.\n".encode("utf-16"))
    (tmp_path / "empty.md").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe.md")
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    one = cli("check", "--format", "json", "--jobs", "1", "--no-cache", tmp_path)
    two = cli("check", "--format", "json", "--jobs", "2", "--no-cache", tmp_path)
    assert one.code == two.code == 2
    assert one.out == two.out
    errors = {os.path.basename(e["path"]): e["message"] for e in one.json["errors"]}
    assert set(errors) == {"binary.md", "latin1.md", "pipe.md", "dangling.md"}
    assert errors["latin1.md"] == "not valid UTF-8 at byte 3"
    assert len(one.json["documents"]) == len(drafts) + 2  # + utf16.md and empty.md
