"""Browser tests: Playwright drives Debian's chromium; every page visited gets an axe check."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# axe rules at WCAG 2.1 A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def launch_browser(playwright):
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Browser tests need Debian's chromium at {CHROMIUM}. Install it with "
            "`apt-get install chromium` (the test command `python3 dev.py test` does this when run as root).",
            pytrace=False,
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


_AXE_SOURCE = None


def _axe_source() -> str:
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        import axe_playwright_python

        path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
        _AXE_SOURCE = path.read_text()
    return _AXE_SOURCE


def axe_violations(page) -> list[dict]:
    page.evaluate(_axe_source())
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return result["violations"]


class CheckedPage:
    """Wraps a Playwright page; `check()` runs axe and remembers the URL as checked."""

    def __init__(self, page):
        self.page = page
        self.visited: set[str] = set()
        self.checked: set[str] = set()
        page.on("framenavigated", lambda frame: frame == page.main_frame and self.visited.add(self._key(frame.url)))

    @staticmethod
    def _key(url: str) -> str:
        return url.split("#")[0].split("?")[0]

    def check(self) -> None:
        violations = axe_violations(self.page)
        self.checked.add(self._key(self.page.url))
        if violations:
            lines = [
                f"- {v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
                for v in violations
            ]
            pytest.fail(f"Accessibility violations on {self.page.url}:\n" + "\n".join(lines), pytrace=False)

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.check()

    def unchecked(self) -> set[str]:
        return {u for u in self.visited - self.checked if u.startswith("http") and "/static/" not in u}
