"""The site's HTML policy and content security policy, read from built pages.

Shared by tests/test_site.py (every page of both builds) and tests/test_portability.py
(the Zensical build), so both hold pages to the same rules.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from html.parser import HTMLParser

import yaml

from conftest import ROOT

# Scripts a page may load: the theme's bundle, then the site's own files.
SCRIPT_SOURCES = re.compile(
    r"assets/(javascripts/(bundle\.[0-9a-f]+\.min\.js|site\.js)|vendor/iframe-worker/shim\.js)"
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
FORBIDDEN_SCHEMES = ("javascript:", "data:", "vbscript:")
# Data blocks, never run: Chromium, like the HTML standard, treats a script whose type is
# not JavaScript as data and returns before the policy is consulted, so they need no hash.
DATA_SCRIPTS = ("application/json", "application/ld+json")
SHIM = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker" / "shim.js"


def script_hash(text: str) -> str:
    """The CSP source that allows an inline script with exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def parse_policy(content: str) -> dict[str, list[str]]:
    """'a x y; b z' -> {'a': ['x', 'y'], 'b': ['z']}."""
    policy = {}
    for directive in filter(None, (part.strip() for part in content.split(";"))):
        name, *sources = directive.split()
        policy[name.lower()] = sources
    return policy


def configured_policy(config: str = "mkdocs.yml") -> dict[str, list[str]]:
    """extra.content_security_policy as the build sees it: the offline file adds to mkdocs.yml's."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV, !relative
    policy: dict[str, dict] = {}
    for name in dict.fromkeys(("mkdocs.yml", config)):  # the offline file INHERITs mkdocs.yml
        extra = yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=Loader).get("extra") or {}
        for directive, sources in (extra.get("content_security_policy") or {}).items():
            policy.setdefault(directive, {}).update(sources)
    return {directive: sorted(sources.values()) for directive, sources in policy.items()}


def shim_script(worker_url: str) -> str:
    """The inline script the vendored iframe-worker shim writes into its iframe for a worker
    at worker_url (as the page's configuration names it): the shim's template with its two
    functions' source text and the address filled in, as the browser does."""
    source = SHIM.read_text(encoding="utf-8")
    functions = {
        name: re.search(rf"function {name}\(.*?(?=function d\(|var o=)", source).group(0) for name in "cd"
    }
    template = re.search(r"<script>(.*?)<\\/script>", source).group(1)
    return (
        template.replace("${c}", functions["c"]).replace("${d}", functions["d"]).replace("${e}", worker_url)
    )


def is_external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


class PolicyParser(HTMLParser):
    """Everything on a page that breaks the site's HTML policy, as readable strings, and the
    page's content security policy with the hashes of its inline scripts."""

    def __init__(self, page_dir: str):
        super().__init__()
        self.page_dir, self.broken, self._inline = page_dir, [], None
        self.policy: dict[str, list[str]] | None = None
        self.policies = 0
        self.inline_hashes: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies += 1
            self.policy = parse_policy(values.get("content") or "")
        elif tag in ("script", "style", "link") and self.policy is None:
            self.broken.append(f"<{tag}> before the content security policy")
        if tag in ("iframe", "object", "embed", "frame", "applet"):
            self.broken.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.broken.append(f"<{tag} {name}>")
            # Browsers skip whitespace and control characters inside a scheme ("java\tscript:").
            squeezed = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(FORBIDDEN_SCHEMES):
                self.broken.append(f"<{tag} {name}={value!r}>")
        source = values.get("src")
        if tag == "script" and source is not None:
            path = posixpath.normpath(posixpath.join(self.page_dir, re.sub(r"^/site/", "/", source)))
            if is_external(source) or not SCRIPT_SOURCES.fullmatch(path.lstrip("/")):
                self.broken.append(f"<script src={source!r}>")
        elif tag == "script" and values.get("type") not in DATA_SCRIPTS:
            self._inline = []

    def handle_data(self, data):
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._inline is not None:
            text = "".join(self._inline)
            self.inline_hashes.append(script_hash(text))
            allowed = (self.policy or {}).get("script-src", [])
            if script_hash(text) not in allowed:
                self.broken.append(f"<script>{text[:80]}</script> needs {script_hash(text)} in script-src")
            self._inline = None

    def close(self):
        super().close()
        if self.policies != 1:
            self.broken.append(f"{self.policies} content security policies (one expected)")


def page_breaches(html: str, page_dir: str) -> PolicyParser:
    """Parse a page (page_dir: its folder from the site root, '/debate'); .broken lists breaches."""
    parser = PolicyParser(page_dir)
    parser.feed(html)
    parser.close()
    return parser
