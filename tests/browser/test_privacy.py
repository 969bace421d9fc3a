"""Privacy: reading the site sends nothing to any third party.

Every page is loaded from the local server with every request intercepted; a request
to any other host (a font service, an analytics script, the GitHub API for repository
stars) is aborted and reported with the page that made it.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_no_page_requests_anything_from_another_host(every_page_visit, server):
    outside, _ = every_page_visit
    assert not outside, f"requests to hosts other than {server.origin}:\n" + "\n".join(outside)
