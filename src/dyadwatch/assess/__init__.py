"""Structured reasoning: assessments, hypotheses, ACH, premises and forecasts."""
