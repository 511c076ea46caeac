"""Import by address: an http(s) address enters; a :class:`Document` leaves — the bytes
of the plan's source (the web page, or the attachment a notice page links instead of
printing the plan), the address they came from, the day they were fetched, and what
was done, as report lines. :func:`keep` stores the bytes in raw/ under a name made of
their content; :func:`record` writes the address and the day into a plan's source.

httpx fetches within :class:`Limits`: a timeout to connect and between two pieces of
the body, a deadline for the whole body, and the size limit of the document's kind
(readers.LIMITS) checked against Content-Length and again while the body streams; at
most MAX_REDIRECTS redirects. Only http and https, at every hop. The bytes decide the kind, as for
a file; the announced content type only rules out what is no document. Each failure
is one FetchError line: what happened and what to do.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import yaml

from ..data import anchors
from . import readers

RULES_FILE = Path(__file__).parent / "rules" / "fetch.yml"
MAX_REDIRECTS = 5
USER_AGENT = "eduplans-importer/1 (+https://github.com/eduplans/eduplans)"
EXTENSIONS = {"html": ".html", "text": ".txt", "pdf": ".pdf", "docx": ".docx", "doc": ".doc"}
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class FetchError(ValueError):
    """A fetch that failed: one line with the cause and what to do."""


@dataclass(frozen=True)
class Limits:
    """How long and how much a fetch may take (a test passes smaller ones)."""

    timeout: float = 20.0  # seconds to connect, and to wait for each piece of the body
    deadline: float = 120.0  # seconds for the whole body: a server dripping bytes is given up on
    sizes: Mapping[str, int] = field(default_factory=lambda: readers.LIMITS)  # bytes, by kind of document


@dataclass(frozen=True)
class FetchRules:
    content_types: dict[str, str]
    generic_types: frozenset[str]
    attachment_suffixes: tuple[str, ...]
    attachment_words: tuple[str, ...]
    plan_words: tuple[str, ...]


@lru_cache(maxsize=1)
def load_rules() -> FetchRules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return FetchRules(dict(data["content_types"]), frozenset(data["generic_types"]),
                      tuple(data["attachment_suffixes"]), tuple(data["attachment_words"]), tuple(data["plan_words"]))


@dataclass(frozen=True)
class Response:
    url: str            # after redirects
    data: bytes
    kind: str           # as readers.kind_of reads the bytes
    content_type: str   # as the server announced it
    redirects: int

    def describe(self) -> str:
        moved = f", after {self.redirects} redirect(s)" if self.redirects else ""
        return f"{self.url} ({self.content_type or 'no content type'}, {len(self.data):,} bytes{moved})"


@dataclass
class Document:
    url: str                        # where the bytes came from (after redirects): source.url
    data: bytes
    kind: str
    fetched: str                    # YYYY-MM-DD: source.fetched
    linked_from: str | None = None  # the notice page whose attachment this is: source.linked_from
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file name in raw/: the first 16 hex digits of the bytes' SHA-256 and the
        kind's extension. Nothing of the address enters it, and the same bytes always
        get the same name."""
        return hashlib.sha256(self.data).hexdigest()[:16] + EXTENSIONS[self.kind]


def is_address(argument: str) -> bool:
    """An argument with a scheme (https://, file://, ftp:// …) is an address, never a path."""
    return bool(_ADDRESS.match(argument))


def check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError("only http:// and https:// addresses are fetched; for a file on this computer give its path")


def _client(limits: Limits) -> httpx.Client:
    return httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=httpx.Timeout(limits.timeout),
                        headers={"User-Agent": USER_AGENT})


def _status(response: httpx.Response) -> str:
    code = response.status_code
    said = f"HTTP {code} {response.reason_phrase}".rstrip()
    if code in (404, 410):
        return f"{said}: no document at this address (moved or removed); check it in a browser"
    if code in (401, 403, 451):
        return f"{said}: the server refuses to send it; if a browser shows it, save it there and import the file"
    if code >= 500:
        return f"{said}: the server failed; try again later"
    return f"{said}: the server refused the request; check the address in a browser"


