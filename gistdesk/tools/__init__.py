"""Developer tools run with `python -m gistdesk.tools.NAME`."""
