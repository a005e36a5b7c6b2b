"""Forecasts kept in the database: the current state of each in ``forecasts``, every judgement in ``forecast_log``.

A forecast row holds the whole ``Forecast`` as JSON (``forecast_to_dict``, dates in ISO form) beside the
columns queries need (question, created, deadline, resolved, outcome). Each save appends one ``forecast_log``
row dated on the day the judgement or resolution applies to, so the log keeps every add, update and
resolution with who made it and why.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Any, Literal

import pandas as pd
from sqlalchemy import Engine, select

from dyadwatch.errors import InputError, QueryError
from dyadwatch.ledger.daily import daily_events
from dyadwatch.ledger.dyads import parse
from dyadwatch.ledger.service import source_facts_for
from dyadwatch.ledger.stories import Window
from dyadwatch.store.lock import writer_lock
from dyadwatch.store.schema import forecast_log as log_table
from dyadwatch.store.schema import forecasts as forecasts_table

from .forecasts import Forecast, ForecastUpdate, Resolution, propose_resolution

Action = Literal["add", "update", "resolve"]
LOG_COLUMNS = ["day", "action", "probability", "confidence", "analyst", "note", "recorded_at"]


def _judgement_to_dict(update: ForecastUpdate) -> dict[str, Any]:
    return {"date": update.date.isoformat(), "probability": update.probability, "confidence": update.confidence,
            "analyst": update.analyst, "note": update.note}


def forecast_to_dict(forecast: Forecast) -> dict[str, Any]:
    """A forecast as plain JSON values (dates in ISO form); ``forecast_from_dict`` reads it back."""
    resolution = forecast.resolution
    return {
        "id": forecast.id, "question": forecast.question, "resolution_criteria": forecast.resolution_criteria,
        "created": forecast.created.isoformat(), "deadline": forecast.deadline.isoformat(),
        "analyst": forecast.analyst, "probability": forecast.probability, "confidence": forecast.confidence,
        "criteria_query": None if forecast.criteria_query is None else dict(forecast.criteria_query),
        "updates": [_judgement_to_dict(update) for update in forecast.updates],
        "resolution": None if resolution is None else {
            "date": resolution.date.isoformat(), "outcome": resolution.outcome, "note": resolution.note,
            "evidence": list(resolution.evidence)},
    }


def forecast_from_dict(data: dict[str, Any]) -> Forecast:
    """The forecast ``forecast_to_dict`` wrote (validated like any forecast)."""
    resolution = data.get("resolution")
    return Forecast(
        id=data["id"], question=data["question"], resolution_criteria=data["resolution_criteria"],
        created=date.fromisoformat(data["created"]), deadline=date.fromisoformat(data["deadline"]),
        analyst=data["analyst"], probability=data["probability"], confidence=data["confidence"],
        criteria_query=data.get("criteria_query"),
        updates=tuple(ForecastUpdate(date.fromisoformat(u["date"]), u["probability"], u["confidence"],
                                     u["analyst"], u.get("note", "")) for u in data.get("updates", ())),
        resolution=None if resolution is None else Resolution(
            date.fromisoformat(resolution["date"]), bool(resolution["outcome"]), resolution.get("note", ""),
            tuple(resolution.get("evidence", ()))),
    )


def _log_values(forecast: Forecast, action: Action) -> tuple[date, float | None, str | None]:
    """The day, probability and confidence an action logs: the new judgement, or the resolution's day."""
    if action == "resolve":
        if forecast.resolution is None:
            raise ValueError(f"resolution: forecast {forecast.id} has none to log")
        return forecast.resolution.date, None, None
    judgement = forecast.judgements[-1]
    return judgement.date, judgement.probability, judgement.confidence


