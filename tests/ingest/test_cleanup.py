"""Pasted-text cleanup and readers on the awkward inputs a reviewer found."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data import anchors
from generator.ingest import cleanup, importer, readers
from generator.ingest.rules import load_rules


def test_a_repeated_tail_line_is_text_not_a_running_header():
    lines = ["2024年全市教育工作要点"]
    for n in (1, 2, 3):  # the same tail on three pages
        lines += [f"{n}.加强党建。推进工作。", "责任单位：基础教育科", f"— {n} —", "2024年全市教育工作要点"]
    cleaned = cleanup.clean(lines, load_rules())
    assert cleaned.lines.count("责任单位：基础教育科") == 3
    assert cleaned.lines.count("2024年全市教育工作要点") == 1  # the running header after a page number goes


def test_a_short_last_line_ends_its_paragraph_even_in_wrapped_text():
    wrapped = ["推进学前教育普惠发展，扩大公办幼儿园学位供给，提升保教质量", "，健全学前教育经费保障机制，落实生均公用经费制度"] * 3
    lines = ["2024年全市教育工作要点", "1.学前教育。", *wrapped, "完成普惠园认定", "2.义务教育。", "推进集团化办学。"]
    cleaned = cleanup.clean(lines, load_rules())
    assert "完成普惠园认定" in cleaned.lines or any(line.endswith("完成普惠园认定") for line in cleaned.lines)
    assert "2.义务教育。" in cleaned.lines and "推进集团化办学。" in cleaned.lines


def test_a_web_page_without_a_charset_is_decoded_like_text():
    page = "<html><head><title>2024年全市教育工作要点</title></head><body><div><p>2024年全市教育工作要点</p>" \
           "<p>一、加强党的建设</p><p>1.加强教育系统党的建设。推进中小学党组织标准化、规范化建设。</p></div></body></html>"
    for encoding in ("utf-8", "gb18030"):
        reading = readers.read(Path("x.html"), page.encode(encoding))
        assert "推进中小学党组织标准化" in reading.text


@pytest.mark.parametrize("name, data", [("broken.docx", b"PK\x03\x04" + b"\x00" * 200),
                                        ("broken.pdf", b"%PDF-1.7\n" + b"\x00" * 300)])
def test_a_damaged_document_is_a_read_error_with_what_to_do(name, data):
    with pytest.raises(readers.ReadError, match="save it again|Save it again"):
        importer.import_document(Path(name), data, source_file=f"raw/{name}")


def test_nothing_after_a_spaced_table_is_glued_into_it():
    text = ("2024年全市教育工作要点\n一、总体\n1.加强党建。推进工作。\n2.提升质量。推进工作。\n\n附件\n\n"
            "序号    工作任务            责任单位        完成时限\n1       加强党建            办公室          全年\n"
            "2       提升质量            教研室          年底前\n\n青岛市教育局\n2024年3月1日\n")
    report = importer.import_text(text.encode("utf-8"), source_file="raw/x.txt", locality="qingdao")
    plan = report.plans[0]
    assert [r["row"] for r in plan["task_table"]["rows"]] == ["1", "2"]
    assert plan["task_table"]["rows"][1]["due"] == "年底前"
    assert plan["issued"] == "2024-03-01" and "青岛市教育局" in plan["closing"]
    assert len(anchors.item_anchors(plan)) == 2


def test_text_inside_word_content_controls_is_read():
    import io

    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("2024年全市教育工作要点")
    document.add_paragraph("一、加强党的建设")
    inside = document.add_paragraph("1.加强教育系统党的建设。推进中小学党组织标准化建设。")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    inside._p.addprevious(sdt)
    sdt.append(content)
    content.append(inside._p)  # the item now sits inside a content control
    buffer = io.BytesIO()
    document.save(buffer)
    reading = readers.read(Path("x.docx"), buffer.getvalue())
    assert "1.加强教育系统党的建设。推进中小学党组织标准化建设。" in reading.text.split("\n")


def test_a_task_table_on_a_web_page_becomes_the_plans_task_table():
    page = ("<html><head><meta charset='utf-8'></head><body><div class='content'>"
            "<p>2024年全市教育工作要点</p><p>一、总体</p><p>1.加强党建。推进中小学党组织标准化建设，全面提升组织力。</p>"
            "<p>2.提升质量。深化课堂教学改革，提升育人质量。</p><p>附件</p><p>重点任务分工表</p>"
            "<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>"
            "<tr><td>1</td><td>加强党建</td><td>办公室</td><td>全年</td></tr>"
            "<tr><td>2</td><td>提升质量</td><td>教研室</td><td>年底前</td></tr></table></div></body></html>")
    report = importer.import_document(Path("x.html"), page.encode("utf-8"), source_file="raw/x.html",
                                      locality="qingdao")
    table = report.plans[0]["task_table"]
    assert [(r["row"], r["task"], r["divisions"], r["due"]) for r in table["rows"]] == [
        ("1", "加强党建", "办公室", "全年"), ("2", "提升质量", "教研室", "年底前")]
    assert table["title"] == "重点任务分工表"
    assert len(anchors.item_anchors(report.plans[0])) == 2
