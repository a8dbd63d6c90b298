"""Allow ``python -m collabcheck``."""

from collabcheck.cli import main

main()
