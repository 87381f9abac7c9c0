"""Start the terminal app."""

from __future__ import annotations


def launch(scenario: str | None = None) -> int:
    """Open the app on the library, or straight on a scenario's briefing (id or YAML path).

    Returns the exit code.
    """
    from trainsim.tui.app import TrainsimApp  # Textual is only imported when the app runs

    app = TrainsimApp(scenario=scenario)
    result = app.run()
    if app.return_code not in (None, 0):
        return int(app.return_code)
    return int(result or 0)
