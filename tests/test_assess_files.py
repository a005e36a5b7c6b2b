"""Assessment files: a full example parses, round-trips, and every malformed entry names file, line and field."""

from __future__ import annotations

import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.assess import files
from dyadwatch.assess.files import AssessmentFileError, dump_assessment, parse_assessment, read_assessment
from dyadwatch.assess.model import (
    CONFIDENCES,
    RATINGS,
    Assessment,
    Evidence,
    ForecastSpec,
    ForecastUpdate,
    Hypothesis,
    Observable,
    Premise,
    Resolution,
)

PATH = "assessments/rus-aze-june.yaml"

EXAMPLE = """\
id: rus-aze-2025-06
question: Why did Russia escalate against Azerbaijan in June 2025?
dyad: rus:aze
created: 2025-07-01
analyst: analyst-a
as_of: 2025-07-01
notes: |
  Working file for the June crisis.
  Revisit once the autumn summit season is over.
hypotheses:
  - id: H1
    title: Escalation sanctioned by the Kremlin
    description: The presidency chose to pressure Baku and the agencies executed that choice.
    overlaps: [H2]
    observables:
      - id: H1.O1
        text: Presidential and foreign-ministry statements come before the security services move.
        check:
          kind: lead
          dyad: RUS:AZE
          first: [RUS.PRES, RUS.MFA]
          before: [RUS.SK, RUS.FSB]
          since: 2025-06-01
          until: 2025-07-01
      - id: H1.O2
        text: State media coverage of Azerbaijan moves in step across outlets.
        check: {kind: coordination, dyad: RUS-AZE, since: 2025-06-15, until: 2025-07-05, min_probability: 0.6}
  - id: H2
    title: Initiative of the security services
    description: Investigators and the FSB acted on their own agenda; political bodies followed.
    observables:
      - id: H2.O1
        text: Investigative and security bodies act first, and political bodies only react.
        check: {kind: lead, dyad: RUS:AZE, first: [RUS.SK, RUS.FSB], before: [RUS.PRES, RUS.MFA]}
      - id: H2.O2
        text: No escalation phase precedes the raids.
        check: {kind: phase, dyad: RUS:AZE, phase_kind: escalation, since: 2025-05-01, until: 2025-06-26}
  - id: H2a
    title: A regional security office acted alone
    nested_in: H2
evidence:
  - id: E1
    kind: event
    ref: ev-0627-raid
    description: Police and investigators raid homes of Azerbaijani families in Yekaterinburg; two men die.
    source: Neva Courier
    citation: "synthetic: test citation"
    relevance: 0.9
    date: 2025-06-27
    ratings: {H1: C, H2: C, H2a: CC}
  - id: E2
    kind: event
    ref: ev-0628-mfa
    description: The foreign ministry summons the Azerbaijani ambassador the following day.
    date: 2025-06-28
    ratings: {H1: N, H2: C}
  - id: E3
    kind: document
    ref: doc-ria-0630
    description: State outlets run near-identical stories on ethnic crime within hours.
    source: Volga Wire
    relevance: 0.7
    ratings: {H1: CC, H2: I}
  - id: E4
    kind: finding
    description: Coordination probability of Russian coverage about Azerbaijan rises above 0.8 in late June.
    ratings: {H1: C, H2: II}
  - id: E5
    kind: note
    description: A Kremlin spokesman calls the raids a routine police matter.
    relevance: 0.5
    ratings: {H1: I, H2: C, H2a: NA}
  - id: E6
    kind: event
    ref: ev-0701-crossing
    description: Baku arrests employees of a Russian state news agency.
    date: 2025-06-30
premises:
  - id: P1
    claim: Who acts first in the coded events reflects who decided.
    check: {kind: events, dyad: RUS:AZE, body: RUS.SK, plover: ASSAULT, quad_class: 4, min: 1}
    status_hint: caveated
  - id: P2
    claim: Iranian moves against Azerbaijan are unrelated.
    check: {kind: coincidence, dyad: RUS:AZE, with: IRN:AZE, window: 2, max_p: 0.05}
  - id: P3
    claim: The analyst reads the Russian sources without a translation lag.
forecasts:
  - id: F1
    question: Will the presidents of Russia and Azerbaijan meet in person before 2026?
    criteria: A bilateral meeting of both presidents reported by both governments.
    criteria_query: {kind: events, dyad: RUS-AZE, plover: CONSULT, min: 1}
    created: 2025-07-03
    deadline: 2025-12-31
    probability: 0.35
    confidence: low
    analyst: analyst-b
    updates:
      - date: 2025-08-20
        probability: 0.45
        confidence: moderate
        note: First phone call since the raids.
    resolution:
      date: 2025-10-09
      outcome: true
      note: The presidents met on the margins of a regional summit.
"""


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line holding ``fragment``."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_full_example_parses() -> None:
    assessment = parse_assessment(EXAMPLE, PATH)
    assert assessment.dyad == "RUS:AZE"
    assert assessment.created == date(2025, 7, 1)
    assert assessment.notes == "Working file for the June crisis.\nRevisit once the autumn summit season is over."
    assert [h.id for h in assessment.hypotheses] == ["H1", "H2", "H2a"]
    h1 = assessment.hypotheses[0]
    assert h1.overlaps == ("H2",)
    assert h1.observables[0].check == {
        "kind": "lead", "dyad": "RUS:AZE", "first": ["RUS.PRES", "RUS.MFA"], "before": ["RUS.SK", "RUS.FSB"],
        "since": date(2025, 6, 1), "until": date(2025, 7, 1),
    }
    assert h1.observables[1].check == {"kind": "coordination", "dyad": "RUS-AZE", "min_probability": 0.6,
                                       "since": date(2025, 6, 15), "until": date(2025, 7, 5)}
    assert assessment.hypotheses[2] == Hypothesis("H2a", "A regional security office acted alone", nested_in="H2")
    assert len(assessment.evidence) == 6
    assert assessment.evidence[0].relevance == 0.9 and assessment.evidence[1].relevance == 1.0
    assert assessment.evidence[3] == Evidence(
        "E4", "finding", "Coordination probability of Russian coverage about Azerbaijan rises above 0.8 in late June.")
    assert assessment.ratings[("E1", "H2a")] == "CC"
    assert assessment.ratings[("E4", "H2")] == "II"
    assert ("E6", "H1") not in assessment.ratings
    assert len(assessment.ratings) == 12
    assert assessment.premises[0].status_hint == "caveated"
    assert assessment.premises[2] == Premise("P3", "The analyst reads the Russian sources without a translation lag.")
    forecast = assessment.forecasts[0]
    assert (forecast.created, forecast.deadline, forecast.probability) == (date(2025, 7, 3), date(2025, 12, 31), 0.35)
    assert forecast.updates == (
        ForecastUpdate(date(2025, 8, 20), 0.45, "moderate", "First phone call since the raids."),
    )
    assert forecast.resolution == Resolution(date(2025, 10, 9), True,
                                             "The presidents met on the margins of a regional summit.")


