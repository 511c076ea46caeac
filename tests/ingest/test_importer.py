"""The importer on small real excerpts, on a text of our own, and on arbitrary text."""

from __future__ import annotations


from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import cli
from generator.data import yamlio
from generator.ingest import importer
from support import blob, plan_items, sentences
from generator.ingest import text as textmod


def run(raw: str, **kwargs) -> importer.ImportReport:
    return importer.import_text(raw.encode("utf-8"), source_file="raw/sample.txt", **kwargs)


# A plan written for this test, mixing the seed styles differently: a notice with a
# signature, （一） sub-sections under 一、, items as "1、" and "2．", a glued number,
# an "01" item with its title on its own line, labelled and bare owner tails, deadline
# marks, an unnumbered headline paragraph, a heading that lost its number, and a
# print line after a rule.
OWN_TEXT = """\
关于印发《2025年全县教育工作要点》的通知
各乡镇中心学校，县直各学校：
现将《2025年全县教育工作要点》印发给你们，请认真贯彻落实。
示范县教育和体育局
2025年3月1日
2025年全县教育工作要点
2025年全县教育工作的总体要求是：坚持立德树人，办好人民满意的教育。
一、加强党的建设
（一）筑牢思想根基
1、深化理论学习。组织全县教师开展专题学习（责任单位：组宣股、各学校）。
2．压实从严治党责任。开展廉政教育（6月底前完成）。
（二）抓好基层组织
3构建党建品牌矩阵。推进一校一品创建。（组宣股、基教股）
提升党务干部能力。开展党务干部轮训，全年培训200人次。
推进学校高质量发展
04
推进学前教育普惠发展
新建公办幼儿园3所，公办园在园幼儿占比达到60%（贯穿全年）。
5.办好特殊教育。适龄残疾儿童入学率达到97%。
──────────
示范县教育和体育局办公室  2025年3月1日印发
"""


def test_a_text_in_a_new_mix_of_styles_imports_unchanged():
    report = run(OWN_TEXT, locality="qingdao")
    assert len(report.plans) == 1
    plan = report.plans[0]
    assert plan["title"] == "2025年全县教育工作要点"
    assert plan["year"] == 2025 and plan["issued"] == "2025-03-01"
    assert plan["issuer"] == "示范县教育和体育局"
    assert plan["notice"].startswith("关于印发《2025年全县教育工作要点》的通知")
    assert plan["closing"] == "示范县教育和体育局办公室  2025年3月1日印发"
    assert [s["number"] for s in plan["sections"]] == ["一", None]
    assert [s["number"] for s in plan["sections"][0]["sections"]] == ["（一）", "（二）"]
    items = plan_items(plan)
    assert [(i["number"], i.get("id"), i["title"]) for i in items] == [
        ("1", None, "深化理论学习"),
        ("2", None, "压实从严治党责任"),
        ("3", None, "构建党建品牌矩阵"),
        (None, "3a", "提升党务干部能力"),
        ("04", None, "推进学前教育普惠发展"),
        ("5", None, "办好特殊教育"),
    ]
    assert items[0]["owners"] == ["组宣股", "各学校"]
    assert items[2]["owners"] == ["组宣股", "基教股"]
    assert items[1]["deadlines"] == ["6月底前完成"]
    assert items[4]["deadlines"] == ["贯穿全年"]
    warnings = "\n".join(report.warnings[plan["id"]])
    assert "glued" in warnings and "no section number" in warnings and "unnumbered headline" in warnings
    everything = blob(plan)
    lines, _ = textmod.normalize(OWN_TEXT.encode())
    assert [s for s in sentences(lines) if s not in everything] == []


def test_owner_tails_labelled_and_bare():
    report = run("一、总体\n1.抓好落实。推进工作（责任处室：基教处、法规处）\n2.加强指导。开展调研。（思政处、基教处、教科院）\n",
                 year=2024, locality="qingdao")
    items = plan_items(report.plans[0])
    assert items[0]["owners"] == ["基教处", "法规处"]
    assert items[1]["owners"] == ["思政处", "基教处", "教科院"]


def test_a_bare_parenthesis_that_is_not_a_list_of_units_is_not_owners():
    report = run("一、总体\n1.抓好落实。推进义务教育（含民办学校）\n", year=2024, locality="qingdao")
    assert "owners" not in plan_items(report.plans[0])[0]


def test_restarting_numbers_are_reported_and_anchored_by_section(tmp_path):
    raw = "一、甲\n1.第一项。内容。\n2.第二项。内容。\n二、乙\n1.第三项。内容。\n"
    report = run(raw, year=2021, locality="qingdao")
    assert any("restarts" in w for w in report.warnings[report.plans[0]["id"]])


def test_missing_year_and_locality_are_reported_as_undecided():
    report = run("一、总体\n1.抓好落实。推进工作。\n")
    undecided = "\n".join(report.undecided[report.plans[0]["id"]])
    assert "year" in undecided and "locality" in undecided and "title" in undecided


def test_truncated_text_is_marked():
    report = run("2024年工作要点\n一、总体\n1.抓好落实。推进工作。\n2.加强指导。开展调研，校园无线网络覆\n",
                 locality="qingdao")
    items = plan_items(report.plans[0])
    assert items[-1].get("truncated") is True and "truncated" not in items[0]


