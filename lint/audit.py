"""Archive audits: ``copydesk check`` over a very large set of drafts on a Dask cluster.

The drafts are split into batches; each batch is one Dask task that runs the
same :class:`lint.engine.Checker` as ``copydesk check`` on its files and returns
their results as JSON-ready records. The client writes a batch's records to a
JSON Lines stream when, and only when, its task completes, so a file's records
are written exactly once however often its task ran:

* a worker that dies mid-task: the scheduler runs the task again on another
  worker (up to ``allowed-failures`` times); its results were never sent;
* a task that raised: Dask retries it (``retries``); if it still fails, or the
  scheduler gave up on it (``KilledWorker``), the batch is split into one task
  per file, so one file that crashes the checker costs only its own result;
* a single-file task that fails too is run once more at the end, alone on the
  cluster (a worker's death counts against every task it held, so it may have
  been a bystander); if it fails then, it is written as an ``error`` record.

An exception in the checker on one file (a bug) does not fail the task: it is
that file's ``error`` record.

Only the submitting side imports Dask (lazily, inside :func:`connect` and
:func:`audit`); the worker side (:func:`check_batch`) needs copydesk alone.
The record schema is documented in docs/audit.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from lint import __version__
from lint.errors import CopydeskError

if TYPE_CHECKING:
    from lint.engine import Checker, FileResult, Options

#: Version of the JSON Lines record schema (the ``schema`` field of the ``start`` record).
SCHEMA_VERSION = 1
#: Files per task: large enough that scheduling costs little next to checking, small
#: enough that a lost worker costs little work and progress moves steadily.
DEFAULT_BATCH_SIZE = 50
#: How often a failed task is run again before its batch is split into single files.
DEFAULT_RETRIES = 2


# -- worker side ---------------------------------------------------------------

_local = threading.local()


def _checker(options: Options) -> Checker:
    """The worker's Checker for these options, built once and kept between tasks.

    A Checker caches configs and built rules; keeping it in a module-level
    (thread-local, for workers that run several threads) slot means the rules are
    built once per worker, not once per task.
    """
    from lint.engine import Checker

    checker = getattr(_local, "checker", None)
    if checker is None or checker.options != options:
        checker = _local.checker = Checker(options)
    return checker


@dataclass
class FileOutcome:
    """One file's records (document, findings, errors, in that order) and any notices."""

    path: str
    records: list[dict]
    notices: list[str] = field(default_factory=list)
    #: The fail_on of the config that governs the file (None: that config sets none).
    fail_on: str | None = None


def file_records(result: FileResult) -> list[dict]:
    """The JSON Lines records for one checked file, in the shapes of the JSON report."""
    from lint.finding import Finding

    records: list[dict] = []
    if result.document is not None:
        records.append({"type": "document", **result.document.to_dict(), "findings": len(result.findings)})
    records.extend({"type": "finding", **f.to_dict()} for f in sorted(result.findings, key=Finding.sort_key))
    records.extend({"type": "error", **e.to_dict()} for e in sorted(result.errors, key=lambda e: e.message))
    return records


def check_file(path: str, options: Options) -> FileOutcome:
    """Check one draft exactly as ``copydesk check`` does.

    An unexpected exception (a bug) becomes this file's error record instead of failing the
    whole batch: running the batch again would only fail again.
    """
    try:
        result = _checker(options).check_path(path)
    except Exception as exc:  # noqa: BLE001 - one file's bug must not cost the other files of its batch
        return FileOutcome(path, [{"type": "error", "path": path,
                                   "message": f"copydesk failed on this file: {type(exc).__name__}: {exc}"}])
    return FileOutcome(path, file_records(result), list(result.notices), result.fail_on)


def check_batch(paths: list[str], options: Options) -> list[FileOutcome]:
    """The task a worker runs: check each file of the batch."""
    return [check_file(path, options) for path in paths]


def installation() -> str:
    """What decides the findings besides the drafts and their configs: copydesk's version and a
    digest of its shipped rule packs and facts. Run on every worker before the audit starts."""
    import hashlib

    from lint.resources import rules_dir

    digest = hashlib.sha256()
    root = rules_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return f"copydesk {__version__}, rules {digest.hexdigest()[:12]}"