def test_round_trip_and_read_from_disk(tmp_path: Path) -> None:
    assessment = parse_assessment(EXAMPLE, PATH)
    text = dump_assessment(assessment)
    assert parse_assessment(text, PATH) == assessment
    assert dump_assessment(parse_assessment(text, PATH)) == text
    assert "ratings:\n    H1: C\n    H2: C\n    H2a: CC\n" in text
    assert "notes: |-\n  Working file" in text
    file = tmp_path / "a.yaml"
    file.write_text(EXAMPLE, encoding="utf-8")
    assert read_assessment(file) == assessment


def test_docstring_example_is_a_valid_file() -> None:
    example = textwrap.dedent((files.__doc__ or "").split("::\n", 1)[1].split("\nA check")[0])
    assessment = parse_assessment(example, "docstring")
    assert assessment.ratings == {("E1", "H1"): "C", ("E1", "H2"): "C"}
    assert assessment.forecasts[0].resolution == Resolution(date(2025, 10, 9), True, "Met in Dushanbe")


def test_dump_refuses_ratings_it_cannot_place() -> None:
    assessment = Assessment("a", "q", "RUS:AZE", date(2025, 1, 1), "x", ratings={("E9", "H1"): "C"})
    with pytest.raises(ValueError, match="E9"):
        dump_assessment(assessment)


