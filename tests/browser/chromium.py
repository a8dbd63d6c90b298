"""A real Chromium for the tests, driven by Selenium through the system's chromedriver.

One browser for the whole session (starting one takes a second or two); each test gets a
``Browser``: the page helpers the tests read as sentences, the requests the page made (from
Chromium's network log) and the Content-Security-Policy violations it reported.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 10.0
"""Seconds to wait for the page (the machine is shared, and slow at times)."""

# Registered before any page script runs (devtools scripts are not subject to the page's CSP):
# every violation the page reports, so a test can assert there were none.
_WATCH_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def find_chromium() -> tuple[str, str] | None:
    """The Chromium binary and its chromedriver, or None where they are not installed."""
    binary = next(
        (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))),
        None,
    )
    driver = shutil.which("chromedriver")
    return (binary, driver) if binary and driver else None


def start(profile: Path) -> webdriver.Chrome:
    """A headless Chromium with its own profile folder, logging the network."""
    found = find_chromium()
    assert found is not None
    binary, driver = found
    options = Options()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.execute_cdp_cmd("Network.enable", {})
    chrome.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _WATCH_VIOLATIONS})
    return chrome


class Browser:
    """One test's view of the shared Chromium."""

    def __init__(self, driver: webdriver.Chrome) -> None:
        self.driver = driver
        self._requests: list[str] = []
        self._console: list[dict[str, Any]] = []
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # --- pages ---------------------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Open a local file, as someone double-clicking it would."""
        self._drain_logs()
        self._requests.clear()
        self._console.clear()
        self.driver.get(path.as_uri())
        self._wait_ready()

    def reload(self) -> None:
        self.driver.refresh()
        self._wait_ready()

    def reopen_in_new_tab(self, path: Path) -> None:
        """Close the tab the page is in, and open the page again in a new one."""
        old = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        new = self.driver.current_window_handle
        self.driver.switch_to.window(old)
        self.driver.close()
        self.driver.switch_to.window(new)
        self.open(path)

    def _wait_ready(self) -> None:
        # The form marks itself ready once it has read what the browser kept.
        WebDriverWait(self.driver, WAIT).until(
            lambda d: d.execute_script(
                "var f = document.getElementById('form');"
                "return document.readyState === 'complete' && "
                "(!f || f.getAttribute('data-ready') === 'true');"
            )
        )

    def forget_kept_answers(self) -> None:
        """Delete what any form kept in this browser (file:// pages share one origin)."""
        self.driver.execute_async_script(
            "var done = arguments[0];"
            "var request = indexedDB.deleteDatabase('collabcheck-form');"
            "request.onsuccess = request.onerror = request.onblocked = function () { done(); };"
        )

    def set_width(self, width: int) -> None:
        """Lay the page out at this width (a phone's is 390 CSS pixels)."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
        )

    def print_media(self, on: bool) -> None:
        """Lay the page out as it prints (CSS @media print), or as on screen again."""
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print" if on else ""})

    # --- downloads -----------------------------------------------------------------------

    def download_to(self, folder: Path) -> Path:
        """Send downloads to ``folder`` without asking."""
        folder.mkdir(parents=True, exist_ok=True)
        self.driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(folder), "eventsEnabled": True},
        )
        return folder

    def wait_for_download(self, folder: Path) -> Path:
        """The one file downloaded into ``folder``, once complete."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            done = [p for p in folder.iterdir() if not p.name.endswith((".crdownload", ".tmp"))]
            if done:
                assert len(done) == 1, done
                return done[0]
            time.sleep(0.05)
        raise AssertionError(f"nothing downloaded into {folder}")

    # --- elements ------------------------------------------------------------------------

    def element(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def click(self, css: str) -> None:
        element = self.element(css)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def type(self, css: str, text: str) -> None:
        self.element(css).send_keys(text)

    def text(self, css: str) -> str:
        return str(self.element(css).text)

    def value(self, css: str) -> str:
        return str(self.element(css).get_property("value"))

    def visible(self, css: str) -> bool:
        return bool(self.element(css).is_displayed())

    def checked(self, css: str) -> bool:
        return bool(self.element(css).is_selected())

    def wait_for_text(self, css: str, part: str) -> None:
        WebDriverWait(self.driver, WAIT).until(lambda d: part in self.text(css))

    # --- keyboard ------------------------------------------------------------------------

    def focus(self, css: str) -> None:
        self.driver.execute_script("arguments[0].focus()", self.element(css))

    def keys(self, *names: str) -> None:
        """Press keys by name (TAB, SPACE, ARROW_RIGHT...) on whatever has the focus."""
        active = self.driver.switch_to.active_element
        for name in names:
            active.send_keys(getattr(Keys, name))
            active = self.driver.switch_to.active_element

    def keys_text(self, text: str) -> None:
        self.driver.switch_to.active_element.send_keys(text)

    def focused_is(self, css: str) -> bool:
        return bool(self.driver.switch_to.active_element == self.element(css))

    def focus_outline_width(self) -> float:
        """The width of the focus outline, in CSS pixels (0 where there is none)."""
        style = self.driver.execute_script(
            "var s = getComputedStyle(document.activeElement);"
            "return s.outlineStyle === 'none' ? '0px' : s.outlineWidth;"
        )
        return float(str(style).removesuffix("px"))

    # --- what the page did ---------------------------------------------------------------

    def title(self) -> str:
        return str(self.driver.title)

    def script(self, source: str, *args: Any) -> Any:
        return self.driver.execute_script(source, *args)

    def csp_violations(self) -> list[str]:
        return list(self.driver.execute_script("return window.cspViolations || []"))

    def _drain_logs(self) -> None:
        for entry in self.driver.get_log("performance"):  # type: ignore[no-untyped-call]
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                self._requests.append(message["params"]["request"]["url"])
        self._console.extend(self.driver.get_log("browser"))  # type: ignore[no-untyped-call]

    def requests(self) -> list[str]:
        """Every URL the browser asked for since the page was opened (the page's own first)."""
        self._drain_logs()
        return list(self._requests)

    def console_errors(self) -> list[str]:
        self._drain_logs()
        return [str(e["message"]) for e in self._console if e["level"] == "SEVERE"]


def axe_js() -> str | None:
    """axe-core's script, where it is installed (``AXE_CORE_JS`` or node_modules)."""
    root = Path(__file__).resolve().parents[2]
    for candidate in (
        os.environ.get("AXE_CORE_JS"),
        root / "node_modules" / "axe-core" / "axe.min.js",
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    return None


def axe_violations(browser: Browser) -> list[str]:
    """axe-core's violations on the page as it is now: rule, impact and the first element."""
    source = axe_js()
    if source is None:
        if os.environ.get("CI"):
            pytest.fail("axe-core is not installed (.ci/run installs it)")
        pytest.skip("axe-core is not installed (set AXE_CORE_JS to its axe.min.js)")
    browser.script(source)
    found = browser.driver.execute_async_script(
        "var done = arguments[0];"
        "axe.run(document).then(function (r) { done(r.violations.map(function (v) {"
        "  return v.id + ' (' + v.impact + '): ' + v.nodes[0].html; })); });"
    )
    return list(found)
