"""The browser harness: Debian's Chromium, driven by Playwright (which downloads no browser).

One headless Chromium serves every browser test of the run (the ``browser`` fixture in
conftest.py). Where Chromium is missing those tests skip, except in CI (``CI`` set, or
``COLLABCHECK_BROWSER_TESTS=required`` as .ci/run sets): there they fail, so a machine without a
browser can never pass them unseen.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PHONE = 390
DESKTOP = 1280

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str | None:
    """The installed Chromium: Debian's binary behind its wrapper script, or one on PATH."""
    named = os.environ.get("COLLABCHECK_CHROMIUM")
    if named:
        return named
    for candidate in ("/usr/lib/chromium/chromium", "/usr/lib/chromium-browser/chromium-browser"):
        if os.access(candidate, os.X_OK):
            return candidate
    return next(
        (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))),
        None,
    )


def browser_required() -> bool:
    """In CI the browser tests must run: a missing browser fails them."""
    return bool(os.environ.get("CI")) or (os.environ.get("COLLABCHECK_BROWSER_TESTS") == "required")


def launched_browser() -> Iterator[Browser]:
    """A headless Chromium until the generator is closed; skip (or, in CI, fail) without one."""
    executable = chromium()
    if executable is None:
        message = "needs Chromium (Debian: apt-get install chromium)"
        if browser_required():
            pytest.fail(f"{message}; .ci/run installs it", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright starts Chromium with a fresh profile of its own, removed at close.
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


def runs_last(items: list[pytest.Item]) -> None:
    """Move the tests that use the browser to the end of the run, keeping their order.

    Playwright's sync API keeps an event loop running while it is started, and prompt tests
    run their own: with the browser's tests last, one browser can serve the whole run.
    """
    uses = [item for item in items if "browser" in getattr(item, "fixturenames", ())]
    if uses:
        rest = [item for item in items if "browser" not in getattr(item, "fixturenames", ())]
        items[:] = rest + uses
