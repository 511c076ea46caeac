"""Pages as generators: each view module yields its pages' views, each view names its
template and is given to it as ``page``; one view a page."""

from __future__ import annotations

import re

from generator.data.checkout import TEMPLATES
from generator.site import build as site
from generator.site import pages, urls
from conftest import PLANS, site_settings


def test_every_view_is_a_page_of_its_own_with_its_template():
    index, settings = site.load(PLANS), site_settings()
    views = list(pages.views(index, settings))
    assert len({v.path for v in views}) == len(views)
    assert all((TEMPLATES / v.template).is_file() for v in views)
    indexes = {v.path: type(v) for v in views
               if v.path in (urls.HOME, urls.PLANS, urls.LOCALITIES, urls.YEARS, urls.THEMES, urls.DATA, urls.SEARCH)}
    assert len(indexes) == len(set(indexes.values())) == 7  # overview() once built one view for six pages
    rendered = pages.render_all(index, settings).pages
    assert {v.path for v in views} <= set(rendered)


def test_templates_are_given_their_view_as_page():
    named = {p.name: re.findall(r"\bview\.", p.read_text(encoding="utf-8")) for p in TEMPLATES.rglob("*.j2")}
    assert not {name: found for name, found in named.items() if found}
