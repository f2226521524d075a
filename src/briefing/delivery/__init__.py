"""Email delivery of a built issue: SMTP over verified TLS, one message per recipient, an outbox
in the ledger so that each recipient gets each issue exactly once.

`outbox.send_issue(config, issue_dir)` is the one entry point; `briefing send`, `build --send`,
the scheduled runs and `publish --send` all call it. `release.issue_to_mail` is the one place
that decides which issue of an edition and date recipients get.

The modules, in the order a send uses them:

- release.py  which issue of a date goes out (the one already mailed, the editor's final, or a new build)
- ready.py    the issue folder read back and checked: a failed or empty issue is never mailed
- message.py  who gets what, and the message itself (subject, bodies, attachments, Message-ID)
- smtp.py     the connection (verified TLS, login) and one SMTP transaction, told apart exactly:
              lost before the final dot (never arrived) or after it (may have arrived)
- outbox.py   the outbox loop: pending -> sending -> sent | failed | unknown, retries with backoff
- notices.py  the approvers' notice that an issue waits for them (best effort, once per revision)
"""
