"""The Takedown Debate's own Markdown extensions and data checks.

Each module does one job: citations, timeline, bibliography (Sources page), actors
(Who's who), figures, chart, glossary and page_footer are Python-Markdown extensions
named in mkdocs.yml; data validates docs/data; check is `make check`; downloads writes
the data as CSV, JSON, BibTeX and CSL-JSON. They run under MkDocs and under Zensical.
"""
