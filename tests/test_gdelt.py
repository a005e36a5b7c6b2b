from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dyadwatch import reference
from dyadwatch.ingest import EXIT_OK, EXIT_SOME_QUARANTINED, import_gdelt
from dyadwatch.models import GdeltEvent, Quarantined, stable_id
from dyadwatch.sources import gdelt
from dyadwatch.sources.gdelt import (
    GdeltMention,
    GkgTone,
    read_gdelt_events,
    read_gdelt_mentions,
    read_gkg_tone,
)
from dyadwatch.store.schema import events

FIXTURES = Path(__file__).parent / "fixtures" / "gdelt"
SAMPLE = Path(__file__).resolve().parents[2] / "shared/refdata/gdelt1_sample/gdelt1_events_RUS_AZE_IRN_TUR_2011-2013.csv"
SAMPLE_ROWS = 12_980
SAMPLE_MAX_QUARANTINED = 0
"""Every row of the shared sample reads; raise this only with a note on which rows fail and why."""
tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def split(results: list[object]) -> tuple[list[GdeltEvent], list[Quarantined]]:
    good = [r for r in results if isinstance(r, GdeltEvent)]
    bad = [r for r in results if isinstance(r, Quarantined)]
    assert len(good) + len(bad) == len(results)
    return good, bad


def test_column_layouts() -> None:
    assert len(gdelt.V1_COLUMNS) == 57
    assert len(gdelt.V1_DAILY_COLUMNS) == 58
    assert len(gdelt.V2_COLUMNS) == 61
    assert gdelt.V2_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert gdelt.V2_COLUMNS[39] == "Actor1Geo_ADM2Code"
    assert gdelt.V1_COLUMNS[26:30] == ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass")


def test_gdelt2_export() -> None:
    path = FIXTURES / "gdelt2_export.tsv"
    first, second, third = read_gdelt_events(path)
    assert first == GdeltEvent(
        global_event_id="1217480311",
        day=date(2024, 12, 27),
        actor1_code="AZE", actor1_name="AZERBAIJAN", actor1_country="AZE",
        actor2_code="RUS", actor2_name="RUSSIA", actor2_country="RUS",
        event_code="112", event_root_code="11", quad_class=3, goldstein=-2.0,
        num_mentions=10, num_sources=2, num_articles=10, avg_tone=-5.24017467248908,
        action_geo_country="KAZ", action_geo_fullname="Aktau, Mangghystau, Kazakhstan",
        source_url="https://news.example.az/en/2024/12/27/baku-blames-moscow-for-crash",
        date_added=datetime(2024, 12, 27, 15, 45, tzinfo=timezone.utc),
        raw=path.read_text(encoding="utf-8").splitlines()[0],
        origin=f"{path}:line 1",
    )
    assert (second.actor1_code, second.event_code, second.action_geo_country) == ("RUSGOV", "055", "RUS")
    assert third.actor2_code is None and third.actor2_country is None
    assert third.action_geo_country == "TUR"
    assert first.id == stable_id("gdelt", "1217480311")


def test_gdelt1_historical_rows_keep_leading_zeros_and_read_dates() -> None:
    good, bad = split(list(read_gdelt_events(FIXTURES / "gdelt1_historical.tsv")))
    assert not bad
    assert [e.event_code for e in good] == ["203", "036", "044", "043"]
    assert [e.event_root_code for e in good] == ["20", "03", "04", "04"]
    assert good[0].day == date(2011, 8, 5)
    assert all(e.date_added.tzinfo is timezone.utc and e.date_added.hour == 0 for e in good)
    assert all(e.source_url is None for e in good)
    assert all(e.action_geo_country == "GEO" for e in good)
    assert good[0].goldstein == -10.0


def test_gdelt1_daily_rows_with_sourceurl() -> None:
    good, bad = split(list(read_gdelt_events(FIXTURES / "gdelt1_daily.tsv")))
    assert not bad
    assert good[0].source_url == "BBC Monitoring"
    assert good[0].actor2_code == "RUS"  # the source has " RUS": stripped
    assert good[1].source_url == "http://en.trend.az/regions/scaucasus/georgia/2134086.html"
    assert good[0].date_added == datetime(2013, 5, 27, tzinfo=timezone.utc)


