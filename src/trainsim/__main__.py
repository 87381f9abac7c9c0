"""Allow ``python -m trainsim``."""

from trainsim.cli import main

raise SystemExit(main())
