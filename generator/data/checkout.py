"""Where the checkout keeps the files the package reads. eduplans runs from a clone of
its repository and is not an installable package (pyproject.toml says so): its
templates and the published JSON Schema live beside the package, not inside it, and
this is the one place that says where."""

from __future__ import annotations

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPOSITORY / "plans" / "schema"  # the plan format, also published on the site
TEMPLATES = REPOSITORY / "templates"  # the Jinja2 templates of the generated pages
CONTRIBUTING = REPOSITORY / "CONTRIBUTING.md"  # also a page of the site
ASSETS = REPOSITORY / "docs" / "assets"  # the site's hand-written styles and scripts
