"""The failures a user can cause or fix, in one module below every stage.

Each carries the exit code the command line gives it, so the CLI needs one `except` for all
of them and no stage imports another stage only to raise its error. The message is the whole
story: it names the file or setting and says what to do.
"""

from __future__ import annotations

EXIT_FAILED = 1  # the build or send failed
EXIT_USAGE = 2  # bad usage or bad config


class BriefingError(Exception):
    """An expected failure: printed as one line, never as a traceback."""

    exit_code = EXIT_FAILED


class UsageError(BriefingError):
    """The request itself is wrong: a bad option, a missing file, no sources."""

    exit_code = EXIT_USAGE


class ConfigError(UsageError):
    """A mistake in briefing.toml (or the environment it names)."""


class DraftError(UsageError):
    """The file is not a briefing draft, or its structure cannot be read."""


class BuildError(BriefingError):
    """The build could not produce an issue."""


class PublishError(BriefingError):
    """An issue folder or its manifest cannot be written or read back."""


class ManifestError(PublishError):
    """A manifest.json that is missing, unreadable or not what briefing writes."""


class LedgerError(BriefingError):
    """The ledger in state_dir cannot be opened or used."""


class IssueBusy(LedgerError):
    """Another run holds the lock for this edition and date."""


class DeliveryError(BriefingError):
    """The issue could not be mailed."""


class FontError(BriefingError):
    """A font file is missing or unusable."""


class RenderError(BriefingError):
    """A document could not be rendered or written."""
