"""The content security policy in use: a reader who uses every control on every page, online
and in the offline copy from file://, meets no violation; a script slipped into a page
does not run.

Violations are caught two ways: a listener for `securitypolicyviolation` events added to
every frame before the page's own scripts, and the console, where Chromium also reports
violations in frames the listener cannot reach (the offline search shim's iframe).
"""

from __future__ import annotations

import re

import pytest

from .support import DESKTOP, PAGES, ROOT, search, wait_until_settled

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ${event.sample}`
  + ` at ${event.sourceFile}:${event.lineNumber}`), true);
"""
# Reading from file://, Material asks for sitemap.xml (for its instant loading), which the
# browser refuses for files whatever the policy: not a policy matter, and not a failure.
FILE_SITEMAP = re.compile(r"sitemap\.xml' from origin 'null' has been blocked by CORS|net::ERR_FAILED")
AT_MOST = 3  # controls of one kind used per page: enough to run each code path


def watched(new_context, **options):
    """A desktop page that records policy violations, console errors and uncaught errors."""
    context = new_context(permissions=["clipboard-read", "clipboard-write"], **options)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(f"uncaught: {error}"))
    return page


def problems(page, ignore: re.Pattern | None = None) -> list[str]:
    found = [f"violation: {v}" for v in page.evaluate("window.__violations")] + page.problems
    return [p for p in found if not (ignore and ignore.search(p))]


def use_every_control(page) -> None:
    """Open, press, choose and hover what a reader can on this page: the citation panels and
    copy buttons, the timeline's (or any) filters, the glossary and footnote tooltips, the
    citation links and the back-to-top button."""
    content = page.locator(".md-content")
    for summary in content.locator("details > summary").all()[:AT_MOST]:
        summary.click()
    kinds = content.locator("button:visible").evaluate_all("buttons => buttons.map(b => b.className)")
    for kind in set(kinds):
        same = content.locator(f"button[class='{kind}']:visible") if kind else content.locator("button")
        for button in same.all()[:AT_MOST]:
            if button.is_visible():
                button.click()
    for select in content.locator("select:visible").all():
        for value in select.locator("option").evaluate_all("options => options.map(o => o.value)")[:AT_MOST]:
            select.select_option(value)
    for target in content.locator("abbr, sup a, a.footnote-ref, a[href^='#']:visible").all()[:AT_MOST]:
        if target.is_visible():
            target.hover()
    page.mouse.wheel(0, 4000)
    page.mouse.wheel(0, -1000)  # scrolling up shows Material's back-to-top button
    top = page.locator(".md-top:visible")
    if top.count():
        top.click()


def switch_palette(page) -> None:
    """The header's light/dark switch, there and back."""
    wait_until_settled(page, "light")
    page.locator("label.md-header__button[for='__palette_1']").click()
    wait_until_settled(page, "dark")
    page.locator("label.md-header__button[for='__palette_0']").click()
    wait_until_settled(page, "light")


@pytest.fixture(scope="module")
def watched_tab(browser):
    """One watched tab for the pages' tests below: a new tab costs more than a page load, and
    each test loads its page afresh (a new document, its record of violations empty)."""
    opened = []

    def new_context(**options):
        opened.append(browser.new_context(viewport=DESKTOP, color_scheme="light", **options))
        return opened[-1]

    yield watched(new_context)
    opened[0].close()


@pytest.mark.parametrize("path", PAGES)
def test_using_every_control_on_a_page_breaks_no_policy(watched_tab, server, path):
    watched_tab.problems.clear()
    watched_tab.goto(server.url(path))
    use_every_control(watched_tab)
    assert not problems(watched_tab), problems(watched_tab)


def test_the_theme_switch_search_and_show_all_break_no_policy(new_context, server):
    page = watched(new_context)
    page.goto(server.url())
    switch_palette(page)
    assert search(page, "CtrlSec"), "search found nothing"
    page.goto(server.url("timeline/"))
    page.locator(".timeline-filters button[type=reset]").click()
    assert not problems(page), problems(page)


def test_the_offline_copy_searches_and_filters_from_file_under_its_policy(new_context, offline_site_dir):
    page = watched(new_context)
    # Each page's policy is checked in tests/test_site.py; here, the pages with controls.
    for name in ("index.html", "timeline.html", "glossary.html", "debate/watch-or-remove.html"):
        html = offline_site_dir / name
        page.goto(html.as_uri())
        use_every_control(page)
        assert not problems(page, FILE_SITEMAP), f"{html.name}: {problems(page, FILE_SITEMAP)}"
    switch_palette(page)
    for html in (offline_site_dir / "index.html", offline_site_dir / "debate" / "index.html"):
        page.goto(html.as_uri())  # search from both depths: the shim's script differs
        assert search(page, "CtrlSec"), "offline search found nothing"
    assert not problems(page, FILE_SITEMAP), problems(page, FILE_SITEMAP)


INJECTION = (
    '<script>window.__pwned = "inline script"</script>'
    '<img src="/assets/images/favicon.png" alt="" onload="window.__pwned = \'event handler\'">'
    '<a id="pwned-link" href="javascript:void(window.__pwned=\'javascript: link\')">x</a>'
)


def serve_with(page, server, path: str, change) -> None:
    """Serve the page at path with its HTML passed through change, as an attacker's edit would."""

    def rewrite(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))

    page.route(server.url(path), rewrite)
    page.goto(server.url(path))


@pytest.mark.parametrize("with_policy", [True, False], ids=["with-the-policy", "without-it"])
def test_an_injected_script_runs_only_without_the_policy(new_context, server, with_policy):
    """Three ways in: a <script>, an on* handler and a javascript: link. With the page's
    policy none runs and each is reported; the same page with the policy removed runs them,
    so the payload is live and the policy is what stops it."""
    page = watched(new_context)

    def inject(html: str) -> str:
        if not with_policy:
            html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        return html.replace("</article>", INJECTION + "</article>", 1)

    serve_with(page, server, "timeline/", inject)
    page.locator("#pwned-link").click()
    page.wait_for_load_state("load")
    ran = page.evaluate("window.__pwned || null")
    directives = {v.split()[0] for v in page.evaluate("window.__violations")}
    if with_policy:
        assert ran is None
        assert directives == {"script-src-elem", "script-src-attr"}, page.evaluate("window.__violations")
        assert page.locator(".timeline-filters").is_visible(), "the site's own scripts still run"
    else:
        assert ran is not None and not directives


def test_browser_tests_wait_with_functions_the_policy_allows():
    """Playwright polls a bare expression given to wait_for_function with eval, which the
    policy forbids (no 'unsafe-eval'), so such a wait fails; a function is called instead."""
    bare = []
    for path in sorted((ROOT / "tests").rglob("*.py")) + sorted((ROOT / "bench").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"wait_for_function\(\s*f?([\"'])(.*?)\1", text, re.S):
            if not re.match(r"\s*(\(|\w+\s*=>|(async\s+)?function\b)", match.group(2)):
                bare.append(f"{path.relative_to(ROOT)}: {match.group(2)[:60]}")
    assert not bare, "write these as '() => ...':\n" + "\n".join(bare)
