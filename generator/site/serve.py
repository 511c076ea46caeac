"""The built site served on this machine as GitHub Pages serves it: under the path of
``site_url`` (``/eduplans/``), a folder's ``index.html`` for its address, and the
site's own ``404.html`` (whose links are absolute, so it is styled only there) for
any address the site lacks. Opening ``site/index.html`` from disk shows folder
listings instead of pages: the site is built for directory URLs (the offline bundle
is the one built for ``file://``)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files of the site folder under the base path; everything else is the 404 page."""

    base = "/"

    def send_head(self) -> Any:
        path = urlsplit(self.path).path
        if path in ("", "/") and self.base != "/":
            self.send_response(302)
            self.send_header("Location", self.base)
            self.end_headers()
            return None
        if not path.startswith(self.base):
            return self._not_found()
        self.path = "/" + self.path[len(self.base):]
        return super().send_head()

    def list_directory(self, path: Any) -> Any:  # a folder without index.html: GitHub Pages answers 404
        return self._not_found()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404:
            self._not_found()
            return
        super().send_error(code, message, explain)

    def _not_found(self) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"404 Not Found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


def base_path(site_url: str | None) -> str:
    """The path the site lives under: /eduplans/ for https://eduplans.github.io/eduplans/."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def server(site: Path, site_url: str | None, port: int, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A server of the built site (not yet serving: call serve_forever)."""
    handler = functools.partial(type("Handler", (SiteHandler,), {"base": base_path(site_url)}),
                                directory=str(site))
    return http.server.ThreadingHTTPServer((host, port), handler)
