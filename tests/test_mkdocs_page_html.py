"""The MkDocs hooks mkdocs_page_html.py and mkdocs_search_view.py: each page's HTML held
compressed, search given its view of the page, and the built site unchanged."""

from __future__ import annotations

import filecmp
import subprocess
import types

from explainer import mkdocs_page_html as hook
from explainer import mkdocs_search_view

from conftest import BIN, ENV, ROOT
from helpers import copy_fixture

HTML = '<p id="a">A “quoted” page: 46,000 – ↑ &amp; <a href="#a">here</a></p>\n' * 200


def test_the_html_comes_back_exactly_as_it_went_in():
    assert hook.release(hook.hold(HTML)) == HTML
    assert len(hook.hold(HTML)) < len(HTML.encode("utf-8")) / 5


def test_a_page_holds_its_html_compressed_until_its_template_needs_it():
    page = types.SimpleNamespace(content=None)
    page.content = hook.on_page_content(HTML, page=page, config={}, files=[])
    assert page.content == ""  # what MkDocs keeps while it renders the other pages
    context = {"page": page}
    assert mkdocs_search_view.on_page_context(context, page=page, config={}, nav=None) is context
    assert page.content == mkdocs_search_view.search_view(HTML)  # what search reads
    assert hook.on_page_context(context, page=page, config={}, nav=None) is context
    assert page.content == HTML
    assert not hasattr(page, hook.COMPRESSED)
    assert hook.on_post_page("<html>written</html>", page=page, config={}) == "<html>written</html>"
    assert page.content is None  # let go once the page is written


def test_search_gets_its_view_before_it_reads_the_page_and_the_template_the_whole_html_after():
    assert hook.on_page_content.mkdocs_priority < 0  # after every other step
    # Material's search plugin reads the page at priority 0.
    assert mkdocs_search_view.on_page_context.mkdocs_priority > 0
    assert hook.on_page_context.mkdocs_priority < 0


def test_the_html_loses_what_material_search_removes_after_reading_it():
    page = types.SimpleNamespace(content=None)
    hook.on_page_content('<p data-search-boost="2">A</p><p data-search-exclude="">B</p>', page, {}, [])
    hook.on_page_context({}, page=page, config={}, nav=None)
    assert page.content == '<p>A</p><p data-search-exclude="">B</p>'


def test_mkdocs_yml_lists_both_hooks_the_one_after_the_other():
    hooks = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:\n")[1].split("\n\n")[0]
    assert "explainer/mkdocs_page_html.py\n  - explainer/mkdocs_search_view.py" in hooks


def test_the_built_site_is_byte_identical_with_and_without_the_hooks(tmp_path):
    project = copy_fixture(tmp_path)
    config = project / "mkdocs.yml"
    without = config.read_text(encoding="utf-8")
    hook_lines = f"  - {hook.__file__}\n  - {mkdocs_search_view.__file__}\n"
    with_hook = without.replace("hooks:\n", "hooks:\n" + hook_lines)
    assert with_hook != without
    for text, site in ((with_hook, "with"), (without, "without")):
        config.write_text(text, encoding="utf-8")
        # Not strict: the fixture links to pages it doesn't have; that is the same both ways.
        build = [str(BIN / "mkdocs"), "build", "-q", "-d", str(tmp_path / site)]
        assert subprocess.run(build, cwd=project, env=ENV, capture_output=True).returncode == 0
    comparison = filecmp.dircmp(tmp_path / "with", tmp_path / "without")
    different = []

    def collect(c, prefix=""):
        different.extend(prefix + name for name in c.diff_files + c.left_only + c.right_only)
        for name, sub in c.subdirs.items():
            collect(sub, prefix + name + "/")

    collect(comparison)
    assert not different
    assert (tmp_path / "with" / "search" / "search_index.json").stat().st_size > 1000
