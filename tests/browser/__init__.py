"""Browser tests: headless Chromium against the built site (pytest -m browser)."""
