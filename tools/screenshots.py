"""Screenshots of the front end for review: the phone routes and the console routes, at 360, 390, 820 and 1366 px,
in Chinese and in English, into var/screenshots/<locale>/<width>/<name>.png (git-ignored with var/).

Starts its own service with the demo data (tests/stack.py, embedded database in a temporary directory) unless
--base points at a running one (development mode: the demo accounts must exist), and drives Debian's chromium
with Playwright, signing in on the console as the demo regulator and the demo enterprise.

    python -m tools.screenshots                        # everything (about 180 pictures, a few minutes)
    python -m tools.screenshots --widths 390 --locales en --only warning
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
DEMO_PASSWORD = "demo-pass-2026"
WIDTHS = (360, 390, 820, 1366)
HEIGHTS = {360: 780, 390: 844, 820: 1180, 1366: 900}
LOCALES = ("zh-CN", "en")
TIMEOUT_MS = 15_000
MAX_HEIGHT = 8_000  # px: longer pages are cut


@dataclass(frozen=True)
class Shot:
    """One route to photograph: its file name, its path and who is signed in (None: nobody)."""

    name: str
    path: str
    who: str | None = None


def demo_ids(base: str) -> dict[str, str]:
    """Ids of the first public warning and recall of the demo data (the detail pages need one)."""
    query = "{ warnings(first: 1) { edges { node { id } } } recalls(first: 1) { edges { node { id } } } }"
    body = httpx.post(f"{base}/graphql", json={"query": query}, timeout=30).json()
    data = body.get("data") or {}
    ids = {}
    for key in ("warnings", "recalls"):
        edges = (data.get(key) or {}).get("edges") or []
        if not edges:
            raise SystemExit(f"no public {key} at {base}: {body.get('errors')}")
        ids[key] = edges[0]["node"]["id"]
    return ids


def shots(ids: dict[str, str]) -> list[Shot]:
    """The phone routes (anonymous), then the console's, signed out and as the demo regulator and enterprise."""
    regulator, enterprise = "regulator@demo.test", "enterprise@demo.test"
    return [
        Shot("warnings", "/"),
        Shot("warning", f"/warnings/{ids['warnings']}"),
        Shot("recalls", "/recalls"),
        Shot("recall", f"/recalls/{ids['recalls']}"),
        Shot("lookup", "/lookup"),
        Shot("credit", "/credit"),
        Shot("me", "/me"),
        Shot("complaints", "/complaints"),
        Shot("complaint-new", "/complaints/new"),
        Shot("watchlist", "/watchlist"),
        Shot("not-found", "/no-such-page"),
        Shot("console-signin", "/console/signin"),
        Shot("console-warnings", "/console/warnings", regulator),
        Shot("console-warning", f"/console/warnings/{ids['warnings']}", regulator),
        Shot("console-issue", "/console/issue", regulator),
        Shot("console-defects", "/console/defects", regulator),
        Shot("console-duties", "/console/duties", regulator),
        Shot("console-enterprises", "/console/enterprises", regulator),
        Shot("console-reviews", "/console/reviews", regulator),
        Shot("console-complaints", "/console/complaints", regulator),
        Shot("console-announce", "/console/recalls/new", regulator),
        Shot("console-enterprise", "/console/enterprise", enterprise),
        Shot("console-enterprise-warnings", "/console/warnings", enterprise),
        Shot("console-defect-new", "/console/defects/new", enterprise),
    ]


@contextmanager
def service(base: str | None) -> Iterator[str]:
    """The given service, or one started here with the demo data (stopped and removed afterwards)."""
    if base:
        yield base.rstrip("/")
        return
    from tests import stack

    data_dir = Path(tempfile.mkdtemp(prefix="qsradar-screenshots-"))
    running = stack.start(data_dir)
    try:
        yield running.base_url
    finally:
        stack.stop(running)
        shutil.rmtree(data_dir, ignore_errors=True)


def settle(page: Page) -> None:
    """Wait until the route's content is on screen: network quiet, no list skeleton, fonts and transitions done."""
    page.wait_for_load_state("networkidle")
    try:
        page.locator("[data-testid=list-skeleton]").first.wait_for(state="detached", timeout=TIMEOUT_MS)
    except PlaywrightTimeout:  # a page still loading is photographed as it is, and named
        print(f"  still loading: {page.url}", file=sys.stderr)
    page.evaluate("document.fonts.ready.then(() => undefined)")
    page.wait_for_timeout(300)  # Vant's enter transitions (0.3 s) end before the picture


