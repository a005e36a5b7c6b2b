"""Actor registry files, inflection-aware matching and time-bounded roles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.actors.loader import builtin_actors, parse_actors, parse_relations, read_actor_file
from dyadwatch.actors.matcher import ActorMatcher
from dyadwatch.actors.registry import ActorRegistry, registry_with
from dyadwatch.errors import ActorFileError
from dyadwatch.text.normalize import fold_language, normalize
from dyadwatch.text.tokens import tokenize


def found(registry: ActorRegistry, text: str, language: str) -> list[str]:
    norm = fold_language(normalize(text), language)
    return [m.actor for m in ActorMatcher(registry, language).find(tokenize(norm, language))]


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return registry_with()


def test_builtin_registry_loads_with_every_kind(registry: ActorRegistry) -> None:
    assert len([a for a in builtin_actors() if a.kind == "country"]) >= 249
    kinds = {a.kind for a in builtin_actors()}
    assert {"country", "body", "person", "place"} <= kinds
    assert registry.get("RUS").name == "Russia"
    assert registry.get("RUS.SK").sector == "investigative"


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("ru", "Путин позвонил Алиеву.", ["vladimir-putin", "ilham-aliyev"]),
    ("ru", "Встреча с Путиным прошла в Баку.", ["vladimir-putin", "AZE"]),
    ("ru", "Следственного комитета России", ["RUS.SK"]),
    ("ru", "представители Кремля", ["RUS.PRES"]),
    ("az", "Əliyevin Moskvaya səfəri", ["ilham-aliyev", "RUS"]),
    ("az", "Əliyevə zəng edib", ["ilham-aliyev"]),
    ("az", "Әлијев Путинлә данышды", ["ilham-aliyev", "vladimir-putin"]),
    ("tr", "Putin'e göre Moskova'nın tutumu", ["vladimir-putin", "RUS"]),
    ("tr", "Erdoğan, Bakü'ye gitti", ["recep-tayyip-erdogan", "AZE"]),
    ("fa", "پوتین با علی‌اف دیدار کرد", ["vladimir-putin", "ilham-aliyev"]),
    ("fa", "پوتين با علي اف ديدار کرد", ["vladimir-putin", "ilham-aliyev"]),
    ("en", "the Russian Foreign Ministry's note and the Kremlin", ["RUS.MFA", "RUS.PRES"]),
    ("ru", "визит в Венгрию и Японию", ["HUN", "JPN"]),
    ("fa", "سفر به مجارستان", ["HUN"]),
])
def test_inflected_and_nicknamed_names_are_found(registry: ActorRegistry, language: str, text: str,
                                                  expected: list[str]) -> None:
    assert found(registry, text, language) == expected


def test_longest_alias_wins_and_spans_point_into_the_text(registry: ActorRegistry) -> None:
    text = normalize("Вчера МИД России заявил протест.")
    mentions = ActorMatcher(registry, "ru").find(tokenize(text, "ru"))
    assert [m.actor for m in mentions] == ["RUS.MFA"]
    assert text[mentions[0].start:mentions[0].end] == "МИД России"


def test_person_maps_to_body_only_while_in_role(registry: ActorRegistry) -> None:
    side = registry.side("vladimir-putin", date(2025, 6, 27))
    assert side is not None and (side.country, side.body) == ("RUS", "RUS.PRES")
    shoigu_2023 = registry.side("sergei-shoigu", date(2023, 1, 1))
    shoigu_2025 = registry.side("sergei-shoigu", date(2025, 1, 1))
    assert shoigu_2023 is not None and shoigu_2025 is not None
    assert shoigu_2023.body != shoigu_2025.body


def test_malformed_actor_file_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- id: RUS.X\n  name: X\n  kind: body\n  country: RUS\n- id: bad\n  name: B\n  kind: spaceship\n",
                    encoding="utf-8")
    with pytest.raises(ActorFileError) as caught:
        read_actor_file(path)
    assert caught.value.line == 7 and caught.value.field == "kind"
    assert "mine.yaml, line 7" in str(caught.value)


@pytest.mark.parametrize(("text", "field"), [
    ("- id: a\n  name: A\n  kind: person\n  roles: [{body: RUS.PRES, start: 2024-13-01}]\n", "start"),
    ("- id: a\n  name: A\n  kind: body\n  country: russia\n", "country"),
    ("- id: a\n  name: A\n  kind: body\n  aliases: {xx: [A]}\n", "aliases"),
    ("- id: a b\n  name: A\n  kind: body\n", "id"),
    ("- name: A\n  kind: body\n", "id"),
])
def test_each_bad_field_is_named(text: str, field: str) -> None:
    with pytest.raises(ActorFileError) as caught:
        parse_actors("f.yaml", text)
    assert caught.value.field == field


def test_csv_actors_and_unknown_role_body(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,name,kind,country,aliases_ru,aliases_en,role_body,role_start\n"
                    "ivan-ivanov,Ivan Ivanov,person,,Иван Иванов|Иванов,Ivan Ivanov,RUS.SK,2024-01-01\n",
                    encoding="utf-8")
    actors, _ = read_actor_file(path)
    registry = registry_with(actors)
    assert found(registry, "Иванова задержали", "ru") == ["ivan-ivanov"]
    ghost = parse_actors("g.yaml", "- id: g\n  name: G\n  kind: person\n  roles: [{body: NOWHERE}]\n")
    with pytest.raises(ActorFileError):
        registry_with(ghost)


def test_relations_need_status_and_citation() -> None:
    text = ("relations:\n  - {source: a, relation: patron_of, target: b, status: alleged, citation: 'x'}\n"
            "  - {source: a, relation: patron_of, target: b, status: rumoured, citation: 'x'}\n")
    with pytest.raises(ActorFileError) as caught:
        parse_relations("r.yaml", text)
    assert caught.value.field == "status"


def test_merge_sends_aliases_to_the_surviving_actor(registry: ActorRegistry) -> None:
    extra = parse_actors("m.yaml", "- id: dup-putin\n  name: V. Putin\n  kind: person\n"
                                   "  aliases: {ru: [ВВП]}\n  roles: [{body: RUS.PRES}]\n")
    merged = registry_with(extra, merges={"dup-putin": "vladimir-putin"})
    assert found(merged, "ВВП прибыл", "ru") == ["vladimir-putin"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_matching_never_fails_on_arbitrary_text(text: str) -> None:
    registry = registry_with()
    for language in ("ru", "az", "tr", "fa", "en"):
        norm = normalize(text)
        for m in ActorMatcher(registry, language).find(tokenize(norm, language)):
            assert 0 <= m.start < m.end <= len(norm)
