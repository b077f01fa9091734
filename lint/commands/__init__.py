"""Subcommands of ``copydesk``; each module provides ``register(subparsers)``."""