def photograph(page: Page, width: int, path: Path) -> None:
    """The whole page, taken with a viewport as tall as the page (a full-page capture would paint the fixed tab bar
    and headers in the middle of the picture), then the viewport is set back."""
    height = page.evaluate("Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    tall = max(HEIGHTS[width], min(int(height), MAX_HEIGHT))
    page.set_viewport_size({"width": width, "height": tall})
    try:
        page.wait_for_timeout(100)  # one frame for the new layout
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size({"width": width, "height": HEIGHTS[width]})


def new_context(browser: Browser, width: int, locale: str) -> BrowserContext:
    """A context of that width (a phone below 820 px: touch, 2× pixels), the language saved in localStorage."""
    phone = width < 820
    ctx = browser.new_context(viewport={"width": width, "height": HEIGHTS[width]}, locale=locale,
                              device_scale_factor=2 if phone else 1, is_mobile=phone, has_touch=phone)
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.add_init_script(f"try {{ localStorage.setItem('qsradar.locale', {locale!r}) }} catch (e) {{}}")
    return ctx


def sign_in(page: Page, base: str, email: str) -> None:
    """Sign in on the console's sign-in page (the session stays in this context's localStorage)."""
    page.goto(f"{base}/console/signin?redirect=/console/warnings", wait_until="domcontentloaded")
    page.get_by_test_id("signin-email").fill(email)
    page.get_by_test_id("signin-password").fill(DEMO_PASSWORD)
    page.get_by_test_id("signin-submit").click()
    # The path itself: a glob would match the sign-in page's own ?redirect=/console/warnings.
    page.wait_for_url(lambda url: urlsplit(url).path == "/console/warnings")


def page_error_recorder(problems: list[str], where: str) -> Callable[[PlaywrightError], None]:
    """A `pageerror` listener that adds the uncaught error to `problems`."""
    return lambda exc: problems.append(f"{where}: {exc}")


def take(base: str, widths: list[int], locales: list[str], only: str | None) -> tuple[int, list[str]]:
    """Photograph every selected route; returns how many pictures were written and the problems met (page errors,
    failed pages)."""
    selected = [s for s in shots(demo_ids(base)) if not only or only in s.name]
    problems: list[str] = []
    written = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for locale in locales:
                for width in widths:
                    folder = OUT / locale / str(width)
                    folder.mkdir(parents=True, exist_ok=True)
                    for who in dict.fromkeys(s.who for s in selected):
                        ctx = new_context(browser, width, locale)
                        page = ctx.new_page()
                        page.on("pageerror", page_error_recorder(problems, f"{locale} {width}px"))
                        try:
                            if who:
                                sign_in(page, base, who)
                            for shot in (s for s in selected if s.who == who):
                                try:
                                    page.goto(base + shot.path, wait_until="domcontentloaded")
                                    settle(page)
                                    photograph(page, width, folder / f"{shot.name}.png")
                                    written += 1
                                except PlaywrightError as exc:  # one failed page: the others are still taken
                                    problems.append(f"{locale} {width}px {shot.name}: {exc}")
                        finally:
                            ctx.close()
                    print(f"{locale} {width}px: {folder.relative_to(ROOT)}")
        finally:
            browser.close()
    return written, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="a running service (default: start one with the demo data)")
    parser.add_argument("--widths", type=int, nargs="+", default=list(WIDTHS), choices=WIDTHS)
    parser.add_argument("--locales", nargs="+", default=list(LOCALES), choices=LOCALES)
    parser.add_argument("--only", help="only the routes whose name contains this text")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    if not (ROOT / "frontend" / "dist" / "index.html").exists():
        print("frontend/dist is missing: build the front end first (cd frontend && npm run build)", file=sys.stderr)
        return 2
    with service(args.base) as base:
        written, problems = take(base, args.widths, args.locales, args.only)
    print(f"{written} screenshots written to {OUT.relative_to(ROOT)}")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
