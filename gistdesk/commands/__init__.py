"""One module per `gistdesk` sub-command; each exposes add_parser(subparsers)."""
