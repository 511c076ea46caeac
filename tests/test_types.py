"""mypy over generator/ (settings in pyproject.toml): the typed model is a promise."""

from __future__ import annotations

from mypy import api

from conftest import ROOT


def test_generator_type_checks():
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "generator")])
    assert status == 0, out + err
