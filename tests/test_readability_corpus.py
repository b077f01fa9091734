"""The readability defaults rest on OneStopEnglish (../shared/corpora/onestopenglish): keep them true.

Skipped when the shared corpora are not beside the repository.
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, SHARED

CORPUS = SHARED / "corpora" / "onestopenglish"
pytestmark = pytest.mark.skipif(not (CORPUS / "manifest.tsv").is_file(),
                                reason=f"OneStopEnglish corpus not found at {CORPUS}")


@pytest.fixture(scope="module")
def texts():
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_readability import scored_texts

    return scored_texts(CORPUS)


@pytest.mark.parametrize("metric", ["flesch_reading_ease", "dale_chall"])
def test_default_metrics_order_every_article_by_level(texts, metric):
    from eval_readability import ordering

    result = ordering(texts, metric)
    assert result["articles"] == 30
    assert result["ordered"] == 30, result


def test_default_targets_stay_quiet_on_published_articles(texts):
    from lint.textmetrics import score

    ease = [score("flesch_reading_ease", levels["adv"]) for levels in texts.values()]
    dale = [score("dale_chall", levels["adv"]) for levels in texts.values()]
    assert min(ease) > 30  # readability.reading-ease target
    assert sum(d > 11.5 for d in dale) <= 1  # readability.dale-chall target
