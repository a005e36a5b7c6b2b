from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import QueryError

from .helpers import news, write_jsonl

DOCS = [
    news("ru1", "Ильхам Алиеву позвонил президент Ирана, а Путиным была назначена встреча в Душанбе.",
         published="2025-06-26T10:00:00Z", language="ru"),
    news("ru2", "Решение по делу приняли без согласования с Алиевым, сообщили источники в Москве.",
         published="2025-07-01T10:00:00Z", source="Neva Courier"),
    news("az1", "Prezident İlham Əliyevin Rusiya ilə bağlı açıqlaması Bakıda geniş müzakirə olunub.",
         published="2025-07-02T10:00:00Z", source="Caspian Ledger"),
    news("tr1", "Ankara, Putin'e Bakü ile gerginliği azaltma çağrısında bulundu ve arabuluculuk önerdi.",
         published="2025-07-03T10:00:00Z", source="Bosphorus Daily"),
    news("hg1", "Заявление Пyтина о роли Азербайджана вызвало споры среди экспертов в Баку.",
         published="2025-07-04T10:00:00Z", source="Volga Evening"),
    news("zw1", "Pu\u200btin and Aliyev spoke by telephone ahead of the meeting in Dushanbe, the Kremlin said.",
         published="2025-10-07T10:00:00Z", source="Steppe Wire"),
    news("fa1", "مسعود پزشكيان در تماس تلفني با الهام علی‌اف درباره امنیت منطقه گفتگو کرد.",
         published="2025-06-26T12:00:00Z", source="Tehran Mirror"),
]


@pytest.fixture
def corpus(workspace, tmp_path: Path):
    workspace.ingest([write_jsonl(tmp_path / "docs.jsonl", DOCS)])
    workspace.process()
    return workspace


def _found(ws, query: str, **filters: object) -> set[str]:
    return set(ws.search(query, **filters).get("external_id", []))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Алиев", {"ru1", "ru2"}),
        ("Əliyev", {"az1"}),
        ("Putin", {"tr1", "zw1"}),
        ("Путин", {"ru1", "hg1", "tr1", "zw1"}),  # Cyrillic finds Latin through the Azerbaijani key map
        ("Алиев Путин", {"ru1"}),
        ("پزشکیان", {"fa1"}),
        ("Dushanbe telephone", {"zw1"}),
        ("nonexistentword", set()),
    ],
)
def test_inflection_homoglyphs_and_script_variants(corpus, query: str, expected: set[str]) -> None:
    assert _found(corpus, query) == expected


def test_filters_combine_with_search(corpus) -> None:
    assert _found(corpus, "Алиев", source="Neva Courier") == {"ru2"}
    assert _found(corpus, "Алиев", language="ru", until=__import__("datetime").date(2025, 6, 30)) == {"ru1"}


def test_search_results_are_newest_first(corpus) -> None:
    assert list(corpus.search("Putin")["external_id"]) == ["zw1", "tr1"]


def test_empty_query_is_an_error(corpus) -> None:
    with pytest.raises(QueryError, match="no searchable words"):
        corpus.search("?! -")
