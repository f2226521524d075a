"""The one error a reader raises: a source that cannot be used, with a one-line reason."""


class SourceError(Exception):
    """A source that cannot be used; the message says why (and, where it can, what to do)."""
