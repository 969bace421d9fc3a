"""What the browser tests share: the page list, the local server, and page helpers."""

from __future__ import annotations

import functools
import http.server
import pathlib
import threading
from urllib.parse import urlsplit

from explainer.usage import page_files

from conftest import ROOT

CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
LOCAL_SCHEMES = ("data", "blob", "about")


def page_paths() -> list[str]:
    """Every page's address relative to the site root ('' for the home page), from docs/."""
    paths = []
    for page in page_files(ROOT / "docs"):
        relative = page.relative_to(ROOT / "docs").with_suffix("").as_posix()
        if relative == "index":
            paths.append("")
        elif relative.endswith("/index"):
            paths.append(relative[: -len("index")])
        else:
            paths.append(relative + "/")
    return paths


PAGES = page_paths()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: an unknown address gets 404.html, status 404."""

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = pathlib.Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SiteServer:
    """A built site on http://127.0.0.1:<free port>/, served from a daemon thread."""

    def __init__(self, site_dir: pathlib.Path):
        handler = functools.partial(QuietHandler, directory=str(site_dir))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = f"127.0.0.1:{self.httpd.server_port}"
        self.base = f"http://{self.origin}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return self.base + path

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or (parts.scheme == "http" and parts.netloc == self.origin)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def wait_until_settled(page, scheme: str = "light"):
    """After a load: Material has applied the palette and no transition is running."""
    wanted = "slate" if scheme == "dark" else "default"
    page.wait_for_function("wanted => document.body.dataset.mdColorScheme === wanted", arg=wanted)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


# Material reads the search box on keyup. One call clears the box and waits for the empty
# state (so no earlier query's results are read), then sets the query and waits for its
# results: the steps the helper took before as nine calls, each a round trip to the browser.
SEARCH_FOR = """async query => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const deadline = Date.now() + 30000;
  const until = (test, what) => new Promise((resolve, reject) => {
    const check = () => test() ? resolve()
      : Date.now() > deadline ? reject(new Error(`no ${what} for ${JSON.stringify(query)}`))
      : requestAnimationFrame(check);
    check();
  });
  const enter = value => {
    box.value = value;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  };
  enter('');
  await until(() => /Type to start searching/.test(meta.textContent), 'empty state');
  enter(query);
  await until(() => /matching document|no matching/i.test(meta.textContent), 'results');
  const links = document.querySelectorAll(
    '.md-search-result__list > .md-search-result__item > a.md-search-result__link');
  return [new URL(__md_scope).href, [...links].map(link => link.href)];
}"""


def search_results(page, query: str) -> list[str]:
    """Enters a query in Material's search box; each result's address relative to the
    site root, with its #anchor, in order (Material may list two sections of one page apart).
    The search box must be visible (a desktop viewport) or already open.
    """
    box = page.locator("input.md-search__input")
    if not box.evaluate("element => element === document.activeElement"):
        box.click()
    root, hrefs = page.evaluate(SEARCH_FOR, query)
    results = []
    for href in hrefs:
        address, _, anchor = href.split("?")[0].partition("#")
        if not anchor and "#" in href:  # Material puts ?h= before the #anchor
            anchor = href.partition("#")[2]
        results.append(page_path(address.removeprefix(root)) + (f"#{anchor}" if anchor else ""))
    return results


def search(page, query: str) -> list[str]:
    """The pages of the results of a query, in order, each listed once where it first
    appears, as its address relative to the site root ('' = home page)."""
    pages = []
    for result in search_results(page, query):
        path = result.partition("#")[0]
        if path not in pages:
            pages.append(path)
    return pages


def page_path(address: str) -> str:
    """'debate/x/', 'debate/x.html' or 'debate/x/index.html' (offline copy) -> 'debate/x/'."""
    address = address.removesuffix("index.html")
    return address.removesuffix(".html") + "/" if address.endswith(".html") else address


def overlapping(boxes: list[dict], label: str) -> list[tuple]:
    """Pairs of boxes (left, top, right, bottom) that overlap by more than rounding (0.5 px),
    each named by its `label` field: tap targets must not share any of their area."""
    return [
        (a[label], b[label])
        for index, a in enumerate(boxes)
        for b in boxes[index + 1 :]
        if min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5
    ]