def failed_outcome(path: str, exc: BaseException) -> FileOutcome:
    """The error record for a file whose own task failed for good."""
    if type(exc).__name__ == "KilledWorker":
        message = ("could not be checked: the worker process checking it died each time it was tried "
                   "(the file may crash the checker)")
    else:
        message = f"could not be checked: {type(exc).__name__}: {exc}"
    return FileOutcome(path, [{"type": "error", "path": path, "message": message}])


# -- input ---------------------------------------------------------------------

def read_path_list(source: str) -> list[str]:
    """Paths listed one a line in a file (``-``: stdin); blank lines and ``#`` comments are skipped."""
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            with open(source, encoding="utf-8") as fh:
                text = fh.read()
    except OSError as exc:
        raise CopydeskError(f"{source}: cannot read the list of paths: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise CopydeskError(f"{source}: the list of paths is not valid UTF-8 (byte {exc.start})") from None
    paths = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            paths.append(line)
    return paths


def distinct(paths: Iterable[str]) -> list[str]:
    """Each path once, first occurrence first: an audit reports every file exactly once."""
    return list(dict.fromkeys(paths))


def batches(files: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(files), size):
        yield files[i:i + size]


# -- the cluster -----------------------------------------------------------------

def _require_dask():
    try:
        import distributed  # noqa: F401
    except ModuleNotFoundError:
        raise CopydeskError("copydesk audit needs Dask: pip install 'copydesk[audit]'") from None


def local_cluster(workers: int, retries: int = DEFAULT_RETRIES):
    """A cluster of ``workers`` single-threaded worker processes on this machine.

    Everything listens on 127.0.0.1 on free ports; the dashboard is off. A worker
    process that dies is restarted by its nanny, and the scheduler runs its tasks
    again, up to ``retries`` times per task.
    """
    _require_dask()
    import logging

    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": retries}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address=None,
                            # dashboard off, but the scheduler's HTTP routes still listen: on a free local port
                            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                            silence_logs=logging.ERROR)


