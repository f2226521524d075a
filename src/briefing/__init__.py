"""briefing: a day's Chinese news articles -> a government-style briefing (简报)."""

__version__ = "0.1.0"
