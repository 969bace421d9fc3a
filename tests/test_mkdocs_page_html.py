"""The MkDocs hook mkdocs_page_html.py: each page's HTML held compressed, the site unchanged."""

from __future__ import annotations

import filecmp
import subprocess
import types

from explainer import mkdocs_page_html as hook

from conftest import BIN, ENV
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
    assert hook.on_page_context(context, page=page, config={}, nav=None) is context
    assert page.content == HTML
    assert not hasattr(page, hook.COMPRESSED)
    assert hook.on_post_page("<html>written</html>", page=page, config={}) == "<html>written</html>"
    assert page.content is None  # let go once the page is written


def test_the_hook_runs_before_search_reads_the_page_and_after_every_other_step():
    assert hook.on_page_content.mkdocs_priority < 0
    assert hook.on_page_context.mkdocs_priority > 0  # Material's search plugin runs at 0


def test_the_built_site_is_byte_identical_with_and_without_the_hook(tmp_path):
    project = copy_fixture(tmp_path)
    config = project / "mkdocs.yml"
    without = config.read_text(encoding="utf-8")
    hook_line = f"  - {hook.__file__}\n"
    with_hook = without.replace("hooks:\n", "hooks:\n" + hook_line)
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
