"""Alerts: rules from ``[[alerts]]`` that fire on a dyad's phases, stories and tone, and their delivery."""

from dyadwatch.alerts.delivery import (
    DeliveryReport,
    DeliverySettings,
    Target,
    TargetReport,
    alert_line,
    deliver,
    parse_delivery,
    parse_target,
    parse_targets,
)
from dyadwatch.alerts.rules import (
    AlertRule,
    Coordinated,
    MaterialConflict,
    NewPhase,
    ToneDrop,
    WaveScore,
    alert_id,
    evaluate,
    normalize_dyad,
    parse_rules,
)

__all__ = [
    "AlertRule", "Coordinated", "WaveScore", "DeliveryReport", "DeliverySettings", "MaterialConflict", "NewPhase", "Target", "TargetReport",
    "ToneDrop", "alert_id", "alert_line", "deliver", "evaluate", "normalize_dyad", "parse_delivery", "parse_rules",
    "parse_target", "parse_targets",
]
