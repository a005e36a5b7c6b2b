"""Actors: the registry (data files under ``actors/data``), inflection-aware matching and name discovery."""

from .model import Actor, Relation, Role, Side
from .registry import ActorRegistry, registry_with

__all__ = ["Actor", "ActorRegistry", "Relation", "Role", "Side", "registry_with"]