def test_import_never_overwrites_an_edited_plan_without_force(tmp_path, capsys):
    raw = tmp_path / "plan.txt"
    raw.write_text("2024年全市教育工作要点\n一、总体\n1.抓好落实。推进工作。\n", encoding="utf-8")
    args = ["import", str(raw), "--out-dir", str(tmp_path / "out"), "--locality", "qingdao"]
    assert cli.main(args) == 0
    target = tmp_path / "out" / "qingdao-2024.yml"
    target.write_text(target.read_text(encoding="utf-8") + "# edited by a person\n", encoding="utf-8")
    assert cli.main(args) == 0
    assert "--force" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8").endswith("# edited by a person\n")
    assert cli.main([*args, "--force"]) == 0
    assert not target.read_text(encoding="utf-8").endswith("# edited by a person\n")


def test_imported_files_are_valid_plan_files(tmp_path, registries, capsys):
    raw = tmp_path / "plan.txt"
    raw.write_text(OWN_TEXT, encoding="utf-8")
    assert cli.main(["import", str(raw), "--out-dir", str(registries), "--locality", "qingdao",
                     "--source-name", "raw/plan.txt"]) == 0
    assert cli.main(["validate", str(registries)]) == 0, capsys.readouterr().err


def test_undecodable_input_is_an_error_and_writes_nothing(tmp_path, capsys):
    raw = tmp_path / "bad.txt"
    raw.write_bytes(b"\x81\x30\x81")  # neither UTF-8 nor GB18030
    out = tmp_path / "out"
    assert cli.main(["import", str(raw), "--out-dir", str(out)]) == 1
    assert f"{raw}:1:1:" in capsys.readouterr().err
    assert not out.exists()


# -- properties ---------------------------------------------------------------

CHINESE = st.text(alphabet=st.sampled_from("教育学校发展推进建设加强完善质量工作计划体系一二三四（）()、，。：；"
                                           "0123456789.\t \n“”《》?@"), max_size=400)


@settings(max_examples=150, deadline=None)
@given(CHINESE)
def test_arbitrary_text_never_crashes_the_importer(raw):
    report = run(raw, year=2024, locality="qingdao")
    for plan in report.plans:
        yamlio.dump(plan)


LINE = st.one_of(
    st.builds(lambda n, t: f"{n}.{t}。", st.integers(1, 40), st.text(alphabet="教育学校发展推进建设", min_size=1, max_size=12)),
    st.builds(lambda n, t: f"{n}、{t}", st.sampled_from("一二三四五六"), st.text(alphabet="党建质量体系", min_size=1, max_size=10)),
    st.builds(lambda t, u: f"{t}。{u}。", st.text(alphabet="教育学校", min_size=1, max_size=30),
              st.text(alphabet="发展推进建设加强，", min_size=1, max_size=60)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=25))
@example(lines=["1.发。", "一、体", "学。加。", "一、体", "1.发。", "二、体", "二、体体体", "二、体体"])  # a number thrice
def test_importing_then_writing_never_loses_a_sentence(lines):
    raw = "2024年全市教育工作要点\n" + "\n".join(lines) + "\n"
    report = run(raw, locality="qingdao")
    documents = [yamlio.parse(yamlio.dump(p), "x.yml").data for p in report.plans]
    everything = blob(*documents)
    normalized, _ = textmod.normalize(raw.encode())
    assert [s for s in sentences(normalized) if s not in everything] == []


# A second text of our own, in the shapes that trip naive importers: item titles that
# name 行动计划 and 实施方案, half-width punctuation at line ends, lines wrapped before
# a number (2.0, 3所), an enumeration inside an item, a paragraph that continues an
# item, a closing paragraph and signature with no rule line before them.
OWN_TEXT_2 = """\
青岛市教育局2025年工作要点
2025年，全市教育系统坚持立德树人。
一、深化教育改革:
01
落实学前教育三年行动计划
新增学位3000个,
公办园占比达到70%。
02
推进课后服务实施方案
实施教育信息化
2.0行动计划，到年底
3所学校完成改造。
一是加强普惠园建设。二是提升保教质量。
同时，严格规范办园行为。对违规收费一律通报。
二、加强队伍建设
03
提升教师素养
开展全员培训。
以上工作，各单位要高度重视，抓好落实。
青岛市教育局
2025年1月10日
"""


def test_a_text_that_trips_naive_importers():
    report = run(OWN_TEXT_2, locality="qingdao")
    assert len(report.plans) == 1, [p["title"] for p in report.plans]
    plan = report.plans[0]
    assert plan["sections"][0]["title"] == "深化教育改革："
    items = plan_items(plan)
    assert [(i["number"], i["title"]) for i in items] == [
        ("01", "落实学前教育三年行动计划"), ("02", "推进课后服务实施方案"), ("03", "提升教师素养")]
    assert items[0]["text"] == "新增学位3000个，\n公办园占比达到70%。"
    assert items[1]["text"] == ("实施教育信息化\n2.0行动计划，到年底\n3所学校完成改造。\n"
                                "一是加强普惠园建设。二是提升保教质量。\n同时，严格规范办园行为。对违规收费一律通报。")
    assert plan["closing"] == "以上工作，各单位要高度重视，抓好落实。\n青岛市教育局\n2025年1月10日"
    assert plan["issued"] == "2025-01-10"
    assert not any(i.get("truncated") for i in items)


def test_outline_titles_filling_a_gap_in_the_text_are_reported():
    raw = ("目录\n1.甲县2025年教育工作要点 3\n2.乙县2025年教育工作要点 9\n"
           "一、党建引领\n1.强化政治建设\n2.落实从严治党\n一、加强党建\n1.深化理论武装\n"
           "甲县2025年教育工作要点\n一、党建引领\n1.强化政治建设。深入学习。\n")
    report = run(raw, locality="qingdao")
    first = report.plans[0]
    assert [i.get("outline_only", False) for i in plan_items(first)] == [False, True]
    assert any("lacks item(s) 2" in w for w in report.warnings[first["id"]])
    assert all(i["outline_only"] for i in plan_items(report.plans[1]))
