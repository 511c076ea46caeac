"""Data: plan and registry YAML files enter; located problems and a frozen typed model
(:mod:`model`) leave. Imports nothing else of eduplans; every other part may import it.

``yamlio`` (YAML with line/column marks) → ``validate`` (JSON Schema + cross checks,
each problem at path:line:col) → ``loader`` (builds ``model``). ``anchors`` is the one
rule for item and section anchors.
"""
