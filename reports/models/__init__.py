"""The report's models: its narrative (``narrative``), its sources (``sources``) and its cover (``cover``)."""

from .cover import CoverImage, CoverImageKind
from .narrative import (
    Acronym,
    AllianceObjective,
    Bilingual,
    Finding,
    FindingKind,
    Milestone,
    NarrativePart,
    NarrativeText,
    ObjectiveContribution,
    PublishedEdition,
    Stage,
)
from .sources import BibliographyEntry, Qualifier, RecordedFigure, WorkKind

__all__ = [
    "Acronym",
    "AllianceObjective",
    "BibliographyEntry",
    "Bilingual",
    "CoverImage",
    "CoverImageKind",
    "Finding",
    "FindingKind",
    "Milestone",
    "NarrativePart",
    "NarrativeText",
    "ObjectiveContribution",
    "PublishedEdition",
    "Qualifier",
    "RecordedFigure",
    "Stage",
    "WorkKind",
]
