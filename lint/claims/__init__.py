"""What the ``claims.*`` checks share: who a sentence cites, and what in it is a figure.

:mod:`lint.claims.attribution` answers "says who?" for a sentence (a named
source with a reporting verb, a link or footnote, a "(Source: …)" note, a
quotation whose speaker is named); :mod:`lint.claims.figures` finds the
statistics, amounts, percentages, rankings and records that need a source.
The rule kinds in :mod:`lint.checks` (``unsourced-figure``,
``unattributed-phrase``) only combine the two.
"""