def _announced(declared: str) -> str | None:
    """The kind the content type announces; None for a generic type (the bytes decide)."""
    rules = load_rules()
    if declared in rules.generic_types:
        return None
    if declared not in rules.content_types:
        raise FetchError(f"unsupported content type {declared}: the importer reads web pages, PDF and Word files")
    return rules.content_types[declared]


def _sniff(declared: str, announced: str | None, data: bytes) -> str:
    """The kind the bytes are, checked against what the server announced."""
    try:
        kind = readers.kind_of(Path("fetched"), data)
    except readers.ReadError as exc:
        raise FetchError(f"unsupported content: {exc}") from exc
    if kind == "text" and announced == "html":
        return "html"  # markup that does not begin with <html> (a comment, a bare <head>)
    binary = ("pdf", "docx", "doc")
    if announced in binary and kind not in binary:
        raise FetchError(f"the server calls it {declared} but sent {'a web page' if kind == 'html' else 'text'} "
                         "(perhaps a login or error page): open the address in a browser")
    if announced is None and kind == "text":
        raise FetchError(f"unsupported content: {declared or 'no content type'}, and the bytes are neither a PDF, "
                         "a Word file nor a web page")
    return kind


def _body(response: httpx.Response, limit: int, started: float, deadline: float) -> bytes:
    """The body, streamed: given up on past the size limit or the deadline."""
    too_large = (f"too large: more than {limit:,} bytes, the limit for a document of this kind; save it and "
                 "split it into one file per plan")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise FetchError(f"{too_large} (the server announces {int(length):,})")
    body = bytearray()
    for chunk in response.iter_bytes():  # decompressed: a small gzip of a huge body is caught too
        body += chunk
        if len(body) > limit:
            raise FetchError(too_large)
        if time.monotonic() - started > deadline:
            raise FetchError(f"timed out: the body took longer than {deadline:.0f} s; try again later")
    return bytes(body)


def _unconnected(url: str, reason: str) -> str:
    if any(sign in reason for sign in ("Name or service not known", "nodename nor servname", "getaddrinfo",
                                       "No address associated", "Temporary failure in name resolution")):
        return f"cannot find the host {urlsplit(url).hostname} (DNS: {reason}): check the address"
    if "CERTIFICATE_VERIFY_FAILED" in reason or "SSL" in reason:
        return (f"the site's certificate cannot be verified ({reason}): if a browser shows the document, save it "
                "there and import the file")
    return f"cannot connect ({reason}): check the address and your network"


def get(client: httpx.Client, url: str, limits: Limits) -> Response:
    """One document, redirects followed; FetchError for every way this can fail."""
    check_address(url)
    started = time.monotonic()
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(_status(response))
            declared = response.headers.get("content-type", "").split(";")[0].strip().lower()
            announced = _announced(declared)
            limit = limits.sizes[announced] if announced else max(limits.sizes.values())
            data = _body(response, limit, started, limits.deadline)
            final, redirects = str(response.url), len(response.history)
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"redirect loop: more than {MAX_REDIRECTS} redirects; open the address in a browser and "
                         "import the address it ends at") from exc
    except httpx.UnsupportedProtocol as exc:
        raise FetchError("redirected to an address that is not http:// or https://; refused") from exc
    except httpx.ConnectTimeout as exc:
        raise FetchError(f"timed out: no connection within {limits.timeout:.0f} s; check the address, or try later") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out: the server sent nothing for {limits.timeout:.0f} s; try again later") from exc
    except httpx.ConnectError as exc:
        raise FetchError(_unconnected(url, str(exc))) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"the transfer failed ({type(exc).__name__}: {exc}); try again later") from exc
    check_address(final)
    return Response(final, data, _sniff(declared, announced, data), declared, redirects)


