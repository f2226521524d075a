"""Download one feed or page over http(s): with a deadline, a size cap and nothing but http(s).

urllib's default opener also speaks file:// and ftp:// and follows a redirect to ftp://; this one
has only the HTTP handlers and follows redirects to http(s) only. TLS is verified (the default
context). The timeout is a deadline for the whole download, not only for each socket read, so a
server that trickles bytes cannot hold the build.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from .. import __version__
from .errors import SourceError

CHUNK = 64 * 1024
USER_AGENT = f"briefing/{__version__} (+feed reader)"


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise SourceError(f"redirected to {newurl!r}, which is not an http(s) address; not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                    _HttpOnlyRedirects(), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def fetch(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str]:
    """The body and its Content-Type, or SourceError saying in one line what went wrong."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    try:
        with _opener().open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise SourceError(_too_large(max_bytes, f"{int(length) / 2**20:.1f} MB"))
            body = bytearray()
            while chunk := response.read1(CHUNK):  # what has arrived: the deadline is checked often
                body += chunk
                if len(body) > max_bytes:
                    raise SourceError(_too_large(max_bytes, "more"))
                if time.monotonic() > deadline:
                    raise SourceError(_timed_out(timeout))
            return bytes(body), response.headers.get("Content-Type", "")
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        raise SourceError(f"the server answered HTTP {exc.code} {exc.reason}")
    except (TimeoutError, socket.timeout):
        raise SourceError(_timed_out(timeout))
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise SourceError(_timed_out(timeout))
        raise SourceError(f"cannot fetch: {getattr(reason, 'strerror', None) or reason}")
    except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, bad URL, TLS, cut short
        raise SourceError(f"cannot fetch: {exc}")


def _too_large(max_bytes: int, size: str) -> str:
    return f"too large to download ({size}; the limit is {max_bytes / 2**20:g} MB, [sources] feed_max_mb)"


def _timed_out(timeout: float) -> str:
    return f"no complete answer within {timeout:g} s ([sources] feed_timeout_seconds)"
