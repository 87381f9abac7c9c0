"""The ``trainsim`` command line: a thin shell over the library, engine and scoring."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from trainsim import __version__
from trainsim.cli import content_cmds, play_cmd, test_cmd
from trainsim.cli.common import CliError

COMMAND_MODULES = [content_cmds, play_cmd, test_cmd]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trainsim",
        description="Practise trauma-informed conversations with fictional clients. "
                    "With no command, opens the app.")
    parser.add_argument("--version", action="version", version=f"trainsim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_parsers(sub)
    try:
        from trainsim.cli import code_cmd
    except ImportError:
        pass
    else:
        code_cmd.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 invalid content, 2 usage)."""
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from trainsim.tui.launch import launch

            return launch()
        return int(args.func(args))
    except CliError as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("trainsim: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so plainly, keep the traceback for TRAINSIM_DEBUG
        if os.environ.get("TRAINSIM_DEBUG"):
            raise
        print(f"trainsim: unexpected error: {type(exc).__name__}: {exc}\n"
              "This is a bug in trainsim; set TRAINSIM_DEBUG=1 to see the details.",
              file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
