"""The ``copydesk`` command.

Each subcommand is a module in :mod:`lint.commands` with ``register(subparsers)``;
modules are imported when the parser is built, and they import heavy modules
only inside their ``run`` functions, so ``copydesk --version`` and a
pre-commit run start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from lint import __version__

#: Subcommands, in the order ``copydesk --help`` lists them.
COMMANDS = ("check", "rules", "explain", "init", "facts", "baseline", "audit", "cache")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command's parser; with ``only``, just that subcommand (the one on the command line) is registered,
    so a run imports and builds no other subcommand's options (the parse is the same)."""
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="An editorial quality and fact-check linter for article drafts.",
        epilog="Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, config or input error.")
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is not None and name != only:
            continue
        try:
            module = importlib.import_module(f"lint.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"lint.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--version"]:
        print(f"copydesk {__version__}")
        return EXIT_CLEAN
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_ERROR
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    from lint.errors import CopydeskError

    try:
        return args.func(args)
    except CopydeskError as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()  # `copydesk rules | head`: the reader has what it wanted
        return EXIT_CLEAN


def silence_stdout() -> None:
    """After a broken pipe: send the rest of stdout (and Python's flush at exit) nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced by an object without a descriptor (tests)
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
