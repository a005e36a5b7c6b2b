"""Assessments in a workspace: stored as their YAML, scored by ACH, their observables and premises checked.

Evidence credibility comes from the source registry (`credibility` of the evidence's `source`: high 1.0,
medium 0.7, low 0.4; unknown or unnamed sources 0.7). With ``as_of`` only evidence dated on or before that
day is scored (undated items are left out: they may be hindsight), and every check reads only what was
published and known by then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from dyadwatch.errors import QueryError
from dyadwatch.registry import Registry
from dyadwatch.store.lock import writer_lock
from dyadwatch.store.schema import assessments

from . import ach
from .checks import CheckResult, run_check
from .files import dump_assessment, parse_assessment, read_assessment
from .forecasts import Forecast, ForecastUpdate, Resolution
from .model import Assessment

CREDIBILITY_WEIGHTS = {"high": 1.0, "medium": 0.7, "low": 0.4}
UNKNOWN_CREDIBILITY = 0.7  # a source the registry does not rate, or evidence without a source


def store_assessment(engine: Engine, assessment: Assessment) -> bool:
    """Insert or replace by id; returns whether anything changed."""
    text = dump_assessment(assessment)
    with writer_lock(engine), engine.begin() as connection:
        stored = connection.execute(select(assessments.c.yaml).where(assessments.c.id == assessment.id)).scalar()
        if stored == text:
            return False
        row = {"question": assessment.question, "dyad": assessment.dyad, "yaml": text,
               "updated_at": datetime.now(timezone.utc)}
        if stored is None:
            connection.execute(assessments.insert().values(id=assessment.id, **row))
        else:
            connection.execute(assessments.update().where(assessments.c.id == assessment.id).values(**row))
    return True


def import_assessment(engine: Engine, path: Path) -> tuple[Assessment, bool]:
    assessment = read_assessment(path)
    return assessment, store_assessment(engine, assessment)


def load_assessment(engine: Engine, ident: str) -> Assessment:
    with engine.connect() as connection:
        text = connection.execute(select(assessments.c.yaml).where(assessments.c.id == ident)).scalar()
    if text is None:
        raise QueryError(f"No assessment {ident!r}. List them with 'dyadwatch assess list'.")
    return parse_assessment(text, f"assessment {ident}")


def list_assessments(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        rows = connection.execute(select(assessments.c.id, assessments.c.question, assessments.c.dyad,
                                         assessments.c.updated_at).order_by(assessments.c.id)).mappings().all()
    return [dict(r) for r in rows]


def credibilities(engine: Engine, as_of: date | None) -> dict[str, float]:
    """Each registry source's credibility weight on ``as_of`` (today when None)."""
    return {row["name"]: CREDIBILITY_WEIGHTS.get(str(row.get("credibility")), UNKNOWN_CREDIBILITY)
            for row in Registry(engine).table(as_of)}


def score(engine: Engine, assessment: Assessment, as_of: date | None = None) -> ach.AchResult:
    """ACH over the evidence known by ``as_of`` (all when None), weighted by credibility and relevance."""
    known = [e for e in assessment.evidence if as_of is None or (e.date is not None and e.date <= as_of)]
    hypotheses = [ach.Hypothesis(h.id, h.title, h.overlaps, h.nested_in) for h in assessment.hypotheses]
    rated = credibilities(engine, as_of)
    evidence = [ach.Evidence(e.id, e.description, rated.get(e.source or "", UNKNOWN_CREDIBILITY), e.relevance)
                for e in known]
    ids = {e.id for e in known}
    ratings = {key: value for key, value in assessment.ratings.items() if key[0] in ids}
    return ach.assess(hypotheses, evidence, ratings)


@dataclass(frozen=True)
class CheckedItem:
    kind: str
    owner: str
    id: str
    text: str
    result: CheckResult

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "owner": self.owner, "id": self.id, "text": self.text, **self.result.to_dict()}


def check(engine: Engine, assessment: Assessment, as_of: date | None = None) -> list[CheckedItem]:
    """Every observable and premise with a check, run against the record as known by ``as_of``."""
    out = []
    for hypothesis in assessment.hypotheses:
        for observable in hypothesis.observables:
            if observable.check:
                out.append(CheckedItem("observable", hypothesis.id, observable.id, observable.text,
                                       run_check(engine, observable.check, as_of)))
    for premise in assessment.premises:
        if premise.check:
            out.append(CheckedItem("premise", "", premise.id, premise.claim, run_check(engine, premise.check, as_of)))
    return out


def forecasts_of(assessment: Assessment) -> list[Forecast]:
    """The assessment's forecasts as scorable records (an unsigned forecast is the assessment analyst's)."""
    out = []
    for spec in assessment.forecasts:
        analyst = spec.analyst or assessment.analyst
        query = None
        if spec.criteria_query:
            query = {("plover_category" if k == "plover" else "min_events" if k == "min" else k): v
                     for k, v in spec.criteria_query.items() if k not in ("kind", "since", "until")}
        out.append(Forecast(
            id=spec.id, question=spec.question, resolution_criteria=spec.criteria, created=spec.created,
            deadline=spec.deadline, analyst=analyst, probability=spec.probability, confidence=spec.confidence,
            criteria_query=query,
            updates=tuple(ForecastUpdate(u.date, u.probability, u.confidence, analyst, u.note or "")
                          for u in spec.updates),
            resolution=Resolution(spec.resolution.date, spec.resolution.outcome, spec.resolution.note or "")
            if spec.resolution else None))
    return out


@dataclass(frozen=True)
class Flag:
    """An observable (or premise: ``hypothesis`` is "premise") whose verdict or items changed: to review."""

    hypothesis: str
    observable: str
    text: str
    then: CheckResult
    now: CheckResult

    @property
    def new_items(self) -> list[str]:
        return [item for item in self.now.items if item not in self.then.items]

    def to_dict(self) -> dict[str, Any]:
        return {"hypothesis": self.hypothesis, "observable": self.observable, "text": self.text,
                "then": self.then.verdict, "now": self.now.verdict, "found": self.now.found,
                "new_items": self.new_items}


def review(engine: Engine, assessment: Assessment, since: date | None = None) -> list[Flag]:
    """Observables and premises whose check reads differently now than on ``since`` (default: newest evidence)."""
    dated = [e.date for e in assessment.evidence if e.date is not None]
    day = since or max([assessment.created, *dated])
    checked = [(h.id, o.id, o.text, o.check) for h in assessment.hypotheses for o in h.observables]
    checked += [("premise", p.id, p.claim, p.check) for p in assessment.premises]
    flags = []
    for owner, ident, text, query in checked:
        if not query:
            continue
        then, now = run_check(engine, query, day), run_check(engine, query)
        if then.verdict != now.verdict or any(item not in then.items for item in now.items):
            flags.append(Flag(owner, ident, text, then, now))
    return flags
