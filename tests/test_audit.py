"""``copydesk audit`` on a real local Dask cluster (two worker processes).

Its records must match a plain ``copydesk check --format json`` of the same
drafts file by file, and every file must be reported exactly once, also when a
worker process dies in the middle of a task.
"""

from __future__ import annotations

import html
import json
import os
import random
from collections import Counter
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli

distributed = pytest.importorskip("distributed", reason="copydesk audit needs the audit extra (Dask)")

from distributed import Client, WorkerPlugin, get_task_stream  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402

from lint.audit import local_cluster, read_path_list  # noqa: E402

SENTENCES = [
    "The committee met in order to review the budget.",
    "Due to the fact that the road was closed, the bus was late.",
    "Prior to the vote, members spoke for an hour.",
    "The defence minister said the defense budget would rise.",
    "A spokesperson said the figures were TK.",
    "The mayor thanked residents for their patience.",
    "Officials declined to comment on the report.",
    "In order to win, the team changed its coach.",
    "The council will publish its findings in the spring.",
    "Critics called the plan a large number of half-measures.",
]
DATES = ["December 12, 2025", "March 3, 2024", "12/01/2023", "July 4, 2021"]


def _sources() -> list[tuple[str, str]]:
    """(name, text) of the real drafts in the repository: the sample and every fixture draft."""
    found = [("nato", (ROOT / "examples" / "nato-draft.md").read_text(encoding="utf-8"))]
    for path in sorted(FIXTURES.glob("*/*")):
        if path.suffix in {".md", ".txt", ".html"}:
            found.append((f"{path.parent.name}-{path.stem}", path.read_text(encoding="utf-8")))
    return found


