"""Start the terminal app (placeholder until the app lands: lists the library)."""

from __future__ import annotations


def launch(scenario: str | None = None) -> int:
    """Open the app, optionally straight on a scenario's briefing."""
    from argparse import Namespace

    from trainsim.cli.content_cmds import run_list

    return run_list(Namespace(json=False))
