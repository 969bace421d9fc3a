"""Share cards: a 1200×630 PNG per page, drawn at build time with no network.

Each card shows the page's title, the site's name and, on a debate page, the
question's one-line summary (its front-matter description). The text is set in the
font Pillow bundles (ImageFont.load_default(size): Aileron Regular, public domain),
so the cards need no font file or download, and Pillow is pinned exactly
(requirements.txt) so a card's pixels depend only on its text. Cards are cached by a
hash of their text (CARD_CACHE): a card is drawn again only when its text changes.

Pure functions from docs/ to PNG bytes; site_files.py adds them to
the build, and overrides/main.html points the Open Graph and Twitter tags at them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pathlib

from .cache_files import kept
from .usage import front_matter, page_files

WIDTH, HEIGHT = 1200, 630
CARD_DIR = "assets/cards"
DEBATE_FOLDER = "debate/"
VERSION = "2"  # change to redraw every card when the design changes
INDIGO, WHITE, INK, MUTED = (48, 63, 159), (255, 255, 255), (33, 33, 33), (84, 84, 84)
MARGIN = 72


@dataclasses.dataclass(frozen=True)
class Card:
    path: str  # in the built site, e.g. assets/cards/debate/watch-or-remove.png
    title: str
    site: str
    summary: str | None  # a debate question's one-line summary, else None

    @property
    def key(self) -> str:
        text = "\n".join([VERSION, self.title, self.site, self.summary or ""])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def card_path(src_path: str) -> str:
    """'debate/watch-or-remove.md' -> 'assets/cards/debate/watch-or-remove.png'."""
    return f"{CARD_DIR}/{src_path.removesuffix('.md')}.png"


def page_cards(docs_dir: pathlib.Path, site_name: str) -> list[Card]:
    cards = []
    for path in page_files(docs_dir):
        src = path.relative_to(docs_dir).as_posix()
        meta = front_matter(path.read_text(encoding="utf-8"))
        title = str(meta.get("title") or site_name)
        debate = src.startswith(DEBATE_FOLDER) and src != f"{DEBATE_FOLDER}index.md"
        summary = str(meta["description"]) if debate and meta.get("description") else None
        cards.append(Card(card_path(src), title, site_name, summary))
    return cards


def _wrap(draw, text: str, font, width: int, max_lines: int) -> list[str]:
    """Words in lines no wider than width; the last line ends with … if text is cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while draw.textlength(lines[-1] + "…", font=font) > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += "…"
    return lines


def draw(card: Card) -> bytes:
    """The card as PNG bytes (a few colours, so well under 100 KB)."""
    from PIL import Image, ImageDraw, ImageFont  # only the build needs Pillow

    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 24), fill=INDIGO)
    pen.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill=INDIGO)
    site_font = ImageFont.load_default(40)
    pen.text((MARGIN, HEIGHT - 48), card.site, font=site_font, fill=WHITE, anchor="lm")
    title_size = 76 if len(card.title) < 40 else 64
    title_font = ImageFont.load_default(title_size)
    y = 96
    for line in _wrap(pen, card.title, title_font, WIDTH - 2 * MARGIN, 3):
        pen.text((MARGIN, y), line, font=title_font, fill=INK)
        y += int(title_size * 1.2)
    if card.summary:
        summary_font = ImageFont.load_default(34)
        y += 24
        room = max(1, (HEIGHT - 96 - 32 - y) // 44)
        for line in _wrap(pen, card.summary, summary_font, WIDTH - 2 * MARGIN, room):
            pen.text((MARGIN, y), line, font=summary_font, fill=MUTED)
            y += 44
    out = io.BytesIO()
    # Fast octree and no optimize pass: a card draws in a third of the time (a 1,000-page
    # site draws 1,000 of them on its first build), a tenth larger, the same few colours.
    image.quantize(colors=32, method=Image.Quantize.FASTOCTREE).save(out, "PNG")
    return out.getvalue()


def render(card: Card, cache_dir: pathlib.Path | None = None) -> bytes:
    """The card's PNG, from the cache when its text has not changed."""
    return cached(card, cache_dir).read_bytes() if cache_dir else draw(card)


def cached(card: Card, cache_dir: pathlib.Path) -> pathlib.Path:
    """The card's PNG file in cache_dir, drawn first if its text has changed."""
    return kept(cache_dir / f"{card.key}.png", lambda: draw(card))
