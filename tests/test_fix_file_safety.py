"""--fix keeps what the file is (issue #14): its owner and mode, its hard links; read-only files are
skipped with a message; ordinary files are still replaced atomically."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import run_cli

DRAFT = "We met in order to talk.\n"
FIXED = "We met to talk.\n"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fix(*paths):
    return run_cli("check", "--no-cache", "--fix", *paths)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_owner_group_and_mode_are_kept(here):
    draft = here / "a.md"
    draft.write_text(DRAFT)
    os.chown(draft, 4321, 8765)
    os.chmod(draft, 0o640)
    before = os.stat(draft)
    r = fix("a.md")
    after = os.stat(draft)
    assert draft.read_text() == FIXED, r.err
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (4321, 8765, 0o640)
    assert after.st_ino != before.st_ino  # an ordinary file is still replaced atomically (a new inode)
    assert not [p for p in os.listdir(here) if "copydesk" in p]  # no temporary or backup file left


def test_hard_linked_files_are_written_in_place_so_every_name_sees_the_fix(here):
    draft = here / "a.md"
    draft.write_text(DRAFT)
    os.link(draft, here / "same-file.md")
    inode = os.stat(draft).st_ino
    r = fix("a.md")
    assert draft.read_text() == FIXED and (here / "same-file.md").read_text() == FIXED, r.err
    assert os.stat(draft).st_ino == inode and os.stat(draft).st_nlink == 2
    assert not [p for p in os.listdir(here) if "copydesk" in p]


class Foreign:
    """A stat result that says the file belongs to someone else."""

    def __init__(self, st):
        self.st = st

    def __getattr__(self, name):
        return self.st.st_uid + 1 if name == "st_uid" else getattr(self.st, name)


def test_an_owner_that_cannot_be_kept_means_writing_in_place(here, monkeypatch):
    """Not root, and the file belongs to someone else but is writable (a shared group file): replacing it
    would make it ours, so it is rewritten in place and stays theirs."""
    draft = here / "a.md"
    draft.write_text(DRAFT)
    real_stat = os.stat

    def foreign_owner(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        if os.path.basename(str(path)) == "a.md":
            return Foreign(st)
        return st

    def refuse(*_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted")

    inode = real_stat(draft).st_ino
    monkeypatch.setattr(os, "stat", foreign_owner)
    monkeypatch.setattr(os, "chown", refuse)
    r = fix("a.md")
    monkeypatch.undo()
    assert draft.read_text() == FIXED, r.err
    assert os.stat(draft).st_ino == inode
    assert not [p for p in os.listdir(here) if "copydesk" in p]


def test_read_only_files_are_skipped_with_a_message(here):
    (here / "ro.md").write_text(DRAFT)
    (here / "rw.md").write_text(DRAFT)
    os.chmod(here / "ro.md", 0o444)
    r = fix("ro.md", "rw.md")
    assert (here / "ro.md").read_text() == DRAFT  # even as root, whom the folder would let replace it
    assert (here / "rw.md").read_text() == FIXED
    assert "ro.md: read-only; not fixed (make it writable to let --fix change it)" in r.err
    assert "Fixed 1 problem in 1 file." in r.err
    assert r.code == 1 and "ro.md:1:8: warning style.wordy" in r.out  # what was not fixed is still reported
    assert stat.S_IMODE(os.stat(here / "ro.md").st_mode) == 0o444


def test_a_failed_in_place_write_restores_the_original(here, monkeypatch):
    from lint import atomic

    draft = here / "a.md"
    draft.write_text(DRAFT)
    os.link(draft, here / "b.md")
    writes = []

    class Flaky:
        def __init__(self, fh):
            self.fh = fh

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)

        def write(self, data):
            writes.append(data)
            if len(writes) == 1:
                self.fh.write(data[:3])
                raise OSError(28, "No space left on device")
            return self.fh.write(data)

    real_open = open
    monkeypatch.setattr(atomic, "open", lambda p, m, *a, **k: Flaky(real_open(p, m, *a, **k)), raising=False)
    with pytest.raises(OSError):
        atomic.write_bytes_atomic(str(draft), FIXED.encode())
    assert draft.read_text() == DRAFT and (here / "b.md").read_text() == DRAFT
    assert not [p for p in os.listdir(here) if "copydesk" in p]
