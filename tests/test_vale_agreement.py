"""copydesk's Vale mode against the real Vale binary (v3.26.0, built by scripts/prepare-vale).

Both tools lint the same documents with the same styles and print Vale's line format; the test
compares the alert lines (tests/vale_agreement.py says how). The documents are the docs pages and
news texts in tests/data/vale (written to exercise the differences listed in issue #18) and the
OneStopEnglish news texts; the styles are the five packages of ../shared/vale. Skipped, with the
reason, when the binary or ../shared/vale is absent. scripts/vale_agreement.py prints the figures.
"""

from __future__ import annotations

import pytest

from vale_agreement import Tally, compare_documents, compare_fixtures, missing, tally_by

WHY = missing()
pytestmark = pytest.mark.skipif(WHY is not None, reason=WHY or "")

#: At least this share of alert lines must be printed by both tools, per file type.
AGREEMENT = 0.99


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    return compare_documents(tmp_path_factory.mktemp("vale-agreement"))


def _explain(t: Tally) -> str:
    return f"{t}\nonly Vale:\n  " + "\n  ".join(t.vale_only[:40]) + "\nonly copydesk:\n  " + \
        "\n  ".join(t.copydesk_only[:40])


@pytest.mark.parametrize("ext", [".md", ".txt"])
def test_agreement_per_file_type(documents, ext):
    vale, ours = documents
    per_type = tally_by(vale, ours, "ext")
    assert ext in per_type, f"no {ext} alerts at all: the documents or the styles are missing"
    t = per_type[ext]
    assert t.total >= 150  # enough lines for the figure to mean something
    assert t.agreement >= AGREEMENT, _explain(t)


def test_documents_written_for_the_test_agree(documents):
    vale, ours = documents
    t = Tally()
    t.add([x for x in vale if x.startswith("docs/written/")], [x for x in ours if x.startswith("docs/written/")])
    assert t.total >= 250
    assert t.agreement >= AGREEMENT, _explain(t)


def test_package_fixtures_agree():
    """Each package's fixture folders, with their own .vale.ini: the same lines as current Vale."""
    t = Tally()
    for name, (vale, ours) in compare_fixtures().items():
        t.add([f"{name}/{x}" for x in vale], [f"{name}/{x}" for x in ours])
    assert t.total >= 100
    assert t.agreement >= AGREEMENT, _explain(t)