# Each case: text replaced, its replacement, a fragment of the line the error points at, the field named.
BAD = {
    "unknown top-level key": ("as_of: 2025-07-01\n", "as_of: 2025-07-01\ncolour: blue\n", "colour:", "colour"),
    "unknown hypothesis key": ("    title: Escalation sanctioned by the Kremlin\n",
                               "    title: Escalation sanctioned by the Kremlin\n    weight: 2\n", "weight:",
                               "hypotheses[H1].weight"),
    "unknown evidence key": ('    citation: "synthetic: test citation"\n',
                             '    citation: "synthetic: test citation"\n    page: 4\n', "page: 4", "evidence[E1].page"),
    "unknown check key": ("          until: 2025-07-01\n", "          until: 2025-07-01\n          window: 3\n",
                          "window: 3", "hypotheses[H1].observables[H1.O1].check.window"),
    "unknown check kind": ("kind: phase,", "kind: stage,", "kind: stage",
                           "hypotheses[H2].observables[H2.O2].check.kind"),
    "check missing a required key": ("          before: [RUS.SK, RUS.FSB]\n", "", "          kind: lead",
                                     "hypotheses[H1].observables[H1.O1].check.before"),
    "check period reversed": ("since: 2025-05-01, until: 2025-06-26", "since: 2025-06-26, until: 2025-05-01",
                              "phase_kind: escalation", "hypotheses[H2].observables[H2.O2].check.until"),
    "check quad class": ("quad_class: 4", "quad_class: 5", "quad_class: 5", "premises[P1].check.quad_class"),
    "check plover category": ("plover: ASSAULT", "plover: PUNCH", "plover: PUNCH", "premises[P1].check.plover"),
    "check bad dyad": ("with: IRN:AZE", "with: IRAN:AZE", "with: IRAN", "premises[P2].check.with"),
    "missing question": ("question: Why did Russia escalate against Azerbaijan in June 2025?\n", "", "id: rus-aze",
                         "question"),
    "missing evidence description": ("    description: The foreign ministry summons the Azerbaijani ambassador the "
                                     "following day.\n", "", "  - id: E2", "evidence[E2].description"),
    "event without a ref": ("    ref: ev-0628-mfa\n", "", "  - id: E2", "evidence[E2].ref"),
    "rating outside the scale": ("{H1: N, H2: C}", "{H1: N, H2: X}", "{H1: N, H2: X}", "evidence[E2].ratings.H2"),
    "rating of an unknown hypothesis": ("{H1: N, H2: C}", "{H1: N, H3: C}", "{H1: N, H3: C}",
                                        "evidence[E2].ratings.H3"),
    "relevance above 1": ("relevance: 0.7", "relevance: 1.5", "relevance: 1.5", "evidence[E3].relevance"),
    "probability above 1": ("probability: 0.35", "probability: 1.2", "probability: 1.2", "forecasts[F1].probability"),
    "update probability below 0": ("probability: 0.45", "probability: -0.1", "probability: -0.1",
                                   "forecasts[F1].updates[0].probability"),
    "unknown confidence": ("confidence: low", "confidence: certain", "confidence: certain", "forecasts[F1].confidence"),
    "date not ISO": ("created: 2025-07-01", "created: 01/07/2025", "created: 01/07", "created"),
    "short date": ("    date: 2025-06-30\n", "    date: 2025-6-30\n", "date: 2025-6-30", "evidence[E6].date"),
    "impossible date": ("deadline: 2025-12-31", "deadline: 2025-12-32", "deadline:", "forecasts[F1].deadline"),
    "resolved before made": ("      date: 2025-10-09", "      date: 2025-07-02", "date: 2025-07-02",
                             "forecasts[F1].resolution.date"),
    "resolved before last update": ("      date: 2025-10-09", "      date: 2025-08-01", "date: 2025-08-01",
                                    "forecasts[F1].resolution.date"),
    "updated before made": ("      - date: 2025-08-20", "      - date: 2025-07-02", "date: 2025-07-02",
                            "forecasts[F1].updates[0].date"),
    "deadline before made": ("deadline: 2025-12-31", "deadline: 2025-06-30", "deadline:", "forecasts[F1].deadline"),
    "outcome not boolean": ("outcome: true", "outcome: maybe", "outcome: maybe", "forecasts[F1].resolution.outcome"),
    "bad dyad": ("dyad: rus:aze", "dyad: RUS-RUS", "dyad: RUS-RUS", "dyad"),
    "duplicate evidence id": ("  - id: E2\n", "  - id: E1\n", "  - id: E1\n    kind: event\n    ref: ev-0628",
                              "evidence[E1].id"),
    "duplicate observable id": ("      - id: H2.O2", "      - id: H1.O2", "      - id: H1.O2\n        text: No",
                                "hypotheses[H2].observables[H1.O2].id"),
    "duplicate key": ("    relevance: 0.5\n", "    relevance: 0.5\n    relevance: 0.4\n", "relevance: 0.4",
                      "evidence[E5].relevance"),
    "overlap with an unknown hypothesis": ("overlaps: [H2]", "overlaps: [H2, H9]", "overlaps:",
                                           "hypotheses[H1].overlaps"),
    "nested in itself": ("    nested_in: H2\n", "    nested_in: H2a\n", "nested_in: H2a", "hypotheses[H2a].nested_in"),
    "unknown premise status": ("status_hint: caveated", "status_hint: shaky", "status_hint:",
                               "premises[P1].status_hint"),
    "check not a mapping": ("check: {kind: lead, dyad: RUS:AZE, first: [RUS.SK, RUS.FSB], before: [RUS.PRES, RUS.MFA]}",
                            "check: [lead]", "check: [lead]", "hypotheses[H2].observables[H2.O1].check"),
}


