"""Size caps and timeouts that every reader works within."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import SourceSettings

DEFAULT_MAX_MB = 20
DEFAULT_FEED_MAX_MB = 10
DEFAULT_FEED_TIMEOUT = 15.0
# A .docx is a zip: what it may expand to, as a multiple of the file size cap (against zip bombs;
# text-heavy Word XML compresses about 5-10x, so a real file stays far below unless it is huge).
EXPANSION = 5
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = DEFAULT_MAX_MB * MB
    feed_max_bytes: int = DEFAULT_FEED_MAX_MB * MB
    feed_timeout_seconds: float = DEFAULT_FEED_TIMEOUT

    @property
    def max_unzipped_bytes(self) -> int:
        return self.max_file_bytes * EXPANSION

    @classmethod
    def from_settings(cls, settings: SourceSettings | None) -> Limits:
        if settings is None:
            return cls()
        return cls(
            max_file_bytes=int(settings.max_file_mb * MB),
            feed_max_bytes=int(settings.feed_max_mb * MB),
            feed_timeout_seconds=float(settings.feed_timeout_seconds),
        )