def test_r_style_csv_reads_like_the_tab_separated_rows() -> None:
    from_csv, bad = split(list(read_gdelt_events(FIXTURES / "r_style_sample.csv")))
    assert not bad and len(from_csv) == 8
    tsv = [*read_gdelt_events(FIXTURES / "gdelt1_historical.tsv"), *read_gdelt_events(FIXTURES / "gdelt1_daily.tsv")]

    def key(e: GdeltEvent) -> tuple[object, ...]:
        return (e.global_event_id, e.day, e.actor1_code, e.actor2_country, e.event_code, e.goldstein,
                e.avg_tone, e.action_geo_country, e.source_url, e.date_added)

    assert sorted(map(key, from_csv)) == sorted(map(key, tsv))  # type: ignore[arg-type]
    assert all(e.origin.endswith(f":line {n}") for n, e in enumerate(from_csv, 2))


def test_a_header_without_required_columns_is_quarantined_once(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("GLOBALEVENTID,SQLDATE\n1,20240101\n2,20240102\n", encoding="utf-8")
    (only,) = read_gdelt_events(path)
    assert isinstance(only, Quarantined)
    assert "header lacks EventCode, QuadClass, GoldsteinScale, DATEADDED" in only.reason


def test_bad_rows_are_quarantined_and_the_rest_goes_on() -> None:
    path = FIXTURES / "bad_rows.tsv"
    results = list(read_gdelt_events(path))
    assert len(results) == 6
    good, bad = split(results)
    assert [e.origin for e in good] == [f"{path}:line 1", f"{path}:line 6"]
    assert [q.origin for q in bad] == [f"{path}:line {n}" for n in (2, 3, 4, 5)]
    reasons = [q.reason for q in bad]
    assert reasons[0] == ("line 2: 40 tab-separated fields; a GDELT event row has 57 (1.0), "
                          "58 (1.0 daily, with SOURCEURL) or 61 (2.0)")
    assert reasons[1] == "line 3: SQLDATE: cannot read '20241332' as a date (YYYYMMDD)"
    assert reasons[2] == "line 4: GoldsteinScale: 'high' is not a number"
    assert reasons[3].startswith("line 5: invalid UTF-8 at byte ")
    assert "\\xdc" in bad[3].raw


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("GLOBALEVENTID", "12a", "GLOBALEVENTID: '12a' is not a number"),
        ("EventCode", "1121", None),
        ("EventCode", "4x2", "EventCode: '4x2' is not a CAMEO code of 2 to 4 digits"),
        ("EventRootCode", "05", "EventRootCode: '05' is not the root of EventCode '112'"),
        ("QuadClass", "7", "QuadClass: 7 is not 1, 2, 3 or 4"),
        ("GoldsteinScale", "11", "GoldsteinScale: '11' is outside -10 to 10"),
        ("GoldsteinScale", "nan", "GoldsteinScale: 'nan' is outside -10 to 10"),
        ("NumMentions", "-1", "NumMentions: '-1' is not a whole number"),
        ("DATEADDED", "2024122715", "DATEADDED: cannot read '2024122715' as a time (YYYYMMDDHHMMSS or YYYYMMDD)"),
        ("SQLDATE", "", "SQLDATE is empty"),
    ],
)
def test_field_problems(tmp_path: Path, column: str, value: str, reason: str | None) -> None:
    line = (FIXTURES / "gdelt2_export.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    line[gdelt.V2_COLUMNS.index(column)] = value
    path = tmp_path / "one.tsv"
    path.write_text("\t".join(line) + "\n", encoding="utf-8")
    (result,) = read_gdelt_events(path)
    if reason is None:
        assert isinstance(result, GdeltEvent), result
    else:
        assert isinstance(result, Quarantined) and result.reason == f"line 1: {reason}"


def test_country_codes() -> None:
    table = reference.fips_to_iso3()
    expected = {"AJ": "AZE", "RS": "RUS", "IR": "IRN", "TU": "TUR", "AM": "ARM", "GG": "GEO", "KZ": "KAZ",
                "TI": "TJK", "TX": "TKM", "UP": "UKR", "BO": "BLR", "UZ": "UZB", "KG": "KGZ", "US": "USA",
                "UK": "GBR", "GM": "DEU", "CH": "CHN", "SZ": "CHE", "RI": "SRB", "RB": "SRB", "IS": "ISR"}
    assert {code: table[code] for code in expected} == expected
    assert "OS" not in table and "KV" not in table
    assert all(pycountry.countries.get(alpha_3=iso3) for iso3 in table.values())
    assert all(len(fips) == 2 and fips.isupper() for fips in table)
    assert gdelt.CAMEO_COUNTRY_TO_ISO3["ROM"] == "ROU"


def test_unknown_fips_and_cameo_region_codes(tmp_path: Path) -> None:
    line = (FIXTURES / "gdelt2_export.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    line[gdelt.V2_COLUMNS.index("ActionGeo_CountryCode")] = "OS"
    line[gdelt.V2_COLUMNS.index("Actor2CountryCode")] = "CAS"
    line[gdelt.V2_COLUMNS.index("Actor1CountryCode")] = "ROM"
    path = tmp_path / "one.tsv"
    path.write_text("\t".join(line) + "\n", encoding="utf-8")
    (event,) = read_gdelt_events(path)
    assert isinstance(event, GdeltEvent)
    assert (event.action_geo_country, event.actor2_country, event.actor1_country) == (None, "CAS", "ROU")


def test_mentions() -> None:
    path = FIXTURES / "gdelt2_mentions.tsv"
    first, second, third = read_gdelt_mentions(path)
    assert first == GdeltMention(
        global_event_id="1217480311",
        mention_time=datetime(2024, 12, 27, 15, 45, tzinfo=timezone.utc),
        source_name="news.example.az",
        url="https://news.example.az/en/2024/12/27/baku-blames-moscow-for-crash",
        confidence=70,
        doc_tone=-5.24017467248908,
        origin=f"{path}:line 1",
    )
    assert isinstance(second, GdeltMention) and second.confidence == 30
    assert isinstance(third, GdeltMention) and third.global_event_id == "1217611847"


def test_bad_mentions(tmp_path: Path) -> None:
    line = (FIXTURES / "gdelt2_mentions.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    path = tmp_path / "mentions.tsv"
    path.write_text("\t".join(line[:10]) + "\n" + "\t".join([*line[:13], "calm", *line[14:]]) + "\n", encoding="utf-8")
    short, tone = read_gdelt_mentions(path)
    assert isinstance(short, Quarantined) and short.reason == (
        "line 1: 10 tab-separated fields; a GDELT 2.0 mentions row has 16")
    assert isinstance(tone, Quarantined) and tone.reason == "line 2: MentionDocTone: 'calm' is not a number"


def test_gkg_tone() -> None:
    path = FIXTURES / "gkg21.tsv"
    first, second = read_gkg_tone(path)
    assert first == GkgTone(
        document_url="https://news.example.az/en/2024/12/27/baku-blames-moscow-for-crash",
        date=datetime(2024, 12, 27, 15, 45, tzinfo=timezone.utc),
        tone=-5.24017467248908,
        positive=1.74672489082969,
        negative=6.98689956331878,
        polarity=8.73362445414847,
        activity_density=22.707423580786,
        word_count=458,
        origin=f"{path}:line 1",
    )
    assert isinstance(second, GkgTone) and second.word_count == 166


def test_bad_gkg_tone(tmp_path: Path) -> None:
    fields = (FIXTURES / "gkg21.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    fields[15] = "-5.2,1.7,6.9"
    path = tmp_path / "gkg.tsv"
    path.write_text("\t".join(fields) + "\nshort\tline\n", encoding="utf-8")
    tone, short = read_gkg_tone(path)
    assert isinstance(tone, Quarantined)
    assert tone.reason == "line 1: V1.5TONE: 3 comma-separated values where GKG 2.1 has 7"
    assert isinstance(short, Quarantined) and "2 tab-separated fields" in short.reason


LINE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=300)
BYTE_LINE = st.binary(max_size=300).map(lambda b: b.replace(b"\n", b" "))
TSV_LINE = st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\t\r"), max_size=12), min_size=55, max_size=62).map(
    "\t".join)


@tmp_settings
@given(lines=st.lists(st.one_of(LINE.map(lambda s: s.encode()), BYTE_LINE, TSV_LINE.map(lambda s: s.encode())),
                      min_size=1, max_size=8))
def test_arbitrary_lines_never_raise_and_each_yields_one_result(tmp_path: Path, lines: list[bytes]) -> None:
    path = tmp_path / "any.tsv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    for reader in (read_gdelt_events, read_gdelt_mentions, read_gkg_tone):
        results = list(reader(path))  # type: ignore[operator]
        header = reader is read_gdelt_events and gdelt._header(lines[0].decode("utf-8", "replace")) is not None
        if not header:
            assert len(results) == len(lines)
            assert [r.origin for r in results] == [f"{path}:line {n}" for n in range(1, len(lines) + 1)]


@tmp_settings
@given(column=st.sampled_from(gdelt.V2_COLUMNS),
       value=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\t"), max_size=20))
def test_any_value_in_any_column_yields_one_result(tmp_path: Path, column: str, value: str) -> None:
    fields = (FIXTURES / "gdelt2_export.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    fields[gdelt.V2_COLUMNS.index(column)] = value
    path = tmp_path / "one.tsv"
    path.write_text("\t".join(fields) + "\n", encoding="utf-8")
    (result,) = read_gdelt_events(path)
    assert isinstance(result, (GdeltEvent, Quarantined))


def test_import_gdelt_stores_events_once(workspace) -> None:  # type: ignore[no-untyped-def]
    paths = [FIXTURES / "gdelt2_export.tsv", FIXTURES / "gdelt1_daily.tsv", FIXTURES / "bad_rows.tsv"]
    report = import_gdelt(workspace.engine, paths, batch_size=2)
    assert (report.new, report.duplicate, report.quarantined) == (7, 2, 4)
    assert report.exit_code == EXIT_SOME_QUARANTINED
    with workspace.engine.connect() as connection:
        rows = {r.external_id: r for r in connection.execute(select(events))}
    assert len(rows) == 7 and {r.origin for r in rows.values()} == {"gdelt"}
    crash = rows["1217480311"]
    assert (crash.actor1_code, crash.actor2_code, crash.cameo_code) == ("AZE", "RUS", "112")
    assert crash.description == "AZERBAIJAN → RUSSIA: Accuse, not specified below (CAMEO 112)"
    assert (crash.plover_category, crash.plover_mode, crash.quad_class, crash.goldstein) == (
        "ACCUSE", "disapprove", 3, -2.0)
    assert json.loads(crash.source_urls) == ["https://news.example.az/en/2024/12/27/baku-blames-moscow-for-crash"]
    assert crash.event_date == date(2024, 12, 27)
    assert json.loads(rows["255333755"].source_urls) == []  # "BBC Monitoring" is not a web address
    assert rows["1217611847"].description == "PUTIN → ILHAM ALIYEV: Apologize (CAMEO 055)"
    assert rows["1217702516"].actor2_code is None
    assert rows["253482187"].actor2_code is None and rows["253482187"].description.startswith("RUSSIA: ")
    again = import_gdelt(workspace.engine, paths[:2])
    assert (again.new, again.duplicate, again.exit_code) == (0, 7, EXIT_OK)
    assert {q["stage"] for q in workspace.quarantine().to_dict("records")} == {"gdelt"}


def test_events_without_a_country_keep_their_cameo_actor_type(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / "r_style_sample.csv"
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if ",72177033,20110805,201108,2011,2011.589,AZE,AZERBAIJAN,AZE," in line)
    extra = tmp_path / "gov.csv"
    extra.write_text(f"{header}\n{row.replace(',AZE,AZERBAIJAN,AZE,', ',GOV,EMBASSY,NA,', 1)}\n", encoding="utf-8")
    assert import_gdelt(workspace.engine, [extra]).new == 1
    with workspace.engine.connect() as connection:
        (row,) = connection.execute(select(events.c.actor1_code, events.c.actor1_name))
    assert tuple(row) == ("GOV", "EMBASSY")


def test_the_shared_sample_reads_whole() -> None:
    if not SAMPLE.is_file():
        print(f"skipped: the shared GDELT 1.0 sample is not at {SAMPLE}")
        pytest.skip(f"the shared GDELT 1.0 sample is not at {SAMPLE} (optional outside CI)")
    good, bad = split(list(read_gdelt_events(SAMPLE)))
    assert len(good) + len(bad) == SAMPLE_ROWS
    assert len(bad) <= SAMPLE_MAX_QUARANTINED, [q.reason for q in bad[:5]]
    countries = {e.actor1_country for e in good} | {e.actor2_country for e in good}
    assert {"RUS", "AZE", "IRN", "TUR"} <= countries
    assert {e.action_geo_country for e in good} <= set(reference.fips_to_iso3().values()) | {None}
    assert all(len(e.event_code) in (3, 4) for e in good)
    assert len({e.global_event_id for e in good}) == len(good)


def test_events_import_gdelt_cli_stores_gdelt_events(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from dyadwatch.cli import app

    runner = CliRunner()
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    export = Path(__file__).parent / "fixtures" / "gdelt" / "gdelt2_export.tsv"
    result = runner.invoke(app, ["events", "import", "--gdelt", str(export), "-w", str(ws), "-o", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == len(export.read_text(encoding="utf-8").splitlines())
    listed = json.loads(runner.invoke(app, ["events", "list", "--origin", "gdelt", "-w", str(ws), "-f", "json"]).stdout)
    assert listed and {e["origin"] for e in listed} == {"gdelt"}
