"""The site's wording that is not plan text: labels, explanations, fixed phrases.

Views fill pages from here, so templates hold no wording that depends on the data or
on a rule (a threshold, a count, a scoring weight); a rule changed in its own module
changes the sentence that explains it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..analysis import alignment, related, themes
from ..data.numerals import cn_numeral

SITE_NAME = "地方教育工作要点全文库"  # as mkdocs.yml site_name (a test keeps them equal)
SITE_CREDIT = f"{SITE_NAME}（eduplans）"  # how reusers name the source
NOT_STATED = "原文未写"  # the source does not say (issuer, date)
ISSUER_NOT_STATED = f"发布单位{NOT_STATED}"
DATE_NOT_STATED = f"日期{NOT_STATED}"
DATA_PAGE = "数据下载"
PLAN_DATA_ON_PAGES = "（本计划的条目与指标，格式同数据下载）"
PLAN_DATA_RELEASED = "：本计划的条目与指标在全库数据文件中（JSON、SQLite、CSV，附在每次发布上）"
# A plan's fields as readers name them (an inferred fact's field on the plan page)
FIELDS = {"year": "年份", "locality": "地区", "issuer": "发布单位", "issued": "日期", "title": "标题",
          "province": "省份", "level": "层级"}
NOT_PROVEN = "原文不能证明"  # the sources do not prove it (a locality's province)
UNKNOWN_PROVINCE = "省份不详"  # where listings group localities by province

TARGET_KINDS = {"level": "达到水平", "amount": "建设数量", "events": "活动场次"}

THEME_RULE = (f"标题中每出现一个关键词记 {themes.TITLE_WEIGHT} 分，正文中每出现一个记 {themes.TEXT_WEIGHT} 分；"
              f"得分不低于 {themes.THRESHOLD} 分的主题最多取{cn_numeral(themes.MAX_THEMES)}个。计划文件中的人工标注优先。")

THEME_CHIPS = "条目下的主题标签依关键词自动判断，鼠标悬停可见所依据的关键词；人工标注的另行注明。"

CARRIED_RULE = ("新计划中的每条任务都与上一份计划中文字最相近的任务配对（相似度为汉字二元组 TF-IDF 余弦，0–1），"
                f"相似度不低于 {related.CARRIED_MIN:.2f} 的算作延续。")

# 对标 (analysis/alignment.py): every sentence that states a threshold takes it from the rules.
PAIR_SCORE = "相似度为两份计划各条任务的汉字二元组 TF-IDF 余弦（0–1，只用这两份计划计算）"
OWN_TASK = "本地自有任务"
COMPARE_OTHERS = "与其他计划对比"
ABOUT_DUIBIAO = "关于本站"
SIDE_BY_SIDE = "并排对比"
COMPARE_PLANS_TITLE = "两份计划对比（对标）"
COMPARE_PLANS_DESCRIPTION = "任选两个地区、两个年份的教育工作要点，逐主题并排查看对应任务、各自独有的任务和同一指标的目标。"
TARGETS_RULE = (f"两份计划的指标名称相同或相近（一方包含另一方且不少于三个字、不只是“…率”，或两者相似度不低于 "
                f"{related.INDICATOR_MIN:.2f}）且单位相同的，算作同一指标，目标值并排列出。")


def takeup_rule() -> str:
    return (f"每条任务都与另一份计划中文字最相近的任务配对，{PAIR_SCORE}，"
            f"不低于 {alignment.rules().takeup_min:.2f} 的算作对应任务，低于的算作一方独有。")


def takeup_note() -> str:
    """Under a plan page's 对标: the threshold, and where the rule is explained."""
    return f"相似度不低于 {alignment.rules().takeup_min:.2f} 的任务算作对应任务；怎样计算见"


def superior_summary(items: int, taking: int) -> str:
    return f"本计划 {items} 条任务中，{taking} 条承接上级计划的任务，{items - taking} 条为{OWN_TASK}。"


def children_summary(children: int, year: int) -> str:
    return f"下辖 {children} 个地区有 {year} 年的计划，每条任务下注明其中几个有对应任务："


