"""The offline copy (make offline: site-offline.zip) is findable: a link with its size.

`/// offline-copy` (the About page) and every page's footer (page_footer.py) say where
to download the zip, how big it is, and how to open it. The size is read from the zip
beside mkdocs.yml when the build runs, so `make offline` must run before the site's
build (the deploy workflow does: `make offline build`). Without the zip (a local build)
the size is left out rather than guessed. The link is absolute, to the published site,
because the zip is copied into the published site after its build.
"""

from __future__ import annotations

import pathlib
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .blockbase import DataBlock

ZIP_NAME = "site-offline.zip"


def zip_size(project_dir: pathlib.Path) -> str | None:
    """'2.4 MB' for the zip beside mkdocs.yml, or None when it has not been built."""
    path = pathlib.Path(project_dir) / ZIP_NAME
    if not path.is_file():
        return None
    size = path.stat().st_size
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} KB"


def add_offline_link(parent: etree.Element, site_url: str, project_dir: pathlib.Path, lead: str) -> None:
    """'<lead> site-offline.zip (2.4 MB): unzip it and open index.html …' as a paragraph."""
    size = zip_size(project_dir)
    paragraph = etree.SubElement(parent, "p", {"class": "offline-copy"})
    paragraph.text = AtomicString(lead + " ")
    anchor = etree.SubElement(paragraph, "a", {"href": site_url.rstrip("/") + "/" + ZIP_NAME, "download": ""})
    anchor.text = f"{ZIP_NAME} ({size})" if size else ZIP_NAME
    anchor.tail = AtomicString(
        ": unzip it and open index.html in any browser. It works without a connection, search included."
    )


class OfflineCopyBlock(DataBlock):
    NAME = "offline-copy"
    OPTIONS = DataBlock.options()

    def render(self, block):
        add_offline_link(
            block,
            self.site.site_url,
            self.docs_dir.parent,
            "To read the whole site without a connection, download the offline copy,",
        )
