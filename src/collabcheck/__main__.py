"""The ``collabcheck`` command (console script and ``python -m collabcheck``).

``--version`` is answered before the CLI (and so Typer, ~40 ms) is imported: it is the check
scripts run most, and it should cost no more than starting Python.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line."""
    if sys.argv[1:] == ["--version"]:
        from collabcheck import __version__

        try:
            sys.stdout.write(f"collabcheck {__version__}\n")
            sys.stdout.flush()
        except (AttributeError, OSError, ValueError):  # stdout closed (None), full or gone
            from collabcheck.output import stdout_failed

            stdout_failed()
        return
    from collabcheck.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
