from gistdesk.cli import main

raise SystemExit(main())
