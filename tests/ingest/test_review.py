"""The review page (`import … --review FILE.html`): every source line with the role the
importer gave it and the warnings beside the lines they concern; plain HTML, no script,
the document's text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from generator import cli
from conftest import FIXTURES

COPY = FIXTURES / "documents" / "web-copies" / "wenku-copy.txt"


class Rows(HTMLParser):
    """The review table's rows: line number → (roles, text, warnings)."""

    def __init__(self):
        super().__init__()
        self.rows: dict[int, dict[str, list[str]]] = {}
        self.tags: set[str] = set()
        self._row: int | None = None
        self._cell = ""

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if tag == "tr" and (attrs.get("id") or "").startswith("l"):
            self._row = int(attrs["id"][1:])
            self.rows[self._row] = {"roles": [], "text": [], "warnings": []}
        elif tag == "td" and self._row:
            self._cell = {"role": "roles", "t": "text"}.get(attrs.get("class") or "", "warnings")
            self._cell = "" if attrs.get("class") == "n" else self._cell

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._row and self._cell and data.strip():
            self.rows[self._row][self._cell].append(data.strip())


def review_of(tmp_path, source) -> Rows:
    page = tmp_path / "review" / "page.html"
    cli.main(["import", str(source), "--out-dir", str(tmp_path / "plans"), "--locality", "qingdao",
              "--review", str(page)])
    rows = Rows()
    rows.feed(page.read_text(encoding="utf-8"))
    return rows


def test_every_line_of_a_messy_copy_shows_its_role_and_its_warning(tmp_path):
    rows = review_of(tmp_path, COPY).rows
    assert rows[3]["roles"][:2] == ["chrome", "document-sharing"]  # 4.6分 · 1,208人已读 · 9页
    assert rows[2]["roles"] == ["title", "the title repeated by the site: set aside"]
    assert rows[8]["roles"] == ["title"]
    assert any("marked truncated" in w for w in rows[16]["warnings"])
    assert rows[12]["roles"] == ["section"]
    assert rows[13]["roles"][:2] == ["item", "tail"]
    assert rows[14]["roles"][0] == "tail" and "continues line 13" in rows[14]["roles"]
    assert rows[17]["roles"][:2] == ["chrome", "document-sharing paywall"]
    assert any("items 4–6 are missing" in w for w in rows[18]["warnings"])
    assert all(rows[n]["roles"][0] == "chrome" for n in range(22, 30))


def test_the_page_needs_no_script_and_escapes_the_document(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("2025年全县教育工作要点\n一、总体\n1.加强党建。<script>alert(1)</script>推进。\n", encoding="utf-8")
    found = review_of(tmp_path, hostile)
    assert "script" not in found.tags and "link" not in found.tags
    assert found.rows[3]["text"] == ["1.加强党建。<script>alert(1)</script>推进。"]  # shown as text
