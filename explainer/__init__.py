"""The Takedown Debate's own Markdown extension and data checks.

mkdocs.yml names one Markdown extension, `explainer` (explainer/extension.py), which
registers every feature; each module does one job: citations, timeline, bibliography
(Sources page), actors (Who's who), figures, chart, glossary, corrections, page_footer,
offline_copy and search_terms render; data validates docs/data; check is `make check`;
site_files writes the downloads, feed and share cards. They run under MkDocs and under
Zensical; page_context is the one module that knows which.
"""


def makeExtension(**kwargs):
    """`explainer` in mkdocs.yml. Imported on use, so `explainer.data` stays light."""
    from .extension import ExplainerExtension

    return ExplainerExtension(**kwargs)
