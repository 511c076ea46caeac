"""View objects: frozen, keyword-only, complete when built; the only thing templates see.

One module per page family: ``plan`` (the plan page), ``listings`` (locality, year,
theme, theme-year), ``overview`` (home and the index pages, data), ``comparison``
(a locality across its plans, and two plans side by side); ``common`` holds links,
labels of items, count tables and plan rows. Every path comes from ``site.urls``.
"""
