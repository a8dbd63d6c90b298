"""The ``collabcheck`` command (console script and ``python -m collabcheck``).

``--version`` is answered before the CLI (and so Typer, ~40 ms) is imported: it is the check
scripts run most, and it should cost no more than starting Python.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Run the command line."""
    if sys.argv[1:] == ["--version"]:
        from collabcheck import __version__

        sys.stdout.write(f"collabcheck {__version__}\n")
        return
    # Importing makes no garbage worth collecting, yet the collector would walk the new objects
    # again and again as they pile up (about a tenth of start-up); and what the imports made
    # lives as long as the process, so later collections need not walk it either.
    gc.disable()
    from collabcheck.cli import main as cli_main

    gc.freeze()
    gc.enable()
    cli_main()


if __name__ == "__main__":
    main()
