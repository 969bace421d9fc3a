"""The real site: strict build, page metadata, no external assets, builds without network or git."""

import fcntl
import json
import os
import pathlib
import re
import subprocess
from html.parser import HTMLParser

import pytest

from explainer.usage import front_matter

from conftest import (
    ENV,
    HOSTILE_TITLES,
    NO_NETWORK_MARK,
    ROOT,
    built_pages,
    mkdocs_build,
    unshare_unavailable,
)
from html_policy import SHIM, configured_policy, is_external, page_breaches, script_hash, shim_script
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


def test_the_build_needs_no_network(copy_project_site, offline_site_dir):
    """The two shared builds of mkdocs.yml (in a copy of the project) and mkdocs.offline.yml
    ran under `unshare -n`."""
    reason = unshare_unavailable()
    if reason:
        pytest.skip(reason)
    for site in (copy_project_site, offline_site_dir):
        assert (site / NO_NETWORK_MARK).is_file(), f"{site} was built with the network"
        assert (site / "index.html").is_file()


def test_the_build_works_from_a_copy_project(copy_project_site):
    page = (copy_project_site / "index.html").read_text(encoding="utf-8")
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


def test_the_build_works_when_run_from_another_folder(copy_project_site):
    """Snippets' base_path uses !relative, so abbreviations survive a build from elsewhere
    (the copy's build runs from a folder beside it)."""
    assert "<abbr title=" in (copy_project_site / "index.html").read_text(encoding="utf-8")


def make(project, *targets, **kwargs):
    """`make` in a project copy, with the project's .venv (BIN) and no install step (SITE_DEPS empty)."""
    return subprocess.Popen(
        ["make", *targets, f"BIN={ROOT / '.venv' / 'bin'}", "SITE_DEPS="],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        **kwargs,
    )


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "marker.html").write_text("previous build")
    page = project / "docs" / "timeline.md"
    page.write_text(page.read_text() + "\nBroken [@no-such-source].\n")
    output, _ = make(project, "build").communicate(timeout=600)
    assert "docs/timeline.md" in output
    assert (project / "site" / "marker.html").read_text() == "previous build"
    assert not list(project.glob("site.tmp.*"))


