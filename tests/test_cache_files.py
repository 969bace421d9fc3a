"""cache_files.py: a file in .cache/ is written whole or not at all."""

from __future__ import annotations

from explainer.cache_files import write_whole


def test_a_rewritten_file_is_replaced_whole_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "downloads" / "sources.csv"
    write_whole(target, b"old\n")
    assert write_whole(target, "new “text”\n".encode()) == target
    assert target.read_text(encoding="utf-8") == "new “text”\n"
    assert [path.name for path in target.parent.iterdir()] == ["sources.csv"]
