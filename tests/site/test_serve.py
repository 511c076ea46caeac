"""`python -m generator serve`: the built site on this machine as GitHub Pages serves it,
so that its addresses and its 404 page (absolute links under /eduplans/) work there."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request

import pytest

from generator.site import serve


@pytest.fixture(scope="module")
def served(built_site):
    httpd = serve.server(built_site, "https://eduplans.github.io/eduplans/", 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def fetch(url: str) -> tuple[int, str, str]:
    """(status, final URL, body) without raising on 404."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.url, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, url, error.read().decode("utf-8", "replace")


def test_the_site_is_served_under_its_path(served):
    status, url, body = fetch(served + "/")
    assert (status, url) == (200, served + "/eduplans/") and "<title>" in body
    status, _, body = fetch(served + "/eduplans/plans/qingdao-2024/")
    assert status == 200 and "2024年全市教育工作要点" in body


def test_a_missing_page_is_the_sites_404_page_with_working_links(served):
    status, _, body = fetch(served + "/eduplans/no-such-page/")
    assert status == 404 and "404" in body
    local = sorted(set(re.findall(r"""(?:href|src)=["']?(/eduplans/[^"'\s>#?]*)""", body)))
    assert any(link.endswith(".css") for link in local), "the 404 page links its stylesheet under /eduplans/"
    broken = [link for link in local if fetch(served + link)[0] != 200]
    assert not broken


@pytest.mark.parametrize("path", ["/eduplans/plans/", "/elsewhere/", "/eduplans/../plans/qingdao-2024.yml",
                                  "/eduplans/%2e%2e/mkdocs.yml"])
def test_no_folder_listing_and_nothing_outside_the_site(served, path):
    status, _, body = fetch(served + path)
    assert status in (200, 404) and "Directory listing for" not in body and "yaml-language-server" not in body
    assert "site_name:" not in body
