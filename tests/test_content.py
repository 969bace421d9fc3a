"""The written pages: sides with citations, citations everywhere, safe wording."""

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

DEBATE = sorted(p for p in (ROOT / "docs" / "debate").glob("*.md") if p.name != "index.md")
# The argument map states no facts of its own: each entry links to its cited argument.
NO_CITATION_NEEDED = {
    "glossary.md",
    "about/index.md",
    "about/contributing.md",
    "about/licence.md",
    "argument-map.md",
}
UNSAFE = [  # the content-safety rules (DEVELOPERS.md, style.md) as patterns
    (r"(?<![\w.\[/])@[A-Za-z0-9_]{2,15}\b", "account handle"),
    (r"justpaste|jpst\.it|pastebin|\bt\.me/|telegram\.me", "link to a paste or channel site"),
    (r"\bsever(ed|ing)\b|\bon a spike\b|\bgore\b|atrocity porn|\bbeheading", "graphic wording"),
    (r"\bfuck|\bshit\b", "profanity"),
    (
        r"\bstoner\b|\bcannabis\b|\bweed\b|\bdrug|rottweiler|girlfriend|foster|child.welfare|\bprison\b",
        "personal detail of a pseudonymous person",
    ),
]


def built(site_dir, source):
    rel = source.relative_to(ROOT / "docs").with_suffix("")
    folder = rel.parent if rel.name == "index" else rel
    return BeautifulSoup((site_dir / folder / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_there_are_eight_debate_pages():
    assert len(DEBATE) == 8


@pytest.mark.parametrize("page", DEBATE, ids=lambda p: p.stem)
def test_each_debate_page_has_two_cited_sides_and_anchored_arguments(site_dir, page):
    soup = built(site_dir, page)
    sides = soup.select("section.side")
    assert len(sides) >= 2
    for side in sides:
        assert side.select("a.cite"), f"a side of {page.name} has no citation"
        arguments = side.find_all("h4")
        assert arguments and all(h.get("id", "").startswith("arg-") for h in arguments)
    assert soup.select(".timeline--slice .timeline-event"), "no related events"
    assert soup.find(string=re.compile("Short answer"))


@pytest.mark.parametrize("page", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.stem)
def test_every_page_except_glossary_and_about_cites_a_source(site_dir, page):
    rel = page.relative_to(ROOT / "docs").as_posix()
    if rel in NO_CITATION_NEEDED or rel.startswith("includes/"):
        return
    assert built(site_dir, page).select("a.cite"), f"{rel} has no citation"


def test_the_overview_links_to_every_debate_page(site_dir):
    links = {a["href"] for a in built(site_dir, ROOT / "docs" / "index.md").select(".grid.cards a")}
    for page in DEBATE:
        assert f"debate/{page.stem}/" in links, page.stem


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "docs" / "data").glob("*.yml")),
    ids=lambda p: p.relative_to(ROOT / "docs").as_posix(),
)
def test_no_unsafe_wording(path):
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for pattern, why in UNSAFE:
            if re.search(pattern, line, re.I):
                found.append(f"{path.name}:{number}: {why}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def test_quotes_are_short():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for quote in re.findall(r"“([^”]+)”|\"([^\"\n]+)\"", path.read_text(encoding="utf-8")):
            text = quote[0] or quote[1]
            assert len(text.split()) < 25, f"{path.name}: {text[:60]}"


@pytest.mark.parametrize("page", DEBATE, ids=lambda p: p.stem)
def test_each_side_names_its_independent_voices_or_says_none_was_found(page):
    text = page.read_text(encoding="utf-8")
    sides = re.split(r"^### ", text, flags=re.M)[1:]
    sides = [s for s in sides if "{ #side-" in s.splitlines()[0]]
    assert len(sides) >= 2
    for side in sides:
        first_line = next(line for line in side.splitlines()[1:] if line.strip())
        assert first_line.startswith("**Independent voices:**"), f"{page.name}: {side.splitlines()[0]}"
        assert "[@" in first_line or "none found" in first_line, first_line


def test_every_corrected_page_shows_a_note_linking_to_its_entries(site_dir):
    from explainer import data

    corrections = data.load(ROOT / "docs" / "data").corrections.values()
    listing = built(site_dir, ROOT / "docs" / "about" / "corrections.md")
    for page in {entry["page"] for entry in corrections}:
        soup = built(site_dir, ROOT / "docs" / page)
        note = soup.select_one("p.correction-note")
        assert note and note.get_text().startswith("Corrected on "), page
        [anchor] = note.select("a")
        ids = [item["id"] for item in listing.select("li.correction")]
        mine = [e["id"] for e in corrections if e["page"] == page]
        first = anchor["href"].rsplit("#", 1)[1]
        # The note links to the first of the page's entries, and the rest follow it.
        assert ids[ids.index(first) : ids.index(first) + len(mine)] == [i for i in ids if i in mine], page
    dates = [t["datetime"] for t in listing.select("li.correction time")]
    assert len(dates) == len(list(corrections)) and dates == sorted(dates, reverse=True)
