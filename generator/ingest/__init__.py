"""Ingest: a raw document (bytes) enters; plan data (plain dicts for plan YAML) and an
import report leave. Imports only ``generator.data``; only ``cli`` imports it.

Stages: ``text`` (bytes → clean simplified lines) → ``segments`` (lines → one segment
per plan) → ``outline`` (segment → tree of sections and items) → ``pairing``
(outlines + full texts → one tree) → ``importer`` (tree → plan data, written as YAML).
``tails`` finds owners and deadlines, ``tables`` flattened task tables, ``targets``
quantitative targets. Every phrase list and pattern the stages match text against is data
in ``rules/*.yml``, each with a comment on what it catches; what ends a sentence is said
once, in ``rules/outline.yml``.
"""