def connect(scheduler: str | None = None, scheduler_file: str | None = None, workers: int = 1,
            retries: int = DEFAULT_RETRIES, wait: float = 60.0, connect_timeout: float = 10.0):
    """A Dask client: to a running scheduler, or to a new local cluster (returned too, to close)."""
    _require_dask()
    from distributed import Client

    client = cluster = None
    try:
        if scheduler or scheduler_file:
            where = scheduler or scheduler_file
            if scheduler_file and not os.path.isfile(scheduler_file):  # Dask would wait for it forever
                raise CopydeskError(f"{scheduler_file}: no such scheduler file")
            try:
                client = Client(scheduler, scheduler_file=scheduler_file, timeout=connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise CopydeskError(f"cannot reach the Dask scheduler at {where}: {exc}") from None
            try:
                client.wait_for_workers(1, timeout=wait)
            except TimeoutError:
                raise CopydeskError(f"the Dask scheduler at {where} has no workers (waited {wait:g} s)") from None
        else:
            cluster = local_cluster(workers, retries)
            client = Client(cluster)
        _check_workers(client)
    except BaseException:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        raise
    return client, cluster


def _check_workers(client) -> None:
    """Every worker must run this copydesk with these rule packs, or the findings would not be
    those of ``copydesk check`` here."""
    try:
        found = client.run(installation)
    except Exception as exc:  # noqa: BLE001 - whatever it is, the workers cannot run the audit
        raise CopydeskError(f"cannot run copydesk on the Dask workers ({type(exc).__name__}: {exc}); "
                            f"install copydesk[audit] {__version__} on every worker") from None
    here = installation()
    wrong = {addr: v for addr, v in found.items() if v != here}
    if wrong:
        listed = "; ".join(f"{addr} has {v}" for addr, v in sorted(wrong.items()))
        raise CopydeskError(f"Dask workers run another copydesk than this one ({here}): {listed}")


# -- output ----------------------------------------------------------------------

class RecordWriter:
    """Writes records as JSON Lines, flushing after each batch so the file can be followed."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, records: Iterable[dict]) -> None:
        for record in records:
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()


class Progress:
    """A one-line progress report on stderr: redrawn in place on a terminal, a line every few seconds otherwise."""

    def __init__(self, total: int, stream: IO[str] | None, interval: float = 5.0) -> None:
        self.total = total
        self.stream = stream
        self.tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self.interval = 0.2 if self.tty else interval
        self.started = time.monotonic()
        self.last = self.started

    def update(self, stats: "AuditStats", force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        share = f" ({100 * stats.files // self.total}%)" if self.total else ""
        line = (f"copydesk audit: {stats.files}/{self.total} files{share}, {stats.findings} findings, "
                f"{stats.errors} errors, {stats.files / elapsed:.0f} files/s")
        if stats.resubmitted:
            line += f", {stats.resubmitted} files resubmitted one by one"
        if self.tty:
            self.stream.write("\r\x1b[K" + line)
            if force:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def note(self, message: str) -> None:
        if self.stream is None:
            return
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(f"copydesk audit: {message}\n")
        self.stream.flush()


@dataclass
class AuditStats:
    files: int = 0  # files whose records are written
    documents: int = 0
    findings: int = 0
    errors: int = 0
    severity: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    resubmitted: int = 0  # files of failed batches, checked again one task per file
    isolated: int = 0  # files whose own task failed too, checked again alone
    workers_lost: int = 0  # workers that left the cluster during the run (died, or were retired)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    complete: bool = False
    #: Files with a finding at or above the fail_on that governs them (--fail-on, else their config's).
    failing: int = 0

    def count(self, records: list[dict]) -> None:
        for r in records:
            kind = r["type"]
            if kind == "document":
                self.documents += 1
            elif kind == "finding":
                self.findings += 1
                self.severity[r["severity"]] = self.severity.get(r["severity"], 0) + 1
            elif kind == "error":
                self.errors += 1

    def judge(self, outcome: "FileOutcome", fail_on: str | None) -> None:
        """Count the file as failing when one of its findings reaches its fail level."""
        from lint.finding import Severity

        level = fail_on or outcome.fail_on or "warning"
        if level == "never":
            return
        threshold = Severity.parse(level)
        if any(r["type"] == "finding" and Severity.parse(r["severity"]) >= threshold for r in outcome.records):
            self.failing += 1

    def summary_record(self) -> dict:
        return {"type": "summary", "complete": self.complete, "files": self.files, "documents": self.documents,
                "findings": self.findings, "errors": self.errors, "severity": dict(self.severity),
                "resubmitted": self.resubmitted, "isolated": self.isolated, "workers_lost": self.workers_lost, "seconds": round(self.seconds, 3), "notices": list(self.notices)}


def start_record(files: int, options: Options, batch_size: int) -> dict:
    return {"type": "start", "schema": SCHEMA_VERSION, "copydesk": __version__,
            "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "files": files, "batch_size": batch_size,
            "select": options.select, "ignore": list(options.ignore),
            "as_of": options.as_of.isoformat() if options.as_of else None, "config": options.config}


# -- the audit ---------------------------------------------------------------------

def _collect(future) -> tuple[list[FileOutcome] | None, BaseException | None]:
    """Wait for a task: its outcomes, or the exception it failed with. Releases the future.

    Uses the future's own client throughout (not ``distributed.wait``, which uses the default client).
    """
    try:
        exc = future.exception()  # waits
        if future.status == "cancelled":
            raise CopydeskError("lost the Dask scheduler (its tasks were cancelled); the records written so far "
                                "are final, and the summary record says complete: false")
        if exc is not None:
            return None, exc
        try:
            return future.result(), None
        except Exception as lost:  # noqa: BLE001 - e.g. the result was lost with its worker
            return None, lost
    finally:
        future.release()


class ClusterView:
    """What the audit needs to know about the cluster, asked of the scheduler at most once a second:
    how many worker threads there are, and which workers left since the last look."""

    def __init__(self, client, refresh: float = 1.0) -> None:
        self.client = client
        self.refresh = refresh
        self.asked = float("-inf")
        self.workers: dict[str, dict] = {}
        self._look()
        self.known = set(self.workers)

    def _look(self) -> None:
        now = time.monotonic()
        if now - self.asked >= self.refresh:
            self.asked = now
            self.workers = dict((self.client.scheduler_info() or {}).get("workers", {}))

    def window(self, floor: int = 4) -> int:
        """How many tasks to keep in flight: enough to keep every worker thread busy, few enough
        that a very large archive is not handed to the scheduler all at once."""
        self._look()
        threads = sum(w.get("nthreads", 1) for w in self.workers.values())
        return max(floor, 4 * threads)

    def departed(self) -> set[str]:
        """Workers that were in the cluster at the last call and are not now (died, or were retired)."""
        self._look()
        now = set(self.workers)
        gone, self.known = self.known - now, now
        return gone


def audit(client, paths: list[str], options: Options, out: IO[str], *, batch_size: int = DEFAULT_BATCH_SIZE,
          retries: int = DEFAULT_RETRIES, progress: IO[str] | None = None,
          fail_on: str | None = None) -> AuditStats:
    """Check every draft under ``paths`` on the cluster behind ``client``; stream records to ``out``.

    ``fail_on`` (--fail-on) judges every file; without it each file is judged by its config's fail_on
    (``AuditStats.failing``).

    Returns the counts; the last record written is the ``summary`` (``complete`` false
    when the run was interrupted).
    """
    from distributed import as_completed

    from lint.source import expand_paths

    if batch_size < 1:
        raise CopydeskError("--batch-size must be at least 1")
    files, missing = expand_paths(paths)
    files = distinct(files)
    writer = RecordWriter(out)
    stats = AuditStats()
    meter = Progress(len(files), progress)
    started = time.monotonic()
    writer.write([start_record(len(files), options, batch_size)])
    missing_records = [{"type": "error", "path": p, "message": m} for p, m in missing]
    stats.count(missing_records)
    writer.write(missing_records)

    written: set[str] = set()
    seen_notices: set[str] = set()

    def emit(outcomes: list[FileOutcome]) -> None:
        records = []
        for outcome in outcomes:
            if outcome.path in written:  # cannot happen with one completion per task; guards the contract
                continue
            written.add(outcome.path)
            records.extend(outcome.records)
            stats.judge(outcome, fail_on)
            for notice in outcome.notices:
                if notice not in seen_notices:
                    seen_notices.add(notice)
                    stats.notices.append(notice)
            stats.files += 1
        stats.count(records)
        writer.write(records)

    queue = deque(batches(files, batch_size))
    in_flight: dict[str, list[str]] = {}
    suspects: list[str] = []  # files whose own task failed while sharing workers with other tasks
    tasks = as_completed(loop=client.loop)  # not the default client's loop: that may be another client's

    def submit(batch: list[str]) -> None:
        future = client.submit(check_batch, batch, options, retries=retries, pure=False)
        in_flight[future.key] = batch
        tasks.add(future)

    cluster = ClusterView(client)

    def top_up() -> None:
        window = cluster.window()
        while queue and len(in_flight) < window:
            submit(queue.popleft())

    def watch_workers() -> None:
        for address in sorted(cluster.departed()):
            stats.workers_lost += 1
            meter.note(f"worker {address} left the cluster; the scheduler runs its tasks again elsewhere")

    try:
        top_up()
        for future in tasks:
            batch = in_flight.pop(future.key)
            outcomes, exc = _collect(future)
            if outcomes is not None:
                emit(outcomes)
            elif len(batch) > 1:
                meter.note(f"a task of {len(batch)} files failed ({type(exc).__name__}); "
                           f"checking its files one by one")
                stats.resubmitted += len(batch)
                for path in batch:
                    submit([path])
            else:
                suspects.append(batch[0])
            top_up()
            watch_workers()
            meter.update(stats)
        # A worker's death counts against every task it held, so a file can fail only for sharing
        # a worker with the one that crashes it. Each suspect runs again with nothing else in flight:
        # what fails then failed on its own.
        if suspects:
            meter.note(f"{len(suspects)} files failed in their own tasks; checking them again one at a time")
        for path in suspects:
            stats.isolated += 1
            future = client.submit(check_batch, [path], options, retries=retries, pure=False)
            outcomes, exc = _collect(future)
            emit(outcomes if outcomes is not None else [failed_outcome(path, exc)])
            watch_workers()
            meter.update(stats)
        cluster.refresh = 0
        watch_workers()
        stats.complete = True
    finally:
        stats.seconds = time.monotonic() - started
        writer.write([stats.summary_record()])
        if stats.complete:
            meter.update(stats, force=True)
    return stats
