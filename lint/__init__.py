"""copydesk: an editorial quality and fact-check linter for article drafts.

The import package is ``lint``; the distribution and the command are ``copydesk``.
"""

__version__ = "0.1.0"
