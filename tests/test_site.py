"""The real site: strict build, page metadata, no external assets, builds without network or git."""

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from explainer.usage import front_matter

from conftest import ENV, ROOT, built_pages, mkdocs_build
from project_copy import copy_project

CDN_HINTS = ("unpkg.com", "jsdelivr", "cdnjs", "googleapis", "gstatic", "cloudflare", "polyfill.io")


class AssetParser(HTMLParser):
    """Collects what a page loads (not what it merely links to), plus lang, title and description."""

    def __init__(self):
        super().__init__()
        self.loads, self.lang, self.title, self.description, self._in_title = [], None, "", None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")
        elif tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track"):
            self.loads += [attrs[a] for a in ("src", "srcset") if attrs.get(a)]
        elif tag == "object" and attrs.get("data"):
            self.loads.append(attrs["data"])
        elif tag == "link" and set((attrs.get("rel") or "").split()) & {
            "stylesheet",
            "preload",
            "modulepreload",
            "icon",
            "preconnect",
            "dns-prefetch",
            "manifest",
        }:
            self.loads.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path):
    parser = AssetParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_external(url):
    return url.startswith(("http://", "https://", "//"))


def test_every_page_in_the_nav_is_built(site_dir, docs_pages):
    for page in docs_pages:
        rel = page.relative_to(ROOT / "docs").with_suffix("")
        built = site_dir / (rel.parent if rel.name == "index" else rel) / "index.html"
        assert built.exists(), f"{page} was not built"


def test_every_page_has_lang_title_and_the_front_matter_description(site_dir, docs_pages):
    descriptions = {}
    for page in docs_pages:
        rel = page.relative_to(ROOT / "docs").with_suffix("")
        descriptions[(rel.parent if rel.name == "index" else rel).as_posix()] = front_matter(
            page.read_text(encoding="utf-8")
        )["description"]
    for html in built_pages(site_dir):
        page = parse(html)
        key = html.parent.relative_to(site_dir).as_posix()
        assert page.lang == "en", html
        assert page.title.strip(), html
        assert page.description == descriptions[key].strip(), html


def test_no_page_loads_an_external_asset(site_dir):
    for html in built_pages(site_dir) + [site_dir / "404.html"]:
        external = [url for url in parse(html).loads if is_external(url)]
        assert not external, f"{html} loads {external}"


def test_body_scripts_are_deferred_so_the_text_paints_first(site_dir, offline_site_dir):
    for html in built_pages(site_dir) + built_pages(offline_site_dir):
        head, body = html.read_text(encoding="utf-8").split("<body", 1)
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", body)
        assert any("bundle." in tag for tag in scripts), f"{html}: Material's bundle is missing"
        assert all(" defer " in tag for tag in scripts), f"{html}: {scripts}"
        assert 'classList.replace("no-js","js")' in head, html


def test_the_sites_own_css_loads_nothing_external():
    for css in (ROOT / "overrides").rglob("*.css"):
        assert "url(http" not in css.read_text().replace(" ", ""), css


def test_the_offline_build_contains_no_cdn_address(offline_site_dir):
    pages = built_pages(offline_site_dir)
    assert pages, "the offline build produced no pages"
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert not [hint for hint in CDN_HINTS if hint in text], html
        assert not [url for url in parse(html).loads if is_external(url)], html
    index = (offline_site_dir / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker/shim.js"' in index
    assert (offline_site_dir / "search" / "search_index.js").exists()


def test_the_downloads_are_built_and_match_the_data(site_dir):
    events = json.loads((site_dir / "downloads" / "timeline.json").read_text())
    sources = json.loads((site_dir / "downloads" / "sources.json").read_text())
    assert len(events) >= 40 and len(sources) >= 50
    assert (site_dir / "downloads" / "sources.bib").read_text().count("\n@") + 1 == len(sources)


def unshare_available():
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    return None if probe.returncode == 0 else f"unshare -n is not permitted here: {probe.stderr.strip()}"


def test_the_build_needs_no_network(tmp_path):
    reason = unshare_available()
    if reason:
        pytest.skip(reason)
    result = subprocess.run(
        [
            "unshare",
            "-n",
            str(ROOT / ".venv" / "bin" / "mkdocs"),
            "build",
            "--strict",
            "--site-dir",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    offline = subprocess.run(
        [
            "unshare",
            "-n",
            str(ROOT / ".venv" / "bin" / "mkdocs"),
            "build",
            "--strict",
            "-f",
            "mkdocs.offline.yml",
            "--site-dir",
            str(tmp_path / "offline"),
        ],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert offline.returncode == 0, offline.stderr[-3000:]


def test_the_build_works_from_a_copy_project(tmp_path):
    project = copy_project(tmp_path / "archive")
    result = mkdocs_build(tmp_path / "site", cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Last updated: not recorded in this copy (no git history)." in page


def test_the_build_works_from_a_shallow_clone(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{ROOT}", str(clone)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = mkdocs_build(tmp_path / "site", cwd=clone)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Last updated: <time" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_the_build_works_when_run_from_another_folder(tmp_path):
    """Snippets' base_path uses !relative, so abbreviations survive a build from elsewhere."""
    result = mkdocs_build(tmp_path / "site", config=str(ROOT / "mkdocs.yml"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "<abbr title=" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "marker.html").write_text("previous build")
    page = project / "docs" / "timeline.md"
    page.write_text(page.read_text() + "\nBroken [@no-such-source].\n")
    # The copy uses the project's .venv (BIN) and skips the install step (SITE_DEPS empty).
    result = subprocess.run(
        ["make", "build", f"BIN={ROOT / '.venv' / 'bin'}", "SITE_DEPS="],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    assert "docs/timeline.md" in result.stdout + result.stderr
    assert (project / "site" / "marker.html").read_text() == "previous build"
    assert not (project / ".site-tmp").exists()
