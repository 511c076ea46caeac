"""Import by address, against a local HTTP server on 127.0.0.1 serving the pages of
tests/fixtures/web/ and the document fixtures as attachments — never the outside
network. The expected plans were written by hand from reading the fixtures."""

from __future__ import annotations

import datetime
import hashlib
import http.server
import socket
import threading
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import cli
from generator.ingest import fetch, readers
from conftest import FIXTURES

WEB = FIXTURES / "web"
DOCUMENTS = FIXTURES / "documents"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html; charset=utf-8"

ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/plan.html": (200, {"Content-Type": HTML}, (WEB / "plan-page.html").read_bytes()),
    "/jyj/t20240205_7865432.html": (200, {"Content-Type": HTML}, (DOCUMENTS / "web-article.html").read_bytes()),
    "/notice/docx.html": (200, {"Content-Type": HTML}, (WEB / "notice-docx.html").read_bytes()),
    "/files/2024/P020240218.docx": (200, {"Content-Type": DOCX}, (DOCUMENTS / "word.docx").read_bytes()),
    "/notice/pdf.html": (200, {"Content-Type": HTML}, (WEB / "notice-pdf.html").read_bytes()),
    "/notice/download.jsp?fileid=7&type=att": (200, {"Content-Type": "application/octet-stream"},
                                               (DOCUMENTS / "printed.pdf").read_bytes()),
    "/notice/doc.html": (200, {"Content-Type": HTML}, (WEB / "notice-doc.html").read_bytes()),
    "/files/2024/legacy.doc": (200, {"Content-Type": "application/msword"}, (DOCUMENTS / "legacy.doc").read_bytes()),
    "/notice/page.html": (200, {"Content-Type": HTML},
                          b'<html><body><p>\xe9\x99\x84\xe4\xbb\xb6\xef\xbc\x9a<a href="/plan.html">plan</a></p></body></html>'),
    "/moved": (302, {"Location": "/plan.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/missing": (404, {"Content-Type": HTML}, b"<html><body>not found</body></html>"),
    "/broken": (500, {"Content-Type": HTML}, b"<html><body>error</body></html>"),
    "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    "/fake.pdf": (200, {"Content-Type": "application/pdf"}, b"<html><body>please log in</body></html>"),
    "/big.html": (200, {"Content-Type": HTML, "Content-Length": "99999999"}, b"<html></html>"),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def do_GET(self):
        if self.path == "/slow":  # answers after the client's timeout
            time.sleep(1.5)
        if self.path in ("/stream.html", "/drip.html"):  # no Content-Length: the body ends when the server closes
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>" + "教育".encode() * 100 + b"</p>\n")
                self.wfile.flush()
                if self.path == "/drip.html":
                    time.sleep(0.05)
            return
        status, headers, body = ROUTES.get(self.path, ROUTES["/missing"])
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run_import(capsys, out: Path, *args: str) -> tuple[int, str, str]:
    status = cli.main(["import", *args, "--out-dir", str(out)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def plan_file(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def items(plan: dict) -> list[tuple[str, str, list[str]]]:
    return [(i["number"], i["title"], i.get("owners", [])) for s in plan["sections"] for i in s["items"]]


def raw_name(data: bytes, ext: str) -> str:
    return hashlib.sha256(data).hexdigest()[:16] + ext


def test_a_plan_page_imports_by_address_and_keeps_its_bytes_url_and_day(server, registries, capsys):
    status, out, err = run_import(capsys, registries, f"{server}/plan.html", "--locality", "qingdao")
    assert status == 0, err
    plan = plan_file(registries / "qingdao-2025.yml")
    assert plan["title"] == "2025年全市教育工作要点" and plan["year"] == 2025
    assert [s["number"] for s in plan["sections"]] == ["一", "二"]
    assert items(plan) == [
        ("1", "深化理论武装", ["组织人事科"]),
        ("2", "压实管党治党责任", ["机关党委", "各学校"]),
        ("3", "扩大优质学位供给", ["规划建设科", "基础教育科"]),
        ("4", "提升乡村学校办学水平", ["教师工作科"]),
    ]
    page = (WEB / "plan-page.html").read_bytes()
    name = raw_name(page, ".html")
    assert plan["source"]["file"] == f"raw/{name}"
    assert plan["source"]["url"] == f"{server}/plan.html"
    assert plan["source"]["fetched"] == datetime.date.today().isoformat()
    assert "linked_from" not in plan["source"]
    assert [p.name for p in (registries.parent / "raw").iterdir()] == [name]
    assert (registries.parent / "raw" / name).read_bytes() == page
    assert f"fetched {server}/plan.html (text/html" in out and "kept the fetched bytes as " in out
    assert cli.main(["validate", str(registries)]) == 0, capsys.readouterr().err


def test_the_same_address_again_keeps_the_plan_unless_forced_and_the_raw_file_once(server, registries, capsys):
    args = (f"{server}/plan.html", "--locality", "qingdao")
    assert run_import(capsys, registries, *args)[0] == 0
    target = registries / "qingdao-2025.yml"
    target.write_text(target.read_text(encoding="utf-8") + "# edited by a person\n", encoding="utf-8")
    status, out, _ = run_import(capsys, registries, *args)
    assert status == 0 and "--force" in out
    assert target.read_text(encoding="utf-8").endswith("# edited by a person\n")
    assert run_import(capsys, registries, *args, "--force")[0] == 0
    assert not target.read_text(encoding="utf-8").endswith("# edited by a person\n")
    assert len(list((registries.parent / "raw").iterdir())) == 1


def test_a_redirect_is_followed_and_the_address_it_ends_at_recorded(server, registries, capsys):
    status, out, err = run_import(capsys, registries, f"{server}/moved", "--locality", "qingdao")
    assert status == 0, err
    assert plan_file(registries / "qingdao-2025.yml")["source"]["url"] == f"{server}/plan.html"
    assert "after 1 redirect(s)" in out


def test_a_notice_page_imports_its_word_attachment_instead(server, registries, capsys):
    notice = f"{server}/notice/docx.html"
    status, out, err = run_import(capsys, registries, notice, "--locality", "qingdao")
    assert status == 0, err
    plan = plan_file(registries / "qingdao-2024.yml")
    assert plan["title"] == "2024年全市教育和体育工作要点"
    assert [number for number, _, _ in items(plan)] == ["1", "2", "3", "4", "5"]
    word = (DOCUMENTS / "word.docx").read_bytes()
    assert plan["source"]["file"] == f"raw/{raw_name(word, '.docx')}"
    assert plan["source"]["url"] == f"{server}/files/2024/P020240218.docx"  # ../ resolved against the page
    assert plan["source"]["linked_from"] == notice
    # the notice page itself is not kept: raw/ holds plans' sources only
    assert [p.name for p in (registries.parent / "raw").iterdir()] == [raw_name(word, ".docx")]
    assert "the page is a notice without the plan's text: imported its attachment '附件1：2024年全市教育和体育工作要点.docx'" in out
    assert f"1 other attachment(s), not imported: {server}/files/2024/receipt.docx" in out
    assert "passwd" not in out  # a file:// link is never an attachment
    assert cli.main(["validate", str(registries)]) == 0, capsys.readouterr().err


def test_a_page_holding_the_plan_is_imported_itself_though_it_links_attachments(server, registries, capsys):
    page = f"{server}/jyj/t20240205_7865432.html"
    status, out, err = run_import(capsys, registries, page, "--locality", "qingdao")
    assert status == 0, err
    plan = plan_file(registries / "qingdao-2024.yml")
    assert plan["title"] == "2024年全市教育工作要点" and plan["source"]["url"] == page
    assert plan["source"]["file"].endswith(".html") and "linked_from" not in plan["source"]
    assert "the page links 1 attachment(s) but holds a plan itself: imported the page" in out
    assert f"{server}/jyj/zwgk/tzgg/202402/P020240205512345678901.docx" in out


def test_an_attachment_behind_a_download_script_is_read_for_what_its_bytes_are(server, registries, capsys):
    status, out, err = run_import(capsys, registries, f"{server}/notice/pdf.html", "--locality", "qingdao")
    assert status == 0, err
    plan = plan_file(registries / "qingdao-2024.yml")
    assert plan["title"] == "2024年全区教育工作要点"
    assert plan["source"]["file"].endswith(".pdf")
    assert plan["source"]["url"] == f"{server}/notice/download.jsp?fileid=7&type=att"
    assert "(application/octet-stream, " in out


def test_a_word_97_attachment_is_refused_with_how_to_convert_it(server, registries, capsys):
    status, out, err = run_import(capsys, registries, f"{server}/notice/doc.html", "--locality", "qingdao")
    assert status == 1
    assert f"the attachment {server}/files/2024/legacy.doc: a Word 97–2003 (.doc)" in err
    assert "save it as .docx" in err
    assert not (registries.parent / "raw").exists()
    assert sorted(p.name for p in registries.iterdir()) == ["localities.yml", "themes.yml"]


def test_an_attachment_that_is_another_web_page_is_refused(server, registries, capsys):
    status, _, err = run_import(capsys, registries, f"{server}/notice/page.html", "--locality", "qingdao")
    assert status == 1 and "is another web page, not a document" in err


def test_nothing_is_kept_when_no_plan_is_written(server, registries, capsys):
    status, out, _ = run_import(capsys, registries, f"{server}/plan.html")  # no --locality: undecided
    assert status == 1
    assert "the fetched bytes are not kept: no plan cites them" in out
    assert not (registries.parent / "raw").exists()


def test_a_different_file_under_the_raw_name_is_never_overwritten(server, registries, capsys):
    raw = registries.parent / "raw"
    raw.mkdir()
    taken = raw / raw_name((WEB / "plan-page.html").read_bytes(), ".html")
    taken.write_bytes(b"edited by hand")
    status, _, err = run_import(capsys, registries, f"{server}/plan.html", "--locality", "qingdao")
    assert status == 1 and "differs from the fetched bytes" in err and "never overwritten" in err
    assert taken.read_bytes() == b"edited by hand"
    assert not (registries / "qingdao-2025.yml").exists()


def refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FAILURES = [
    ("/missing", "HTTP 404 Not Found: no document at this address"),
    ("/broken", "HTTP 500 Internal Server Error: the server failed; try again later"),
    ("/loop", "redirect loop: more than 5 redirects"),
    ("/to-file", "redirected to an address that is not http:// or https://; refused"),
    ("/photo.png", "unsupported content type image/png"),
    ("/fake.pdf", "the server calls it application/pdf but sent a web page"),
    ("/big.html", "too large: more than 5,000,000 bytes"),
]


@pytest.mark.parametrize(("path", "message"), FAILURES, ids=[p for p, _ in FAILURES])
def test_each_failure_is_one_line_naming_the_address_and_what_to_do(server, registries, capsys, path, message):
    status, _, err = run_import(capsys, registries, f"{server}{path}", "--locality", "qingdao")
    assert status == 1
    lines = err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"{server}{path}: ") and message in lines[0]
    assert not (registries.parent / "raw").exists() and not (registries / "qingdao-2025.yml").exists()


def test_a_refused_connection_is_one_line(registries, capsys):
    address = f"http://127.0.0.1:{refused_port()}/plan.html"
    status, _, err = run_import(capsys, registries, address, "--locality", "qingdao")
    assert status == 1 and err.startswith(f"{address}: cannot connect (") and err.count("\n") == 1


def test_an_unknown_host_is_one_line(registries, capsys, monkeypatch):
    def no_such_host(*args, **kwargs):  # the resolver's answer, without asking one
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    address = "https://jyj.nowhere.example/plan.html"
    status, _, err = run_import(capsys, registries, address, "--locality", "qingdao")
    assert status == 1 and err.startswith(f"{address}: cannot find the host jyj.nowhere.example (DNS: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://127.0.0.1/plan.html", "gopher://x/1"])
def test_only_http_and_https_addresses_are_fetched(registries, capsys, address):
    status, _, err = run_import(capsys, registries, address, "--locality", "qingdao")
    assert status == 1 and f"{address}: only http:// and https:// addresses are fetched" in err


def test_a_server_that_does_not_answer_times_out(server):
    with pytest.raises(fetch.FetchError, match="timed out: the server sent nothing"):
        fetch.resolve(f"{server}/slow", limits=fetch.Limits(timeout=0.2))


def test_a_body_that_drips_past_the_deadline_is_given_up_on(server):
    with pytest.raises(fetch.FetchError, match="timed out: the body took longer"):
        fetch.resolve(f"{server}/drip.html", limits=fetch.Limits(deadline=0.2))


def test_the_size_limit_holds_while_streaming_a_body_of_unannounced_length(server):
    with pytest.raises(fetch.FetchError, match="too large: more than 10,000 bytes"):
        fetch.resolve(f"{server}/stream.html", limits=fetch.Limits(sizes={**readers.LIMITS, "html": 10_000}))


def test_url_and_source_name_are_for_files(server, registries, capsys):
    status, _, err = run_import(capsys, registries, f"{server}/plan.html", "--url", "https://example.gov.cn/a.html")
    assert status == 2 and "--source-name and --url are for files" in err


def test_a_new_locality_is_registered_from_the_fetched_document(server, registries, capsys):
    status, _, err = run_import(capsys, registries, f"{server}/plan.html", "--locality", "shifan",
                                "--new-locality", "示范市", "--level", "地级市")
    assert status == 0, err
    entry = next(e for e in plan_file(registries / "localities.yml")["localities"] if e["id"] == "shifan")
    assert "示范市" in str(entry)
    assert (registries / "shifan-2025.yml").exists()


# -- properties ---------------------------------------------------------------

HREFS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["javascript:alert(1)", "file:///etc/passwd", "//evil.example/x.pdf", "../../../etc/x.pdf",
                     "data:text/html,x.pdf", "mailto:a@b.c?x.docx", "ftp://h/x.doc", "http://[::1/x.pdf", " x.pdf "]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(HREFS, st.sampled_from(["附件：要点.pdf", "附件", "x.docx", "下载"])), max_size=6))
def test_attachment_links_are_only_absolute_http_addresses(links):
    import html

    page = "<html><body>" + "".join(f'<p><a href="{html.escape(h, quote=True)}">{html.escape(t)}</a></p>'
                                     for h, t in links) + "</body></html>"
    for url, _ in fetch.attachments(page.encode(), "https://www.example.gov.cn/tzgg/notice.html"):
        assert url.startswith(("http://", "https://")) and fetch.urlsplit(url).hostname


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(sorted(fetch.EXTENSIONS)))
def test_raw_names_are_content_hashes_that_cannot_leave_raw(data, kind):
    document = fetch.Document("https://x.example/../../etc/passwd", data, kind, "2026-01-01")
    assert Path(document.name).name == document.name
    assert document.name == raw_name(data, fetch.EXTENSIONS[kind])
