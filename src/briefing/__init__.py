"""briefing: a day's Chinese news articles -> a government-style briefing (简报)."""

from .regex_compile import install as _remember_character_classes

__version__ = "0.1.0"

_remember_character_classes()  # before any module of the package compiles its patterns
