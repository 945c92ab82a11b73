"""Playwright + axe-core helpers for browser tests.

* Debian's /usr/bin/chromium, headless (never `playwright install`).
* axe-core from the `axe-playwright-python` wheel, injected with
  page.evaluate() because our Content-Security-Policy blocks added script tags.
* Screenshots at 375 px and 1280 px go to artifacts/screenshots/.
"""

import json
import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
WIDTHS = (375, 1280)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}. Run `make test`, which installs it.")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def page_no_js(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core for WCAG 2.1 A/AA on the current page and return the violations."""
    page.evaluate(_axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return result["violations"]


def assert_accessible(page, name: str) -> None:
    """Fail on any WCAG 2.1 A/AA violation at 375 px and 1280 px; keep screenshots."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    original = page.viewport_size
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{slug}-{width}.png"), full_page=True)
        # A resident on a small phone must never need to scroll sideways
        # (the Django admin of the coordinator is a desktop tool: not checked).
        if "/beheer/" not in page.url:
            breedte = page.evaluate("document.documentElement.scrollWidth")
            if breedte > width:
                pytest.fail(f"{name} is {breedte}px wide at a {width}px screen: something sticks out to the side.")
        violations = axe_violations(page)
        if violations:
            summary = [
                {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:5]]}
                for v in violations
            ]
            pytest.fail(f"axe found violations on {name} at {width}px:\n{json.dumps(summary, indent=2)}")
    if original:
        page.set_viewport_size(original)


__all__ = ["browser", "page", "page_no_js", "axe_violations", "assert_accessible"]
