"""The approvers' notice: an issue waits for them — a link to it in the console and its PDF.

Best effort, once per revision (the ledger's review record says who was told): a notice that
cannot go says why in the run's record and the console, and never holds up the build. It goes
through the same checks and connection as every send (smtp.check_settings, smtp.connect: no
password in clear text), but not through the outbox: approvers are not the issue's recipients.
"""

from __future__ import annotations

import logging
from email.utils import parseaddr

from ..config import Config
from ..errors import BriefingError
from ..ledger import Ledger
from ..model import StoredIssue
from .message import review_message
from .smtp import ConnectionProblem, LostBeforeHandover, Reply, check_settings, close_quietly, connect, transmit

log = logging.getLogger("briefing.deliver")

APPROVING_ROLES = ("approver", "admin")  # the console's roles that may approve an issue


def approver_addresses(config: Config, ledger: Ledger) -> list[str]:
    """Users who may approve and have an e-mail address, and [review] notify."""
    found = [u.email for u in ledger.users() if u.email and set(u.roles) & set(APPROVING_ROLES)]
    return list(dict.fromkeys([*found, *config.review.notify]))


def console_link(config: Config, stored: StoredIssue) -> str:
    base = config.web.public_url or f"http://{config.web.listen or '127.0.0.1:8080'}"
    return f"{base.rstrip('/')}/issues/{stored.id}"


def notify_approvers(config: Config, ledger: Ledger, stored: StoredIssue) -> tuple[list[str], str | None]:
    """Mail each approver a link to the issue and its PDF: (who was told, why not everyone).

    The settings are checked as for every send (delivery.smtp.check_settings: the server, the
    sender, the password, no login in clear text); what they lack is why nobody was told."""
    addresses = approver_addresses(config, ledger)
    if not addresses:
        return [], ("no approver has an e-mail address; add one with `briefing user add NAME --role approver "
                    "--email ADDRESS` or set [review] notify")
    try:
        check_settings(config, addresses)
        smtp = connect(config)
    except BriefingError as exc:
        return [], str(exc)
    except ConnectionProblem as problem:
        return [], problem.reply
    sender = parseaddr(config.delivery.from_)[1]
    link = console_link(config, stored)
    told, problems = [], []
    try:
        for address in addresses:
            try:
                message = review_message(stored, address, config.delivery.from_, link, config.briefing.timezone)
                result = transmit(smtp, sender, address, message.as_bytes(), lambda: None)
            except BriefingError as exc:  # the PDF is not a plain file of the issue folder
                problems.append(str(exc))
                break
            except LostBeforeHandover as lost:
                problems.append(f"{address}: {lost}")
                break
            if result.status == Reply.ACCEPTED:
                told.append(address)
            else:
                problems.append(f"{address}: {result.reply}")
    finally:
        close_quietly(smtp)
    for problem in problems:
        log.warning("%s: approver not told: %s", stored.id, problem)
    return told, "; ".join(problems) or None
