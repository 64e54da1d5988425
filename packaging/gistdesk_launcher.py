"""Entry point frozen into the bundle: the same `gistdesk` command as the installed script."""

from gistdesk.cli import main

raise SystemExit(main())
