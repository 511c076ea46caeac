"""Analysis: the loaded model (``data.model.Catalog``) enters; indexes and comparisons
leave (``index.Index``, ``related.Insight``). Imports only ``generator.data``; ``site``
and ``cli`` import it.

``themes`` assigns themes by keyword rules, ``index`` groups plans and items by
locality, year and theme, ``similarity`` scores texts, ``related`` finds related
items, what a locality carried over or added, and recurring targets; ``changeset``
summarizes what a pull request does to the plans (from two snapshots of plans/);
``alignment`` sets plans of different places side by side (对标); ``parallel`` runs
theme coding and related items on every core.
"""
