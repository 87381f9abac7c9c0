"""The Textual terminal app. Import :mod:`trainsim.tui.app` for the app itself.

This package's ``__init__`` stays import-light so the command line can reach
:func:`trainsim.tui.launch.launch` without loading Textual until the app runs.
"""
