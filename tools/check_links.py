"""Checks the external links of a built site: `python tools/check_links.py site`.

Run weekly by .github/workflows/links.yml, not on every pull request, because the web
changes under us. Collects every external http(s) link (<a href>, <area href>) from
site/**/*.html, drops #fragments and duplicates, and requests each address once: HEAD
first, GET when a server refuses HEAD, with a timeout and a few retries. Prints each
broken link with the pages that carry it, then a summary; exits 1 if any is broken.

A server that refuses robots (401, 403, 429, 999) is reported but not counted as
broken: the address may be fine in a browser. Read the source in an archived copy
before changing a URL in docs/data/sources.yml.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import pathlib
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

USER_AGENT = (
    "Mozilla/5.0 (compatible; takedown-debate-link-check/1.0; +https://github.com/the-takedown-debate/site)"
)
REFUSED = {401, 403, 429, 999}
RETRY_STATUS = {429, 500, 502, 503, 504}
HEAD_UNSUPPORTED = {400, 403, 404, 405, 406, 501}


class LinkParser(HTMLParser):
    """The external http(s) addresses a page links to."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("a", "area"):
            return
        href = (dict(attrs).get("href") or "").strip()
        if urlsplit(href).scheme in ("http", "https") and urlsplit(href).netloc:
            self.links.append(urldefrag(href).url)


def page_links(html: str) -> list[str]:
    """External links of one HTML page, without fragments, in order, once each."""
    parser = LinkParser()
    parser.feed(html)
    return list(dict.fromkeys(parser.links))


def site_links(site: pathlib.Path) -> dict[str, list[str]]:
    """{address: [pages that link to it]} for every HTML page under site, sorted by address."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        for url in page_links(page.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(url, []).append(relative)
    return dict(sorted(found.items()))


@dataclass
class Result:
    url: str
    status: int | None  # None: no answer (DNS, connection, TLS, timeout)
    detail: str = ""

    @property
    def verdict(self) -> str:
        if self.status is None or (self.status >= 400 and self.status not in REFUSED):
            return "broken"
        return "refused" if self.status in REFUSED else "ok"


def check(url: str, session, timeout: float = 20, retries: int = 3, pause: float = 2.0) -> Result:
    """One address: HEAD, then GET if HEAD is refused; retried on errors and 429/5xx."""
    import requests

    result = Result(url, None, "not tried")
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(pause * 2 ** (attempt - 1))
        try:
            response = session.head(url, allow_redirects=True, timeout=timeout)
            if response.status_code in HEAD_UNSUPPORTED or response.status_code in RETRY_STATUS:
                response = session.get(url, allow_redirects=True, timeout=timeout, stream=True)
                response.close()
            result = Result(url, response.status_code, response.reason or "")
        except requests.RequestException as error:
            result = Result(url, None, type(error).__name__)
            continue
        if result.status not in RETRY_STATUS:
            return result
    return result


def check_all(urls: list[str], workers: int, timeout: float, retries: int) -> list[Result]:
    import requests

    session = requests.Session()
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    adapter = requests.adapters.HTTPAdapter(pool_connections=workers, pool_maxsize=workers)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda url: check(url, session, timeout, retries), urls))


def report(results: list[Result], pages: dict[str, list[str]]) -> int:
    """Prints broken and refused links and a summary; returns the number broken."""
    counts = {"ok": 0, "refused": 0, "broken": 0}
    for result in results:
        counts[result.verdict] += 1
        if result.verdict != "ok":
            where = ", ".join(pages[result.url][:3]) + (" …" if len(pages[result.url]) > 3 else "")
            status = result.status if result.status is not None else "no answer"
            print(f"{result.verdict.upper():8} {status} {result.detail}: {result.url}\n         on {where}")
    print(
        f"\n{len(results)} external addresses: {counts['ok']} ok, {counts['refused']} refused "
        f"robots (not counted), {counts['broken']} broken"
    )
    return counts["broken"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "site", nargs="?", default="site", type=pathlib.Path, help="built site (default: site)"
    )
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=20, help="seconds per request")
    parser.add_argument("--retries", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    pages = site_links(args.site)
    results = check_all(list(pages), args.workers, args.timeout, args.retries)
    return 1 if report(results, pages) else 0


if __name__ == "__main__":
    sys.exit(main())
