"""The real-browser tests' fixtures: one Chromium for the session, a fresh view per test.

Where Chromium is not installed they are skipped, except in CI (CI=true), where .ci/run
installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.chromium import Browser, find_chromium, start


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium and chromedriver are not installed (.ci/run installs them)")
        pytest.skip("Chromium and chromedriver are not installed")
    driver = start(Path(tmp_path_factory.mktemp("chromium-profile")))
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium: object) -> Browser:
    from selenium.webdriver import Chrome

    assert isinstance(chromium, Chrome)
    return Browser(chromium)
