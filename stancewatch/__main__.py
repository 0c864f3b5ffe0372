"""`python -m stancewatch` is the `stancewatch` command."""
from stancewatch.cli import main

main()
