"""`python -m app` runs the `agentic-sales` command line."""

from app.cli import main

main()