def attachments(page: bytes, base: str) -> list[tuple[str, str]]:
    """The page's links to attachments (address, link text), made absolute against the
    page's address; only http and https, each once, in page order."""
    from .readers import html

    rules = load_rules()
    try:
        tree = html.parse(page)
    except readers.ReadError:
        return []
    found: dict[str, str] = {}
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        label = " ".join(link.text_content().split())
        try:
            url = urljoin(base, href).split("#")[0]
            parts = urlsplit(url)
        except ValueError:  # a malformed address (an unclosed [ of IPv6) is no attachment
            continue
        if not href or parts.scheme not in ("http", "https") or not parts.hostname or url == base.split("#")[0]:
            continue
        path, text = parts.path.lower(), label.lower()
        if (path.endswith(rules.attachment_suffixes) or text.endswith(rules.attachment_suffixes)
                or any(word in label or word in _lead_in(link) for word in rules.attachment_words)):
            found.setdefault(url, label)
    return list(found.items())


def _lead_in(link) -> str:
    """The few characters printed right before a link ('附件：' in 附件：<a>…</a>)."""
    before = link.getprevious()
    parent = link.getparent()
    text = before.tail if before is not None else parent.text if parent is not None else ""
    return (text or "").strip()[-8:]


def _holds_a_plan(page: Response) -> bool:
    """Whether the page's own text imports to a plan with items (else it is a notice)."""
    from . import importer, text

    try:
        report = importer.import_document(Path("page.html"), page.data, source_file="raw/page.html", url=page.url)
    except (readers.ReadError, text.DecodeError):
        return False
    return any(anchors.item_anchors(plan) for plan in report.plans)


def _the_plan(links: list[tuple[str, str]]) -> tuple[str, str]:
    words = load_rules().plan_words
    return next((link for link in links if any(w in link[1] or w in link[0] for w in words)), links[0])


def resolve(url: str, today: datetime.date | None = None, limits: Limits = Limits()) -> Document:
    """The document an address gives: the page, or the attachment of a notice page."""
    day = (today or datetime.date.today()).isoformat()
    with _client(limits) as client:
        page = get(client, url, limits)
        notes = [f"fetched {page.describe()} on {day}"]
        links = attachments(page.data, page.url) if page.kind == "html" else []
        if not links or _holds_a_plan(page):
            if links:
                notes.append(f"the page links {len(links)} attachment(s) but holds a plan itself: imported the page; "
                             f"import an attachment by its address if it is another plan ({links[0][0]})")
            return Document(page.url, page.data, page.kind, day, notes=notes)
        link, label = _the_plan(links)
        attachment = get(client, link, limits)
    if attachment.kind == "html":
        raise FetchError(f"the page is a notice, and its attachment '{label}' ({link}) is another web page, not a "
                         "document: open it in a browser and import the document it leads to")
    notes.append(f"the page is a notice without the plan's text: imported its attachment '{label}' instead, "
                 f"fetched {attachment.describe()}; the notice's address is recorded as source.linked_from")
    others = [u for u, _ in links if u != link]
    if others:
        notes.append(f"the notice links {len(others)} other attachment(s), not imported: {', '.join(others)}")
    return Document(attachment.url, attachment.data, attachment.kind, day, linked_from=page.url, notes=notes)


def raw_target(document: Document, raw_dir: Path) -> Path:
    """Where the bytes go in raw/; FetchError if a different file holds that name."""
    target = raw_dir / document.name
    if target.exists() and target.read_bytes() != document.data:
        raise FetchError(f"{target} exists and differs from the fetched bytes (was it edited after it was "
                         "fetched?); it is never overwritten: compare the two and move one away")
    return target


def keep(document: Document, raw_dir: Path) -> Path:
    """The bytes stored in raw/ (written whole, never over another file)."""
    target = raw_target(document, raw_dir)
    if not target.exists():
        raw_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(document.data)
        try:
            os.link(tmp, target)  # fails rather than replace a file made meanwhile
        finally:
            tmp.unlink()
    return target


def record(source: dict, document: Document) -> dict:
    """A plan's source with the address, the fetch day and the notice page, in reading order."""
    fetched = {"file": source["file"], "url": document.url, "fetched": document.fetched}
    if document.linked_from:
        fetched["linked_from"] = document.linked_from
    return fetched | {k: v for k, v in source.items() if k not in fetched}
