"""Assessment files: one YAML file per question, checked strictly; every error names file, line and field.

An analyst keeps an assessment in git as one YAML file. Ratings are written on each evidence item
(``ratings: {H1: C, H2: II}``), against the hypothesis ids of the same file. A full example::

    id: rus-aze-2025-06
    question: Why did Russia escalate against Azerbaijan in June 2025?
    dyad: RUS:AZE                       # RUS-AZE for both directions
    created: 2025-07-01
    analyst: jdoe
    as_of: 2025-07-01                   # optional: checks read only what was known by then
    notes: |                            # optional
      Free text, kept as written.
    hypotheses:
      - id: H1
        title: The Kremlin ordered the escalation
        description: The presidency set the course; the agencies carried it out.   # optional
        overlaps: [H2]                  # optional: hypotheses this one does not exclude
        nested_in: null                 # optional: the id of a broader hypothesis
        observables:
          - id: H1.O1
            text: The presidency and the foreign ministry speak before the security services act.
            check: {kind: lead, dyad: RUS:AZE, first: [RUS.PRES, RUS.MFA], before: [RUS.SK, RUS.FSB],
                    since: 2025-06-01, until: 2025-07-01}
      - id: H2
        title: The security services acted on their own
        observables:
          - id: H2.O1
            text: An escalation phase starts only after the raids.
            check: {kind: phase, dyad: RUS:AZE, phase_kind: escalation, since: 2025-06-27}
    evidence:
      - id: E1
        kind: event                     # event, document, finding or note
        ref: ev-2025-06-27-0012         # required for event and document: its id in the record
        description: Security services raid an Azerbaijani community centre in Yekaterinburg.
        source: tass                    # optional: source registry name
        citation: TASS, 27 June 2025    # optional
        relevance: 0.9                  # optional, 0 to 1, default 1
        date: 2025-06-27                # optional
        ratings: {H1: C, H2: C}         # optional: CC, C, N, I, II or NA per hypothesis
    premises:
      - id: P1
        claim: Coded events of Russian bodies reflect who acted first.
        check: {kind: events, dyad: RUS:AZE, body: RUS.SK, min: 1}   # optional
        status_hint: caveated           # optional: solid, caveated or unsupported
    forecasts:
      - id: F1
        question: Will the two presidents meet before the end of 2025?
        criteria: A bilateral meeting of the presidents, reported by both sides.
        criteria_query: {kind: events, dyad: RUS-AZE, plover: CONSULT, min: 1}    # optional
        created: 2025-07-03
        deadline: 2025-12-31
        probability: 0.55
        confidence: moderate            # low, moderate or high
        analyst: jdoe                   # optional: defaults to the assessment's analyst
        updates:                        # optional, in date order, none before created
          - {date: 2025-09-01, probability: 0.65, confidence: moderate, note: Phone call}
        resolution: {date: 2025-10-09, outcome: true, note: Met in Dushanbe}   # optional

A check (``check``, ``criteria_query``) is one of the kinds of ``assess/checks.py``: ``lead`` (``dyad``,
``first``, ``before``), ``coincidence`` (``dyad``, ``with``; ``window`` days, ``max_p``), ``coordination``
(``dyad``; ``min_probability``), ``events`` (``dyad``; ``body``, ``plover``, ``quad_class``, ``min``) and
``phase`` (``dyad``; ``phase_kind``), all with optional ``since`` and ``until``. Ids are letters, digits,
``.``, ``_`` and ``-``; text is stripped; dates are ``YYYY-MM-DD``. ``dump_assessment`` writes this layout
with a fixed key order, so ``parse_assessment(dump_assessment(a)) == a`` for every parsed ``a``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from dyadwatch.actors.loader import _TextDates
from dyadwatch.errors import DataFileError, QueryError
from dyadwatch.ledger.dyads import parse as parse_dyad
from dyadwatch.ledger.model import PHASE_KINDS
from dyadwatch.reference import plover_categories

from .model import (
    CHECK_KEYS,
    CONFIDENCES,
    EVIDENCE_KINDS,
    PREMISE_STATUSES,
    RATINGS,
    Assessment,
    Check,
    Evidence,
    ForecastSpec,
    ForecastUpdate,
    Hypothesis,
    Observable,
    Premise,
    Resolution,
)

_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOP_KEYS = ("id", "question", "dyad", "created", "analyst", "as_of", "notes",
             "hypotheses", "evidence", "premises", "forecasts")
_NULL = "tag:yaml.org,2002:null"
_CHECK_ORDER = ("kind", "dyad", "with", "first", "before", "body", "plover", "quad_class", "min", "window",
                "max_p", "min_probability", "phase_kind", "since", "until")


class AssessmentFileError(DataFileError):
    """An assessment file with a malformed or inconsistent entry."""

    code = "E070"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Map:
    """A YAML mapping of the file: its fields' value nodes and lines, and its place (``where``) for errors."""

    def __init__(self, path: str, node: yaml.Node, where: str) -> None:
        self.path, self.where, self.line = path, where, _line(node)
        if not isinstance(node, yaml.MappingNode):
            raise AssessmentFileError(path, self.line, where or None, "must be a mapping of fields")
        self.fields: dict[str, tuple[int, yaml.Node]] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise AssessmentFileError(path, _line(key), where or None, "field names must be plain text")
            if key.value in self.fields:
                raise self.fail(key.value, "appears twice", _line(key))
            self.fields[key.value] = (_line(key), value)

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, problem: str, line: int | None = None) -> AssessmentFileError:
        if line is None:
            line = self.fields[key][0] if key in self.fields else self.line
        return AssessmentFileError(self.path, line, self.name(key), problem)

    def allow(self, names: Iterable[str]) -> None:
        allowed = tuple(names)
        for key in self.fields:
            if key not in allowed:
                raise self.fail(key, f"is not a known field here (known: {', '.join(allowed)})")

    def node(self, key: str) -> yaml.Node | None:
        entry = self.fields.get(key)
        if entry is None or entry[1].tag == _NULL:
            return None
        return entry[1]

    def scalar(self, key: str, required: bool) -> tuple[Any, str] | None:
        """The value and raw text of a single-valued field; None when absent, null or empty."""
        node = self.node(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value.strip() == ""):
            if required:
                raise self.fail(key, "is required")
            return None
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(key, "must be a single value, not a list or a mapping")
        return _scalar(self, key, node), node.value

    def text(self, key: str, required: bool = False) -> str | None:
        found = self.scalar(key, required)
        if found is None:
            return None
        value, raw = found
        if isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
            raise self.fail(key, f"must be text, not {raw!r} (quote it)")
        return raw.strip()

    def ident(self, key: str = "id") -> str:
        value = self.text(key, required=True)
        assert value is not None
        if not _ID_RE.fullmatch(value):
            raise self.fail(key, f"{value!r} may hold only letters, digits, '.', '_' and '-' (at most 64)")
        return value

    def choice(self, key: str, options: Iterable[str], required: bool = False) -> str | None:
        value = self.text(key, required)
        known = tuple(options)
        if value is not None and value not in known:
            raise self.fail(key, f"{value!r} is not one of {', '.join(known)}")
        return value

    def day(self, key: str, required: bool = False) -> date | None:
        found = self.scalar(key, required)
        if found is None:
            return None
        value, raw = found
        if isinstance(value, date):
            return value
        try:
            if not _DATE_RE.fullmatch(raw.strip()):
                raise ValueError(raw)
            return date.fromisoformat(raw.strip())
        except ValueError:
            raise self.fail(key, f"is not an ISO date (YYYY-MM-DD): {raw!r}") from None

    def number(self, key: str, required: bool = False) -> float | None:
        """A number from 0 to 1 (a probability, a relevance)."""
        found = self.scalar(key, required)
        if found is None:
            return None
        value, raw = found
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise self.fail(key, f"must be a number from 0 to 1, not {raw!r}")
        return float(value)

    def integer(self, key: str, low: int, high: int | None = None) -> int | None:
        found = self.scalar(key, False)
        if found is None:
            return None
        value, raw = found
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise self.fail(key, f"must be a whole number {bounds}, not {raw!r}")
        return value

    def flag(self, key: str) -> bool:
        found = self.scalar(key, True)
        assert found is not None
        value, raw = found
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {raw!r}")
        return value

    def dyad(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is None:
            return None
        try:
            return parse_dyad(value).code
        except QueryError as error:
            raise self.fail(key, error.message) from None

    def mapping(self, key: str) -> _Map | None:
        node = self.node(key)
        return None if node is None else _Map(self.path, node, self.name(key))

    def sequence(self, key: str) -> list[yaml.Node]:
        node = self.node(key)
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(key, "must be a list")
        return list(node.value)

    def maps(self, key: str) -> list[_Map]:
        """The mappings of a list field, each placed as ``key[its id]`` (or ``key[position]``) in errors."""
        found = []
        for position, node in enumerate(self.sequence(key)):
            label = str(position)
            if isinstance(node, yaml.MappingNode):
                label = next((v.value for k, v in node.value if k.value == "id" and isinstance(v, yaml.ScalarNode)
                              and v.value.strip()), label)
            found.append(_Map(self.path, node, f"{self.name(key)}[{label}]"))
        return found

    def texts(self, key: str, required: bool = False) -> list[tuple[int, str]]:
        """The entries of a list of text, each with its line."""
        nodes = self.sequence(key)
        if required and not nodes:
            raise self.fail(key, "must list at least one entry")
        found = []
        for node in nodes:
            if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
                raise self.fail(key, "entries must be non-empty text", _line(node))
            found.append((_line(node), node.value.strip()))
        return found


def _scalar(record: _Map, key: str, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor().construct_object(node)
    except yaml.YAMLError as error:
        raise record.fail(key, f"cannot be read: {error}", _line(node)) from None


def _compose(path: str, text: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_TextDates)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise AssessmentFileError(path, mark.line + 1 if mark else None, None, f"is not valid YAML: {error}") from None
    if root is None:
        raise AssessmentFileError(path, None, None, "is empty; an assessment needs at least id, question, dyad, "
                                  "created and analyst")
    return root


def _ids(maps: list[_Map], what: str) -> list[str]:
    """The ``id`` of each mapping, refusing a repeated one."""
    seen: dict[str, int] = {}
    ids = []
    for record in maps:
        value = record.ident()
        if value in seen:
            raise record.fail("id", f"{value!r} is already the id of the {what} at line {seen[value]}")
        seen[value] = record.fields["id"][0]
        ids.append(value)
    return ids


def _check(record: _Map | None) -> Check | None:
    if record is None:
        return None
    kind = record.choice("kind", CHECK_KEYS, required=True)
    assert kind is not None
    required, optional = CHECK_KEYS[kind]
    record.allow(key for key in _CHECK_ORDER if key == "kind" or key in required or key in optional)
    for key in sorted(required):
        if record.node(key) is None:
            raise record.fail(key, f"is required by a {kind} check")
    check: Check = {"kind": kind}
    for key in (key for key in _CHECK_ORDER if key in required or key in optional):
        value = _check_value(record, key)
        if value is not None:
            check[key] = value
    if "since" in check and "until" in check and check["until"] < check["since"]:
        raise record.fail("until", f"{check['until']} is before since ({check['since']})")
    return check


def _check_value(record: _Map, key: str) -> object:
    if key in ("dyad", "with"):
        return record.dyad(key)
    if key in ("first", "before"):
        return [body for _line, body in record.texts(key, required=True)]
    if key in ("since", "until"):
        return record.day(key)
    if key in ("max_p", "min_probability"):
        return record.number(key)
    if key == "window":
        return record.integer(key, 0)
    if key == "min":
        return record.integer(key, 1)
    if key == "quad_class":
        return record.integer(key, 1, 4)
    if key == "plover":
        return record.choice(key, sorted(plover_categories()))
    if key == "phase_kind":
        return record.choice(key, PHASE_KINDS)
    return record.text(key)


def _hypotheses(top: _Map) -> tuple[Hypothesis, ...]:
    maps = top.maps("hypotheses")
    ids = _ids(maps, "hypothesis")
    observables = [observable for record in maps for observable in record.maps("observables")]
    _ids(observables, "observable")
    hypotheses = tuple(_hypothesis(record, set(ids)) for record in maps)
    parents = {h.id: h.nested_in for h in hypotheses}
    for record, hypothesis in zip(maps, hypotheses):
        parent = hypothesis.nested_in
        while parent is not None:
            if parent == hypothesis.id:
                raise record.fail("nested_in", f"{hypothesis.id} ends up nested in itself")
            parent = parents[parent]
    return hypotheses


def _hypothesis(record: _Map, known: set[str]) -> Hypothesis:
    record.allow(("id", "title", "description", "observables", "overlaps", "nested_in"))
    own = record.ident()
    others = known - {own}
    overlaps = []
    for line, other in record.texts("overlaps"):
        if other not in others:
            raise record.fail("overlaps", f"{other!r} is not another hypothesis of this file", line)
        overlaps.append(other)
    nested_in = record.text("nested_in")
    if nested_in is not None and nested_in not in others:
        raise record.fail("nested_in", f"{nested_in!r} is not another hypothesis of this file")
    return Hypothesis(
        id=own,
        title=record.text("title", required=True) or "",
        description=record.text("description"),
        observables=tuple(_observable(observable) for observable in record.maps("observables")),
        overlaps=tuple(overlaps),
        nested_in=nested_in,
    )


def _observable(record: _Map) -> Observable:
    record.allow(("id", "text", "check"))
    return Observable(record.ident(), record.text("text", required=True) or "", _check(record.mapping("check")))


def _evidence(top: _Map, hypotheses: set[str]) -> tuple[tuple[Evidence, ...], dict[tuple[str, str], str]]:
    maps = top.maps("evidence")
    _ids(maps, "evidence item")
    items, ratings = [], {}
    for record in maps:
        record.allow(("id", "kind", "ref", "description", "source", "citation", "relevance", "date", "ratings"))
        kind = record.choice("kind", EVIDENCE_KINDS, required=True)
        relevance = record.number("relevance")
        item = Evidence(
            id=record.ident(),
            kind=kind or "",
            description=record.text("description", required=True) or "",
            ref=record.text("ref", required=kind in ("event", "document")),
            source=record.text("source"),
            citation=record.text("citation"),
            relevance=1.0 if relevance is None else relevance,
            date=record.day("date"),
        )
        items.append(item)
        table = record.mapping("ratings")
        if table is None:
            continue
        for hypothesis in table.fields:
            if hypothesis not in hypotheses:
                raise table.fail(hypothesis, f"{hypothesis!r} is not a hypothesis of this file")
            ratings[item.id, hypothesis] = table.choice(hypothesis, RATINGS, required=True) or ""
    return tuple(items), ratings


def _premise(record: _Map) -> Premise:
    record.allow(("id", "claim", "check", "status_hint"))
    return Premise(
        id=record.ident(),
        claim=record.text("claim", required=True) or "",
        check=_check(record.mapping("check")),
        status_hint=record.choice("status_hint", PREMISE_STATUSES),
    )


def _forecast(record: _Map) -> ForecastSpec:
    record.allow(("id", "question", "criteria", "criteria_query", "created", "deadline", "probability",
                  "confidence", "analyst", "updates", "resolution"))
    created = record.day("created", required=True)
    deadline = record.day("deadline", required=True)
    assert created is not None and deadline is not None
    if deadline < created:
        raise record.fail("deadline", f"{deadline} is before the forecast was made ({created})")
    updates = tuple(_updates(record, created))
    resolution = _resolution(record.mapping("resolution"), updates[-1].date if updates else created)
    return ForecastSpec(
        id=record.ident(),
        question=record.text("question", required=True) or "",
        criteria=record.text("criteria", required=True) or "",
        created=created,
        deadline=deadline,
        probability=record.number("probability", required=True) or 0.0,
        confidence=record.choice("confidence", CONFIDENCES, required=True) or "",
        criteria_query=_check(record.mapping("criteria_query")),
        analyst=record.text("analyst"),
        updates=updates,
        resolution=resolution,
    )


def _updates(record: _Map, created: date) -> Iterator[ForecastUpdate]:
    last = created
    for update in record.maps("updates"):
        update.allow(("date", "probability", "confidence", "note"))
        day = update.day("date", required=True)
        assert day is not None
        if day < last:
            problem = "before the forecast was made" if last == created else "before the previous update"
            raise update.fail("date", f"{day} is {problem} ({last})")
        last = day
        yield ForecastUpdate(
            date=day,
            probability=update.number("probability", required=True) or 0.0,
            confidence=update.choice("confidence", CONFIDENCES, required=True) or "",
            note=update.text("note"),
        )


def _resolution(record: _Map | None, latest: date) -> Resolution | None:
    if record is None:
        return None
    record.allow(("date", "outcome", "note"))
    day = record.day("date", required=True)
    assert day is not None
    if day < latest:
        raise record.fail("date", f"{day} is before the forecast was made or last updated ({latest})")
    return Resolution(day, record.flag("outcome"), record.text("note"))


def parse_assessment(text: str, path: str | Path = "<assessment>") -> Assessment:
    """The assessment in a YAML text; ``path`` names it in errors."""
    top = _Map(str(path), _compose(str(path), text), "")
    top.allow(_TOP_KEYS)
    own, question, dyad = top.ident(), top.text("question", required=True), top.dyad("dyad", required=True)
    created, analyst = top.day("created", required=True), top.text("analyst", required=True)
    assert question is not None and dyad is not None and created is not None and analyst is not None
    hypotheses = _hypotheses(top)
    evidence, ratings = _evidence(top, {h.id for h in hypotheses})
    premises = top.maps("premises")
    _ids(premises, "premise")
    forecasts = top.maps("forecasts")
    _ids(forecasts, "forecast")
    return Assessment(
        id=own,
        question=question,
        dyad=dyad,
        created=created,
        analyst=analyst,
        as_of=top.day("as_of"),
        hypotheses=hypotheses,
        evidence=evidence,
        ratings=ratings,
        premises=tuple(_premise(record) for record in premises),
        forecasts=tuple(_forecast(record) for record in forecasts),
        notes=top.text("notes"),
    )


def read_assessment(path: str | Path) -> Assessment:
    """The assessment in a YAML file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AssessmentFileError(str(path), None, None, f"cannot be read: {error}") from None
    return parse_assessment(text, path)


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks and never uses anchors, for readable diffs."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """The fields worth writing: not None, not an empty list or mapping."""
    return {key: value for key, value in values.items() if value is not None and value != [] and value != {}}


def _plain_check(check: Check | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {key: list(check[key]) if isinstance(check[key], (list, tuple)) else check[key]
            for key in _CHECK_ORDER if key in check}


def _plain_forecast(forecast: ForecastSpec) -> dict[str, Any]:
    resolution = forecast.resolution
    return _compact({
        "id": forecast.id, "question": forecast.question, "criteria": forecast.criteria,
        "criteria_query": _plain_check(forecast.criteria_query), "created": forecast.created,
        "deadline": forecast.deadline, "probability": forecast.probability, "confidence": forecast.confidence,
        "analyst": forecast.analyst,
        "updates": [_compact({"date": u.date, "probability": u.probability, "confidence": u.confidence,
                              "note": u.note}) for u in forecast.updates],
        "resolution": None if resolution is None else _compact({"date": resolution.date, "outcome": resolution.outcome,
                                                                 "note": resolution.note}),
    })


def dump_assessment(assessment: Assessment) -> str:
    """The YAML text of an assessment, in the layout and key order ``parse_assessment`` reads."""
    hypotheses = [h.id for h in assessment.hypotheses]
    evidence = {e.id for e in assessment.evidence}
    stray = [pair for pair in assessment.ratings if pair[0] not in evidence or pair[1] not in hypotheses]
    if stray:
        raise ValueError(f"ratings name unknown evidence or hypotheses: {stray}")
    document = _compact({
        "id": assessment.id, "question": assessment.question, "dyad": assessment.dyad,
        "created": assessment.created, "analyst": assessment.analyst, "as_of": assessment.as_of,
        "notes": assessment.notes,
        "hypotheses": [_compact({
            "id": h.id, "title": h.title, "description": h.description, "overlaps": list(h.overlaps),
            "nested_in": h.nested_in,
            "observables": [_compact({"id": o.id, "text": o.text, "check": _plain_check(o.check)})
                            for o in h.observables],
        }) for h in assessment.hypotheses],
        "evidence": [_compact({
            "id": e.id, "kind": e.kind, "ref": e.ref, "description": e.description, "source": e.source,
            "citation": e.citation, "relevance": e.relevance, "date": e.date,
            "ratings": {h: assessment.ratings[e.id, h] for h in hypotheses if (e.id, h) in assessment.ratings},
        }) for e in assessment.evidence],
        "premises": [_compact({"id": p.id, "claim": p.claim, "check": _plain_check(p.check),
                               "status_hint": p.status_hint}) for p in assessment.premises],
        "forecasts": [_plain_forecast(f) for f in assessment.forecasts],
    })
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
