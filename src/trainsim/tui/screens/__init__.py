"""The app's screens, one module per screen (styles beside them in .tcss files)."""
