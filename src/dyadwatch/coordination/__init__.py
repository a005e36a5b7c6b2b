"""Was an escalation wave orchestrated or spontaneous? Measures of a wave's items and a calibrated probability.

``synchrony``, ``concentration``, ``lead_lag`` and ``uniformity`` (measures.py) are pure functions of the
wave's items (and the officials' statements); ``assess`` (combine.py) combines them with the logistic model in
``model.json``, fitted by ``benchmarks/coordination_streams.py``. ``InsufficientData`` says what cannot be judged.
"""

from dyadwatch.coordination.combine import (
    FEATURES,
    MIN_ITEMS,
    Assessment,
    LogisticModel,
    Measured,
    assess,
    check_wave,
    features,
    fit_logistic,
    load_model,
    measure,
)
from dyadwatch.coordination.errors import InsufficientData
from dyadwatch.coordination.measures import (
    Concentration,
    Edge,
    LeadLag,
    Pair,
    Statement,
    Synchrony,
    Uniformity,
    concentration,
    lead_lag,
    statements,
    synchrony,
    uniformity,
)

__all__ = [
    "FEATURES", "MIN_ITEMS", "Assessment", "Concentration", "Edge", "InsufficientData", "LeadLag", "LogisticModel",
    "Measured", "Pair", "Statement", "Synchrony", "Uniformity", "assess", "check_wave", "concentration", "features",
    "fit_logistic", "lead_lag", "load_model", "measure", "statements", "synchrony", "uniformity",
]
