"""site_files.py and the MkDocs hook: the extra files come from .cache/, not from memory."""

from __future__ import annotations

import pathlib

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from explainer.site_files import cached_site_files, site_files

from helpers import FIXTURE, copy_fixture

SITE = ("The Takedown Debate", "https://example.org/site/")


def test_the_cached_files_hold_exactly_what_site_files_makes(tmp_path):
    in_memory = site_files(FIXTURE / "docs", *SITE, tmp_path / "cards")
    on_disk = cached_site_files(FIXTURE / "docs", *SITE, tmp_path)
    assert sorted(on_disk) == sorted(in_memory)
    for path, content in in_memory.items():
        expected = content if isinstance(content, bytes) else content.encode("utf-8")
        assert on_disk[path].read_bytes() == expected, path
        assert on_disk[path].is_relative_to(tmp_path), path


def test_the_hook_adds_each_file_by_its_path_in_the_cache_not_its_content(tmp_path):
    project = copy_fixture(tmp_path)
    config = load_config(str(project / "mkdocs.yml"), site_url=SITE[1])
    files = config.plugins.on_files(Files([]), config=config)  # the hook, as MkDocs runs it
    assert len(files) == len(site_files(project / "docs", config["site_name"], SITE[1], tmp_path / "cards"))
    for file in files:
        source = pathlib.Path(file.abs_src_path)
        assert source.is_relative_to(project / ".cache") and source.is_file(), file.src_uri
        assert file.content_bytes == source.read_bytes()


def test_the_downloads_are_made_once_for_the_same_data_and_again_after_an_edit(tmp_path, monkeypatch):
    from explainer import cards, downloads

    project = copy_fixture(tmp_path)
    monkeypatch.chdir(project)
    made = []

    def counted(path, render):
        return lambda dataset: made.append(path) or render(dataset)

    monkeypatch.setattr(downloads, "FILES", {p: counted(p, r) for p, r in downloads.FILES.items()})
    monkeypatch.setattr(cards, "page_cards", lambda docs_dir, site_name: [])  # not what this tests
    cache = project / ".cache"
    first = cached_site_files(project / "docs", *SITE, cache)
    assert sorted(made) == sorted(downloads.FILES)
    second = cached_site_files(project / "docs", *SITE, cache)
    assert sorted(made) == sorted(downloads.FILES)  # nothing made again
    assert second == first
    with open(project / "docs" / "data" / "actors.yml", "a", encoding="utf-8") as actors:
        actors.write("\n")
    third = cached_site_files(project / "docs", *SITE, cache)
    assert len(made) == 2 * len(downloads.FILES)
    for path in downloads.FILES:
        assert third[path] != first[path] and not first[path].exists()  # only the current ones kept
        assert third[path].is_file()