def _line_after(text: str, fragment: str) -> int:
    """Like ``line_of`` but for a fragment spanning lines: the line where it starts."""
    return text[:text.index(fragment)].count("\n") + 1


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_names_file_line_and_field(case: str) -> None:
    old, new, fragment, field = BAD[case]
    assert EXAMPLE.count(old) >= 1, case
    text = EXAMPLE.replace(old, new, 1)
    with pytest.raises(AssessmentFileError) as raised:
        parse_assessment(text, PATH)
    message = str(raised.value)
    assert message.startswith("[E070] ")
    assert PATH in message
    assert f"line {_line_after(text, fragment)}" in message, message
    assert f"field '{field}'" in message, message
    assert raised.value.line == _line_after(text, fragment)


def test_unknown_observable_key_wins_over_its_check() -> None:
    text = EXAMPLE.replace("        text: No escalation", "        weight: 1\n        text: No escalation")
    with pytest.raises(AssessmentFileError, match=r"line \d+, field 'hypotheses\[H2\].observables\[H2.O2\].weight'"):
        parse_assessment(text, PATH)


def test_invalid_yaml_and_unreadable_file(tmp_path: Path) -> None:
    text = EXAMPLE.replace("  - id: E3\n", "  - id: E3\n   bad: [\n")
    with pytest.raises(AssessmentFileError, match=rf"{PATH}, line \d+: is not valid YAML"):
        parse_assessment(text, PATH)
    with pytest.raises(AssessmentFileError, match="is empty"):
        parse_assessment("", PATH)
    with pytest.raises(AssessmentFileError, match=r"line 1: must be a mapping"):
        parse_assessment("- id: 1\n", PATH)
    missing = tmp_path / "missing.yaml"
    with pytest.raises(AssessmentFileError, match="missing.yaml: cannot be read"):
        read_assessment(missing)


def test_error_lines_are_those_of_the_example() -> None:
    text = EXAMPLE.replace("confidence: low", "confidence: certain")
    with pytest.raises(AssessmentFileError) as raised:
        parse_assessment(text, PATH)
    assert raised.value.line == line_of(text, "confidence: certain")
    assert raised.value.field == "forecasts[F1].confidence"


# Property: generated small assessments survive dump and parse unchanged.

_ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,6}", fullmatch=True)
_line = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=24)
_texts = st.lists(_line, min_size=1, max_size=3).map(lambda lines: "\n".join(line.strip() for line in lines).strip()
                                                      ).filter(bool)
_days = st.dates(date(2000, 1, 1), date(2030, 12, 31))
_unit = st.floats(0, 1, allow_nan=False)
_dyads = st.sampled_from(["RUS:AZE", "RUS-AZE", "IRN:AZE", "AZE:TUR"])