def _variant(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    extra = rng.sample(SENTENCES, rng.randint(0, 4))
    where = rng.randint(0, len(lines))
    if lines and lines[0] == "---" and "---" in lines[1:]:  # not inside the front matter: that is a broken header
        where = max(where, lines.index("---", 1) + 1)
    lines[where:where] = ["", " ".join(extra), ""] if extra else []
    choice = rng.random()
    if choice < 0.25:
        lines = ["---", f"date: 20{rng.randint(18, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "---", *lines]
    elif choice < 0.4:
        lines = [rng.choice(DATES), "", *lines]
    elif choice < 0.5:
        lines = ["<!-- copydesk-disable-next-line style.wordy -->", *lines]
    return "\n".join(lines) + ("\n" if rng.random() < 0.8 else "")


def _as_html(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<html><body>\n{body}\n</body></html>\n"


def make_corpus(root: Path, count: int, seed: int = 9) -> Path:
    """``count`` varied drafts in a folder tree, with one folder under its own config and two bad files."""
    rng = random.Random(seed)
    sources = _sources()
    root.mkdir(parents=True, exist_ok=True)
    (root / "desk" / "house").mkdir(parents=True, exist_ok=True)
    (root / "desk" / "house" / ".copydesk.yaml").write_text("ignore: [style.wordy]\n", encoding="utf-8")
    folders = ["", "2024", "2024/politics", "2025/world", "desk", "desk/house"]
    for i in range(count):
        name, text = sources[i % len(sources)]
        text = _variant(text, rng)
        suffix = rng.choice([".md", ".md", ".md", ".txt", ".html"])
        if suffix == ".html":
            text = _as_html(text)
        folder = root / rng.choice(folders)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:04d}-{name}{suffix}").write_text(text, encoding="utf-8")
    (root / "2024" / "broken-latin1.md").write_bytes("Caf\xe9 owners met in order to talk.\n".encode("latin-1"))
    (root / "2025" / "binary.txt").write_bytes(b"\x00\x01\x02 not a draft")
    return root


def by_file_from_check(paths) -> dict[str, dict]:
    """What ``copydesk check --format json --jobs 1`` says about each file."""
    result = run_cli("check", "--format", "json", "--jobs", "1", "--fail-on", "never", *paths)
    assert result.code in (0, 2), result.err
    report = result.json
    files: dict[str, dict] = {}

    def entry(path):
        return files.setdefault(path, {"document": None, "findings": [], "errors": []})

    for doc in report["documents"]:
        entry(doc["path"])["document"] = doc
    for finding in report["findings"]:
        entry(finding["path"])["findings"].append(finding)
    for error in report["errors"]:
        entry(error["path"])["errors"].append(error)
    return files


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_file_from_audit(records: list[dict]) -> dict[str, dict]:
    """The audit's records grouped by file, asserting that each file's records are written once, together."""
    files: dict[str, dict] = {}
    order: list[str] = []
    for record in records:
        kind = record.pop("type")
        if kind in {"start", "summary"}:
            continue
        path = record["path"]
        if not order or order[-1] != path:
            assert path not in files, f"{path}: records written in two places (reported twice?)"
            order.append(path)
        entry = files.setdefault(path, {"document": None, "findings": [], "errors": []})
        if kind == "document":
            assert entry["document"] is None, f"{path}: two document records"
            count = record.pop("findings")
            entry["document"] = record
            entry["expected_findings"] = count
        else:
            entry[kind + "s"].append(record)
    for path, entry in files.items():
        if entry["document"] is not None:
            assert entry.pop("expected_findings") == len(entry["findings"]), path
    return files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("archive") / "drafts", 300)


@pytest.fixture(scope="module")
def expected(corpus) -> dict[str, dict]:
    return by_file_from_check([corpus])


@pytest.fixture(scope="module")
def client():
    cluster = local_cluster(workers=2, retries=2)
    assert len(cluster.workers) == 2
    with Client(cluster) as c:
        yield c
    cluster.close()


def test_the_corpus_is_varied(expected):
    """The comparison means something only if the drafts give many and varied results."""
    rules = Counter(f["rule"] for entry in expected.values() for f in entry["findings"])
    formats = Counter(Path(p).suffix for p in expected)
    assert len(expected) == 302
    assert sum(rules.values()) > 300 and len(rules) >= 3, rules
    assert {".md", ".txt", ".html"} <= set(formats)
    assert sum(bool(e["errors"]) for e in expected.values()) == 2
    assert len({e["document"]["as_of_source"] for e in expected.values() if e["document"]}) >= 3


def test_audit_matches_check_file_by_file_on_two_workers(client, corpus, expected, tmp_path):
    out = tmp_path / "audit.jsonl"
    with get_task_stream(client) as tasks:
        result = run_cli("audit", "--scheduler", client.scheduler.address, "--batch-size", "20",
                         "--output", out, corpus)
    assert result.code == 2, result.err  # the two bad files are errors, as in copydesk check
    records = read_records(out)
    assert records[0]["type"] == "start" and records[0]["files"] == 302 and records[0]["schema"] == 1
    summary = records[-1]
    assert summary["type"] == "summary" and summary["complete"] is True
    assert summary["files"] == 302 and summary["errors"] == 2 and summary["resubmitted"] == 0
    validator = Draft202012Validator(json.loads((ROOT / "docs" / "audit.schema.json").read_text(encoding="utf-8")))
    for record in records:
        validator.validate(record)
    assert by_file_from_audit(records) == expected
    assert summary["findings"] == sum(len(e["findings"]) for e in expected.values())
    assert len({t["worker"] for t in tasks.data}) == 2, "both worker processes should have checked files"
    assert "302/302 files" in result.err  # progress on stderr


def test_paths_from_a_list_are_each_checked_once(client, corpus, tmp_path):
    drafts = sorted(str(p) for p in corpus.rglob("*.md"))[:40]
    listing = tmp_path / "drafts.txt"
    listing.write_text("# drafts to re-check\n" + "\n".join(drafts + drafts[:5]) + "\n\n"
                       + str(corpus / "gone.md") + "\n", encoding="utf-8")
    out = tmp_path / "audit.jsonl"
    result = run_cli("audit", "--scheduler", client.scheduler.address, "--from-list", listing, "--output", out,
                     "--no-progress")
    assert result.code == 2 and result.err == ""
    got = by_file_from_audit(read_records(out))
    assert sorted(got) == sorted([*drafts, str(corpus / "gone.md")])
    assert got[str(corpus / "gone.md")]["errors"] == [{"path": str(corpus / "gone.md"),
                                                         "message": "no such file or folder"}]
    del got[str(corpus / "gone.md")]
    assert got == by_file_from_check(drafts)


def test_each_file_is_judged_by_the_fail_on_of_its_own_config(client, tmp_path):
    """As in copydesk check (issue #14): strict/.copydesk.yaml's fail_on decides for strict/, whatever the
    first path's config says; --fail-on decides for every file."""
    (tmp_path / ".copydesk.yaml").write_text("fail_on: error\n", encoding="utf-8")
    for folder in ("lenient", "strict"):
        (tmp_path / folder).mkdir()
        info_only = "At the end of the day, we utilize the tools.\n"  # style.cliche, style.plain-words: info
        (tmp_path / folder / "a.md").write_text(info_only, encoding="utf-8")
    (tmp_path / "strict" / ".copydesk.yaml").write_text("fail_on: info\n", encoding="utf-8")

    def audit(*args):
        return run_cli("audit", "--scheduler", client.scheduler.address, "-o", tmp_path / "out.jsonl",
                       "--no-progress", *args).code

    assert audit(tmp_path / "lenient") == 0
    assert audit(tmp_path / "lenient", tmp_path / "strict") == 1
    assert audit("--fail-on", "error", tmp_path / "lenient", tmp_path / "strict") == 0


def test_the_list_can_come_from_stdin(client, corpus, tmp_path):
    drafts = sorted(str(p) for p in corpus.rglob("*.html"))[:10]
    out = tmp_path / "audit.jsonl"
    result = run_cli("audit", "--scheduler", client.scheduler.address, "--from-list", "-", "-o", out,
                     "--fail-on", "never", stdin="\n".join(drafts))
    assert result.code == 0, result.err
    assert by_file_from_audit(read_records(out)) == by_file_from_check(drafts)


class KillWorkerOn(WorkerPlugin):
    """Makes the worker process that checks ``victim`` die on the spot (os._exit, no clean-up).

    With ``once``, only the first time: a marker file, created atomically, says it happened.
    """

    name = "copydesk-test-kill-worker"

    def __init__(self, victim: str, marker: str, once: bool = True) -> None:
        self.victim, self.marker, self.once = victim, marker, once

    def setup(self, worker) -> None:
        import lint.audit

        self.original = original = lint.audit.check_file
        victim, marker, once = self.victim, self.marker, self.once

        def check_file(path, options):
            if path == victim:
                try:
                    os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                    first = True
                except FileExistsError:
                    first = False
                if first or not once:
                    os._exit(13)
            return original(path, options)

        lint.audit.check_file = check_file

    def teardown(self, worker) -> None:
        import lint.audit

        lint.audit.check_file = self.original


class OtherRules(WorkerPlugin):
    """Makes the workers report other rule packs than the client's."""

    name = "copydesk-test-other-rules"

    def setup(self, worker) -> None:
        import lint.audit

        self.original = lint.audit.installation
        lint.audit.installation = lambda: "copydesk 0.1.0, rules 000000000000"

    def teardown(self, worker) -> None:
        import lint.audit

        lint.audit.installation = self.original


def test_workers_with_other_rule_packs_are_refused_before_any_work(client, corpus, tmp_path):
    client.register_plugin(OtherRules())
    try:
        out = tmp_path / "audit.jsonl"
        result = run_cli("audit", "--scheduler", client.scheduler.address, "-o", out, corpus)
    finally:
        client.unregister_worker_plugin(OtherRules.name)
    assert result.code == 2
    assert "Dask workers run another copydesk than this one" in result.err
    assert "rules 000000000000" in result.err
    assert out.read_text(encoding="utf-8") == ""


def _workers(client) -> set[str]:
    return set(client.scheduler_info()["workers"])


def test_a_worker_dying_mid_run_loses_and_repeats_nothing(client, corpus, expected, tmp_path):
    victim = sorted(expected)[150]
    marker = tmp_path / "killed"
    before = _workers(client)
    client.register_plugin(KillWorkerOn(victim, str(marker)))
    try:
        out = tmp_path / "audit.jsonl"
        result = run_cli("audit", "--scheduler", client.scheduler.address, "--batch-size", "20",
                         "--output", out, corpus)
    finally:
        client.unregister_worker_plugin(KillWorkerOn.name)
    assert marker.exists(), "the worker should have been killed"
    client.wait_for_workers(2, timeout=30)
    assert _workers(client) != before, "the nanny should have started a new worker process"
    assert result.code == 2, result.err
    records = read_records(out)
    summary = records[-1]
    assert summary["complete"] is True and summary["files"] == 302 and summary["workers_lost"] == 1
    assert summary["resubmitted"] == 0  # the scheduler ran the lost task again; nothing had to be split
    assert "left the cluster" in result.err
    assert by_file_from_audit(records) == expected


def test_a_draft_that_kills_every_worker_is_reported_and_the_rest_are_checked(client, corpus, expected, tmp_path):
    victim = sorted(expected)[40]
    client.run_on_scheduler(_set_allowed_failures, 0)  # give up on a task after one dead worker: faster test
    client.register_plugin(KillWorkerOn(victim, str(tmp_path / "killed"), once=False))
    try:
        out = tmp_path / "audit.jsonl"
        result = run_cli("audit", "--scheduler", client.scheduler.address, "--batch-size", "10",
                         "--output", out, "--no-progress", *sorted(expected)[30:60])
    finally:
        client.unregister_worker_plugin(KillWorkerOn.name)
        client.run_on_scheduler(_set_allowed_failures, 2)
    client.wait_for_workers(2, timeout=30)
    assert result.code == 2
    records = read_records(out)
    got = by_file_from_audit(records)
    assert sorted(got) == sorted(expected)[30:60]
    [error] = got.pop(victim)["errors"]
    assert "worker process checking it died" in error["message"]
    assert got == {p: expected[p] for p in sorted(expected)[30:60] if p != victim}
    summary = records[-1]
    assert summary["resubmitted"] >= 10  # its batch; a batch that shared the dying worker may fail too
    assert summary["isolated"] >= 1 and summary["workers_lost"] >= 2 and summary["complete"] is True


def _set_allowed_failures(n, dask_scheduler=None):
    dask_scheduler.allowed_failures = n


def test_without_a_scheduler_it_starts_a_local_cluster(tmp_path):
    drafts = make_corpus(tmp_path / "drafts", 12, seed=3)
    out = tmp_path / "audit.jsonl"
    result = run_cli("audit", "--workers", "2", "--batch-size", "3", "-o", out, drafts)
    assert result.code == 2, result.err
    assert by_file_from_audit(read_records(out)) == by_file_from_check([drafts])


def test_stdin_as_a_draft_is_refused_with_a_pointer_to_from_list():
    result = run_cli("audit", "-")
    assert result.code == 2
    assert "--from-list -" in result.err


def test_an_unreadable_list_names_the_file(tmp_path):
    result = run_cli("audit", "--from-list", tmp_path / "nope.txt")
    assert result.code == 2
    assert "nope.txt: cannot read the list of paths" in result.err


def test_path_lists_skip_blank_lines_and_comments(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("# archive\n a.md \n\nb/c.txt\n", encoding="utf-8")
    assert read_path_list(str(listing)) == ["a.md", "b/c.txt"]


def test_a_checker_bug_on_one_file_is_that_files_error_record(monkeypatch, tmp_path):
    import lint.audit
    from lint.engine import Checker, Options

    good = tmp_path / "good.md"
    good.write_text("We met in order to talk.\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("Anything.\n", encoding="utf-8")
    real = Checker.check_path

    def check_path(self, path, keep_text=False):
        if path == str(bad):
            raise ValueError("offset out of range")
        return real(self, path, keep_text)

    monkeypatch.setattr(Checker, "check_path", check_path)
    good_outcome, bad_outcome = lint.audit.check_batch([str(good), str(bad)], Options())
    assert [r["type"] for r in good_outcome.records] == ["document", "finding"]
    assert bad_outcome.records == [{"type": "error", "path": str(bad),
                                    "message": "copydesk failed on this file: ValueError: offset out of range"}]


def test_a_missing_scheduler_file_is_an_error_not_a_wait(tmp_path):
    result = run_cli("audit", "--scheduler-file", tmp_path / "scheduler.json", tmp_path)
    assert result.code == 2
    assert "scheduler.json: no such scheduler file" in result.err


def test_the_command_line_defaults_are_the_library_defaults():
    import lint.audit
    import lint.commands.audit

    assert lint.commands.audit.DEFAULT_BATCH_SIZE == lint.audit.DEFAULT_BATCH_SIZE
    assert lint.commands.audit.DEFAULT_RETRIES == lint.audit.DEFAULT_RETRIES


def test_building_the_parser_imports_neither_dask_nor_the_audit_module():
    """Every copydesk run (a pre-commit hook too) builds the parser; the audit must cost it nothing."""
    import subprocess
    import sys

    code = ("import sys, lint.cli; lint.cli.build_parser(); "
            "print(sorted(m for m in sys.modules if m in {'lint.audit', 'dask', 'distributed', 'tornado'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