def test_a_build_swaps_the_new_site_in_and_leaves_no_temporary_folder(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("from an old build")
    process = make(project, "build")
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output[-3000:]
    assert (project / "site" / "index.html").exists()
    assert not (project / "site" / "stale.html").exists()
    assert oct((project / "site").stat().st_mode & 0o777) == "0o755"
    assert not list(project.glob("site.tmp.*"))


def test_a_second_build_waits_for_the_lock(tmp_path):
    """The lock belongs to tools/build_site.sh, whatever it builds: a one-page project here
    (the whole site's build, tested above, would only make the wait longer)."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# A page\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: One page\n", encoding="utf-8")
    with open(project / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a first build, holding the lock
        waiting = subprocess.Popen(
            [ROOT / "tools" / "build_site.sh", "site"],
            cwd=project,
            env={**ENV, "MKDOCS": str(ROOT / ".venv" / "bin" / "mkdocs")},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            with pytest.raises(subprocess.TimeoutExpired):
                waiting.wait(timeout=3)
            assert not (project / "site").exists() and not list(project.glob("site.tmp.*"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    output, _ = waiting.communicate(timeout=600)
    assert waiting.returncode == 0, output[-3000:]
    assert (project / "site" / "index.html").exists()


@pytest.mark.parametrize("include", ["../../mkdocs.yml", "../data/sources.yml", "/etc/hostname"])
def test_snippets_read_only_docs_includes(tmp_path, include):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"  # the first page built: the build stops there
    page.write_text(page.read_text(encoding="utf-8") + f'\n--8<-- "{include}"\n', encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", cwd=project)
    assert result.returncode != 0
    # The page's own line and the fix, from explainer's guard, before the snippets extension runs.
    message = f"docs/index.md:{page.read_text(encoding='utf-8').count(chr(10))}: snippet '{include}' "
    assert message + "is not a file in docs/includes/" in result.stderr, result.stderr[-2000:]


def test_every_page_follows_the_html_policy(site_dir, offline_site_dir):
    """Scripts only from the theme, the site's assets or inline ones whose hashes the page's
    content security policy lists; no on* attributes; no javascript:, data: or vbscript: URLs;
    no iframe, object or embed; one policy, before anything it governs."""
    for site in (site_dir, offline_site_dir):
        for html in sorted(site.rglob("*.html")):
            if "assets" in html.relative_to(site).parts:
                continue
            page = page_breaches(
                html.read_text(encoding="utf-8"), "/" + html.parent.relative_to(site).as_posix()
            )
            assert not page.broken, f"{html.relative_to(site)}: {page.broken}"


def test_the_policy_parser_catches_each_kind_of_breach():
    page = page_breaches(
        "<script>early()</script>"
        '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
        '<a href=" java\tscript:alert(1)">x</a><img src="x" onerror="alert(1)">'
        '<form action="vbscript:x"></form><iframe src="https://x.test"></iframe>'
        '<script src="https://cdn.test/x.js"></script><script src="../evil.js"></script>'
        '<script src="../assets/javascripts/site.js"></script><a href="data:text/html,x">d</a>'
        '<script type="application/json">{}</script><script>unlisted()</script>',
        "/debate",
    )
    assert [breach.split(" needs ")[0] for breach in page.broken] == [
        "<script> before the content security policy",
        "<script>early()</script>",
        "<a href=' java\\tscript:alert(1)'>",
        "<img onerror>",
        "<form action='vbscript:x'>",
        "<iframe>",
        "<script src='https://cdn.test/x.js'>",
        "<script src='../evil.js'>",
        "<a href='data:text/html,x'>",
        "<script>unlisted()</script>",
    ]
    assert page_breaches("<p>no policy</p>", "/").broken == ["0 content security policies (one expected)"]


def test_the_content_security_policy_is_the_configured_one_and_strict(site_dir, offline_site_dir):
    for site, config in ((site_dir, "mkdocs.yml"), (offline_site_dir, "mkdocs.offline.yml")):
        configured = configured_policy(config)
        assert "'self'" in configured["script-src"] and configured["object-src"] == ["'none'"]
        assert configured["base-uri"] == ["'self'"] and configured["default-src"] == ["'self'"]
        for sources in configured.values():
            assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:"} & set(
                sources
            ), sources
        assert "data:" not in configured["script-src"] + configured["default-src"]
        for html in sorted(site.rglob("*.html")):
            if "assets" not in html.relative_to(site).parts:
                page = page_breaches(html.read_text(encoding="utf-8"), "/")
                assert {k: sorted(v) for k, v in page.policy.items()} == configured, html


def test_every_listed_script_hash_is_used_by_a_page(site_dir, offline_site_dir):
    """A hash no page needs is a stale permission: the list matches the scripts exactly."""
    for site, config in ((site_dir, "mkdocs.yml"), (offline_site_dir, "mkdocs.offline.yml")):
        used = set()
        for html in sorted(site.rglob("*.html")):
            if "assets" not in html.relative_to(site).parts:
                used |= set(page_breaches(html.read_text(encoding="utf-8"), "/").inline_hashes)
                if site == offline_site_dir and html.name != "404.html":
                    used.add(script_hash(shim_script(worker_url(html))))
        assert set(configured_policy(config)["script-src"]) - {"'self'"} == used, config


def worker_url(html) -> str:
    """The search worker's address as the page's Material configuration gives it."""
    config = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>', html.read_text(), re.S
    )
    return json.loads(config.group(1))["search"]


def test_the_offline_copy_allows_the_script_its_search_shim_writes(offline_site_dir):
    """From file:// the iframe-worker shim starts search with an inline script that names the
    worker's address relative to the page; its hash must be in that page's policy (the 404
    page is left out: it is served by a web server, never opened from disk)."""
    assert "${e}" in SHIM.read_text(encoding="utf-8")  # the template this test fills in
    for html in built_pages(offline_site_dir):
        page = page_breaches(html.read_text(encoding="utf-8"), "/")
        script = shim_script(worker_url(html))
        assert script_hash(script) in page.policy["script-src"], f"{html}: {script_hash(script)}"


def test_the_scope_script_is_materials_with_the_scope_read_from_an_attribute():
    """overrides/partials/javascripts/base.html shadows Material's: the same script, except
    that the scope comes from data-md-scope, so the text (and hash) is one for every page."""
    import material

    theirs = pathlib.Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html"
    ours = ROOT / "overrides" / "partials" / "javascripts" / "base.html"
    theirs_script = re.search(r"<script>(.*?)</script>", theirs.read_text(encoding="utf-8")).group(1)
    ours_tag, ours_script = re.search(
        r"<script([^>]*)>(.*?)</script>", ours.read_text(encoding="utf-8")
    ).groups()
    assert ours_tag == ' data-md-scope="{{ config.extra.scope | d(base_url) }}"'
    assert ours_script == theirs_script.replace(
        'new URL("{{ config.extra.scope | d(base_url) }}",location)',
        "new URL(document.currentScript.dataset.mdScope,location)",
    )


def test_front_matter_is_escaped_in_the_head(copy_project_site):
    title, description = HOSTILE_TITLES["about/licence.md"]
    html = (copy_project_site / "about" / "licence" / "index.html").read_text(encoding="utf-8")
    head = parse_head(html)
    assert head.description == description
    assert head.title == f"{title} - The Takedown Debate"
    assert "alert(1)" not in "".join(head.scripts)


def parse_head(html: str) -> AssetParser:
    """The page's <head> only: its title, description and the text of its inline scripts."""
    head = html.split("</head>", 1)[0]
    parser = AssetParser()
    parser.feed(head)
    parser.scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", head, re.S)
    return parser