SEARCH_RULES = (
    "只显示原文中连续出现所查词语的任务：查“上合”不会得到“上……合”。",
    "繁体字自动转为简体；全角字母数字按半角、英文不分大小写，引号、括号与空格不影响匹配。",
    "数字与单位一起匹配：查“30所”不会得到“130所”。",
    "用空格分开几个词，任务须含有每一个词；地名与其他词并列时（如“青岛 双减”），只查该地区及其下辖地区的计划。",
    "没有任务含有完整的词语时，列出含有其中多数字词的任务，并注明是最接近的结果。",
    "标题含有所查词语的任务排在最前，其次是正文中出现次数多的、在开头一句出现的，再按年份从新到旧；也可以选“最新优先”。可按年份、省份、层级、地区、主题筛选，筛选条件和排序写在网址里，可以直接分享。",
)
SEARCH_EXAMPLES = ("双减", "公办园", "人工智能", "心理健康", "30所", "雙減")


def correction(original: str, corrected: str, why: str) -> str:
    """A corrected typo of the source, as readers see it under the item (勘误)."""
    return f"勘误：原文作“{original}”，本站改为“{corrected}”。{why}"


def print_footer(url: str, raw_file: str, source_url: str | None) -> str:
    """The line printed at the foot of every page of a printed plan."""
    source = f"原文网址：{source_url}" if source_url else f"原始文本：{raw_file}"
    return f"{SITE_NAME} · {url} · {source}"


def more_themes(count: int) -> str:
    """After a plan's main themes in its header: the others are under the items."""
    return f"另有 {count} 个主题，见各条任务" if count else ""


def target_year(plan_year: int, aims_for: int | None) -> str:
    """A target's row in a comparison: the plan's year, and the year it aims for when another."""
    return f"{plan_year}（到{aims_for}年）" if aims_for and aims_for != plan_year else str(plan_year)


def set_in(plan_year: int) -> str:
    """Under a target's year on a chart, when the plan that set it is of another year."""
    return f"{plan_year}年计划"


def part_of(provinces: tuple[str, ...], places: tuple[str, ...], years: tuple[int, ...]) -> str:
    """What a part of the atlas holds (an offline bundle's): 山东省；青岛市及其下辖地区；2022–2024年."""
    parts = []
    if provinces:
        parts.append("、".join(provinces))
    if places:
        parts.append(f"{'、'.join(places)}及其下辖地区")
    if years:
        run = len(years) > 2 and list(years) == list(range(years[0], years[-1] + 1))
        parts.append(f"{years[0]}–{years[-1]}年" if run else "、".join(map(str, years)) + "年")
    return "；".join(parts)


def part_note(what: str, plans: int, site_url: str) -> str:
    """On the home page of an offline bundle of a part of the atlas."""
    return f"这是全文库的离线部分版，只收录{what}的 {plans} 份计划；其他地区和年份请看完整的全文库：{site_url}"


def date(iso: str) -> str:
    """A date as Chinese readers write it (2024-02-02 → 2024年2月2日): it does not break at a hyphen."""
    year, month, day = iso.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


def plan_label(locality: str, year: int | str) -> str:
    """What names a plan everywhere a reader meets it (heading, tab, feed, search hit)."""
    return f"{locality} {year}"


def plan_title(locality: str, year: int, title: str) -> str:
    """The plan's heading and tab: the place and the year once each (a title that names
    its year is not prefixed with it again; one that opens with the place's name stands alone)."""
    if str(year) not in title:
        return f"{plan_label(locality, year)}：{title}"
    return title if title.startswith(locality) else f"{locality}：{title}"


def score(value: float) -> str:
    """A similarity score as pages print it."""
    return f"{value:.2f}"


PROVENANCE_RULES = Path(__file__).parent / "rules" / "provenance.yml"


@lru_cache(maxsize=1)
def _provenance_rules() -> tuple[tuple[tuple[re.Pattern[str], str], ...], dict[str, str]]:
    data = yaml.safe_load(PROVENANCE_RULES.read_text(encoding="utf-8"))
    return tuple((re.compile(pattern), chinese) for pattern, chinese in data["patterns"]), dict(data["words"])


def provenance(record: str) -> str:
    """An importer's record (how it read the source, why it inferred a fact) in Chinese,
    by the first pattern of rules/provenance.yml that matches it whole, its parts by the
    words there or as records themselves; as written when no pattern matches."""
    patterns, words = _provenance_rules()
    for pattern, chinese in patterns:
        found = pattern.fullmatch(record)
        if found:
            parts = ["" if g is None else words[g] if g in words else provenance(g) for g in found.groups()]
            return chinese.format(None, *parts)
    return record