def save_forecast(engine: Engine, forecast: Forecast, action: Action, analyst: str, note: str,
                  *, assessment_id: str | None = None) -> None:
    """Store ``forecast`` (``add`` inserts a new id, ``update``/``resolve`` replace it) and log the action."""
    day, probability, confidence = _log_values(forecast, action)
    values = {"question": forecast.question, "data": json.dumps(forecast_to_dict(forecast), ensure_ascii=False),
              "created": forecast.created, "deadline": forecast.deadline,
              "resolved": forecast.resolution.date if forecast.resolution else None,
              "outcome": forecast.resolution.outcome if forecast.resolution else None}
    with writer_lock(engine), engine.begin() as connection:
        exists = connection.execute(
            select(forecasts_table.c.id).where(forecasts_table.c.id == forecast.id)).first() is not None
        if action == "add":
            if exists:
                raise InputError(f"id: a forecast {forecast.id!r} already exists; update or resolve it instead")
            connection.execute(forecasts_table.insert().values(id=forecast.id, assessment_id=assessment_id,
                                                               **values))
        else:
            if not exists:
                raise _unknown(forecast.id)
            connection.execute(forecasts_table.update().where(forecasts_table.c.id == forecast.id).values(**values))
        connection.execute(log_table.insert().values(
            forecast_id=forecast.id, action=action, day=day, probability=probability, confidence=confidence,
            analyst=analyst, note=note, recorded_at=datetime.now(timezone.utc)))


def _unknown(forecast_id: str) -> QueryError:
    return QueryError(f"no forecast {forecast_id!r}; `dyadwatch forecast list` shows the ids")


def load_forecasts(engine: Engine) -> list[Forecast]:
    """Every stored forecast, by deadline then id."""
    query = select(forecasts_table.c.data).order_by(forecasts_table.c.deadline, forecasts_table.c.id)
    with engine.connect() as connection:
        return [forecast_from_dict(json.loads(data)) for (data,) in connection.execute(query)]


def get_forecast(engine: Engine, forecast_id: str) -> Forecast:
    """The stored forecast ``forecast_id``; QueryError if there is none."""
    query = select(forecasts_table.c.data).where(forecasts_table.c.id == forecast_id)
    with engine.connect() as connection:
        data = connection.execute(query).scalar()
    if data is None:
        raise _unknown(forecast_id)
    return forecast_from_dict(json.loads(data))


def forecast_log(engine: Engine, forecast_id: str) -> pd.DataFrame:
    """Every logged action on ``forecast_id`` in the order recorded (``LOG_COLUMNS``); QueryError if unknown."""
    get_forecast(engine, forecast_id)
    query = (select(*(log_table.c[column] for column in LOG_COLUMNS))
             .where(log_table.c.forecast_id == forecast_id).order_by(log_table.c.id))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=LOG_COLUMNS)


def proposals(engine: Engine, today: date) -> list[tuple[Forecast, Resolution]]:
    """Proposed resolutions of the open query-based forecasts, from the stored events known on ``today``."""
    candidates = [(f, parse(str(f.criteria_query["dyad"]))) for f in load_forecasts(engine)
                  if f.criteria_query is not None and f.resolution is None]
    if not candidates:
        return []
    facts = source_facts_for(engine, Window(as_of=today))
    found = []
    with engine.connect() as connection:
        for forecast, dyad in candidates:
            window = Window(since=forecast.created, until=forecast.deadline, as_of=today)
            resolution = propose_resolution(forecast, daily_events(connection, dyad, window, facts), today=today)
            if resolution is not None:
                found.append((forecast, resolution))
    return found


def as_known_on(forecasts: list[Forecast], day: date) -> list[Forecast]:
    """The forecasts as they stood at the end of ``day``: made by then, with the updates and resolutions by then."""
    kept = []
    for forecast in forecasts:
        if forecast.created > day:
            continue
        resolution = forecast.resolution if forecast.resolution and forecast.resolution.date <= day else None
        kept.append(replace(forecast, updates=tuple(u for u in forecast.updates if u.date <= day),
                            resolution=resolution))
    return kept
