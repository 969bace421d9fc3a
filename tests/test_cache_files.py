"""cache_files.py: a file in .cache/ is written whole or not at all."""

from __future__ import annotations

from explainer.cache_files import kept, write_whole


def test_a_rewritten_file_is_replaced_whole_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "downloads" / "sources.csv"
    write_whole(target, b"old\n")
    assert write_whole(target, "new “text”\n".encode()) == target
    assert target.read_text(encoding="utf-8") == "new “text”\n"
    assert [path.name for path in target.parent.iterdir()] == ["sources.csv"]


def test_a_kept_file_is_made_only_when_it_is_not_there(tmp_path):
    made = []

    def make():
        made.append(1)
        return b"content"

    target = tmp_path / "by-hash" / "file.bin"
    assert kept(target, make) == target and target.read_bytes() == b"content"
    assert kept(target, make) == target and len(made) == 1
