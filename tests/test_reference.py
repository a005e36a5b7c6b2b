from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch import reference

REFDATA = Path("/work/shared/refdata")
ROOT = Path(__file__).resolve().parents[1]
TABLES = ("cameo_codes.tsv", "goldstein.tsv", "cameo_to_plover.tsv", "plover_categories.tsv")
ALL_CODES = sorted(reference.cameo_codes())

PLOVER_V2 = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def expected_quad(code: str) -> int:
    """GDELT's QuadClass by root code."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("042", "Make a visit"),
        ("044", "Meet at a 'third' location"),
        ("1056", "Demand de-escalation of military engagement"),
        ("106", "Demand withdrawal"),
        ("033", "Express intent to provide material aid, not specified below"),
        ("2041", "Use chemical, biological, or radiological weapons"),
        ("175", "Use tactics of violent repression"),
        ("04", "CONSULT"),
        ("42", None),
        ("1", None),
        ("", None),
    ],
)
def test_cameo_label(code: str, label: str | None) -> None:
    assert reference.cameo_label(code) == label


def test_table_has_every_code_once_and_clean_labels() -> None:
    assert len(ALL_CODES) == 311
    assert all(code.isdigit() and 2 <= len(code) <= 4 for code in ALL_CODES)
    for code in ALL_CODES:
        label = reference.cameo_label(code)
        assert label and label == " ".join(label.split()) and label.isascii(), code


@pytest.mark.parametrize(("code", "value"), [("042", 1.9), ("0231", 3.4), ("106", -5.0), ("20", -10.0),
                                              ("999", None), ("4", None)])
def test_goldstein(code: str, value: float | None) -> None:
    assert reference.goldstein(code) == value


def test_every_code_has_a_goldstein_value() -> None:
    assert all(reference.goldstein(code) is not None for code in ALL_CODES)


def test_goldstein_falls_back_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    values = {"02": 3.0, "023": 3.4}
    monkeypatch.setattr(reference, "_goldstein", lambda: values)
    assert reference.goldstein("0231") == 3.4
    assert reference.goldstein("024") == 3.0


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", ("CONSULT", "visit")),
        ("041", ("CONSULT", "phone")),
        ("0841", ("RETREAT", "release")),
        ("093", ("ACCUSE", "investigate")),
        ("163", ("COERCE", "restrict")),
        ("1712", ("ASSAULT", "destroy")),
        ("186", ("ASSAULT", "targeted")),
        ("0842", ("RETREAT", None)),
        ("057", ("SUPPORT", None)),
        ("04", ("CONSULT", None)),
        ("19", ("ASSAULT", None)),
        ("012", None),
        ("0231", None),
        ("02", None),
        ("999", None),
    ],
)
def test_cameo_to_plover(code: str, expected: tuple[str, str | None] | None) -> None:
    assert reference.cameo_to_plover(code) == expected


def test_map_is_consistent_with_plover_v2() -> None:
    for code in ALL_CODES:
        mapped = reference.cameo_to_plover(code)
        if code[:2] in ("01", "02"):
            assert mapped is None, code
            continue
        assert mapped is not None, code
        category, mode = mapped
        assert category in reference.plover_categories()
        assert mode is None or mode in reference.plover_modes(category)


def test_plover_categories() -> None:
    assert reference.plover_categories() == PLOVER_V2
    assert reference.plover_modes("CONSULT") == {"visit", "third-party", "multilateral", "phone"}
    assert reference.plover_modes("AGREE") == frozenset()
    with pytest.raises(ValueError, match="'FIGHT' is not a PLOVER category"):
        reference.plover_modes("FIGHT")


@pytest.mark.parametrize(
    ("category", "quad"),
    [("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1), ("COOPERATE", 2), ("AID", 2), ("RETREAT", 2),
     ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3), ("PROTEST", 4), ("SANCTION", 4),
     ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4)],
)
def test_quad_class_of_plover(category: str, quad: int) -> None:
    assert reference.quad_class_of_plover(category) == quad


def test_quad_class_of_cameo() -> None:
    assert {code: reference.quad_class_of_cameo(code) for code in ALL_CODES} == {
        code: expected_quad(code) for code in ALL_CODES}
    assert [reference.quad_class_of_cameo(c) for c in ("05", "06", "09", "093", "10", "14", "15")] == [
        1, 2, 2, 2, 3, 3, 4]


def test_quad_class_of_unknown_codes() -> None:
    with pytest.raises(ValueError, match="'21' is not a CAMEO event code"):
        reference.quad_class_of_cameo("21")
    with pytest.raises(ValueError):
        reference.quad_class_of_plover("consult")


@pytest.mark.parametrize("code", ["AZE", "RUS", "IRN", "TUR", "UKR", "USA", "KAZ", "IGO", "NGO", "UNO", "EUR"])
def test_country_codes(code: str) -> None:
    assert reference.is_country_code(code)


@pytest.mark.parametrize("code", ["aze", "AZ", "AZER", "XXX", "", "ÄZE", "GOV", "SUN"])
def test_not_country_codes(code: str) -> None:
    assert not reference.is_country_code(code)


@given(st.sampled_from([country.alpha_3 for country in pycountry.countries]))
def test_every_iso_country_is_accepted(code: str) -> None:
    assert reference.is_country_code(code)


@given(st.text(max_size=5))
def test_is_country_code_never_raises(code: str) -> None:
    assert isinstance(reference.is_country_code(code), bool)


def test_data_ships_inside_the_package() -> None:
    package = resources.files("dyadwatch.reference")
    for name in (*TABLES, "non_state_codes.tsv", "README.md"):
        assert package.joinpath(name).is_file(), name
    readme = package.joinpath("README.md").read_text(encoding="utf-8")
    assert "Leetaru, K. and Schrodt, P. (2013)" in readme
    assert "CC BY-SA 4.0" in readme and "openeventdata/PLOVER" in readme


def test_build_script_reproduces_the_tables(tmp_path: Path) -> None:
    if not REFDATA.exists():
        pytest.skip("shared/ reference data not present")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_reference.py"), str(REFDATA), str(tmp_path)],
                   check=True, capture_output=True)
    package = resources.files("dyadwatch.reference")
    for name in TABLES:
        assert (tmp_path / name).read_text(encoding="utf-8") == package.joinpath(name).read_text(encoding="utf-8")