@st.composite
def _checks(draw: st.DrawFn) -> dict[str, object]:
    kind = draw(st.sampled_from(["lead", "coincidence", "coordination", "events", "phase"]))
    check: dict[str, object] = {"kind": kind, "dyad": draw(_dyads)}
    bodies = st.lists(st.sampled_from(["RUS.PRES", "RUS.MFA", "RUS.SK", "RUS.FSB"]), min_size=1, max_size=2)
    extras: dict[str, dict[str, st.SearchStrategy[object]]] = {
        "lead": {"first": bodies, "before": bodies},
        "coincidence": {"with": _dyads, "window": st.integers(0, 9), "max_p": _unit},
        "coordination": {"min_probability": _unit},
        "events": {"body": _ids, "plover": st.sampled_from(["CONSULT", "ASSAULT"]), "quad_class": st.integers(1, 4),
                   "min": st.integers(1, 5)},
        "phase": {"phase_kind": st.sampled_from(["escalation", "truce"])},
    }
    for key, values in extras[kind].items():
        if key in ("first", "before", "with") or draw(st.booleans()):
            check[key] = draw(values)
    if draw(st.booleans()):
        since = draw(_days)
        check["since"], check["until"] = since, since + timedelta(days=draw(st.integers(0, 60)))
    return check


@st.composite
def _forecasts(draw: st.DrawFn, forecast_id: str) -> ForecastSpec:
    created = draw(_days)
    days = sorted(draw(st.lists(st.integers(0, 300), max_size=3)))
    updates = tuple(ForecastUpdate(created + timedelta(days=d), draw(_unit), draw(st.sampled_from(CONFIDENCES)),
                                   draw(st.none() | _texts)) for d in days)
    last = updates[-1].date if updates else created
    resolution = draw(st.none() | st.builds(Resolution, st.integers(0, 90).map(lambda d: last + timedelta(days=d)),
                                            st.booleans(), st.none() | _texts))
    return ForecastSpec(forecast_id, draw(_texts), draw(_texts), created,
                        created + timedelta(days=draw(st.integers(0, 400))), draw(_unit),
                        draw(st.sampled_from(CONFIDENCES)), draw(st.none() | _checks()), draw(st.none() | _ids),
                        updates, resolution)


@st.composite
def _assessments(draw: st.DrawFn) -> Assessment:
    hypothesis_ids = draw(st.lists(_ids, min_size=1, max_size=3, unique=True))
    observable_ids = iter(draw(st.lists(_ids, min_size=4, max_size=4, unique=True)))
    hypotheses = []
    for position, own in enumerate(hypothesis_ids):
        others = [other for other in hypothesis_ids if other != own]
        observables = tuple(Observable(next(observable_ids), draw(_texts), draw(st.none() | _checks()))
                            for _ in range(draw(st.integers(0, 1 if position else 2))))
        hypotheses.append(Hypothesis(
            own, draw(_texts), draw(st.none() | _texts), observables,
            tuple(draw(st.lists(st.sampled_from(others), unique=True))) if others else (),
            draw(st.none() | st.sampled_from(hypothesis_ids[:position])) if position else None,
        ))
    evidence = tuple(
        Evidence(own, kind, draw(_texts), draw(_ids) if kind in ("event", "document") else draw(st.none() | _ids),
                 draw(st.none() | _ids), draw(st.none() | _texts), draw(_unit), draw(st.none() | _days))
        for own in draw(st.lists(_ids, max_size=3, unique=True))
        for kind in [draw(st.sampled_from(["event", "document", "finding", "note"]))]
    )
    ratings = {(e.id, h): draw(st.sampled_from(RATINGS))
               for e in evidence for h in hypothesis_ids if draw(st.booleans())}
    premises = tuple(Premise(own, draw(_texts), draw(st.none() | _checks()),
                             draw(st.none() | st.sampled_from(["solid", "caveated", "unsupported"])))
                     for own in draw(st.lists(_ids, max_size=2, unique=True)))
    forecasts = tuple(draw(_forecasts(own)) for own in draw(st.lists(_ids, max_size=2, unique=True)))
    return Assessment(draw(_ids), draw(_texts), draw(_dyads), draw(_days), draw(_texts), draw(st.none() | _days),
                      tuple(hypotheses), evidence, ratings, premises, forecasts, draw(st.none() | _texts))


@settings(max_examples=40, deadline=None)
@given(_assessments())
def test_generated_assessments_round_trip(assessment: Assessment) -> None:
    assert parse_assessment(dump_assessment(assessment), PATH) == assessment
