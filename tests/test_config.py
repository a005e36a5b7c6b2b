from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.config import find_workspace, load_config, parse_dyad, write_new_config
from dyadwatch.errors import ConfigError, WorkspaceExists, WorkspaceNotFound


def test_new_config_round_trips(tmp_path: Path) -> None:
    write_new_config(tmp_path, dyads=("RUS-AZE", "IRN:AZE"), languages=("ru", "az"))
    config = load_config(tmp_path)
    assert config.dyads == (("RUS", "AZE"), ("IRN", "AZE"))
    assert config.languages == ("ru", "az")
    assert config.database_url == f"sqlite:///{tmp_path.resolve()}/dyadwatch.db"
    assert config.dedup.threshold == 0.5 and config.dedup.bands == 32


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    write_new_config(tmp_path)
    with pytest.raises(WorkspaceExists):
        write_new_config(tmp_path)


@pytest.mark.parametrize("bad", ["RUSAZE", "RU-AZ", "RUS-AZE-TUR", ""])
def test_bad_dyads_are_refused(bad: str) -> None:
    with pytest.raises(ConfigError, match="ISO 3166 alpha-3"):
        parse_dyad(bad)


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit, env, cwd = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for folder in (explicit, env, cwd):
        write_new_config(folder)
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("DYADWATCH_WORKSPACE", str(env))
    assert find_workspace(explicit) == explicit.resolve()
    assert find_workspace() == env.resolve()
    monkeypatch.delenv("DYADWATCH_WORKSPACE")
    assert find_workspace() == cwd.resolve()


def test_missing_workspace_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYADWATCH_WORKSPACE", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkspaceNotFound, match="dyadwatch init DIR"):
        find_workspace()


def test_broken_toml_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "dyadwatch.toml").write_text("languages = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="Cannot read"):
        load_config(tmp_path)


def test_languages_must_be_iso_codes(tmp_path: Path) -> None:
    (tmp_path / "dyadwatch.toml").write_text('languages = ["russian"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="ISO 639-1"):
        load_config(tmp_path)
