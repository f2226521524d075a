"""`briefing init`: a commented starter briefing.toml and an inbox folder."""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError
from .config import CONFIG_NAME

STARTER = '''\
# briefing.toml — settings for `briefing`. Every key is optional; delete what you do not need.
# Relative paths are resolved against the folder of this file.

[briefing]
title = "科技创新动态"          # masthead name, printed in red
issuer = "××办公室"             # 编印单位, left under the masthead
edition = "daily"               # name used in out/<date>-<edition>-<number>/
timezone = "Asia/Shanghai"      # "today" and schedules are in this time zone
output_dir = "out"
state_dir = ".briefing"         # SQLite ledger: issue numbers and builds
show_total = false              # print （总第M期） after 第N期
contents = true                 # print 本期要目 (a static list of item titles)

[sources]
paths = ["inbox/"]              # files or folders (read recursively): .txt .md .html .docx .jsonl, RSS/Atom
feeds = []                      # feed files or http(s):// feed URLs, e.g. ["https://example.gov/rss.xml"]
# allow_roots = ["/srv/shared"] # folders a symbolic link in the sources may lead to

[editorial]
summary_min_chars = 150         # summaries are whole sentences, about this long
summary_max_chars = 250
title_max_chars = 30
max_items_per_section = 5
min_score = 4.0                 # below this an article is off-topic and left out
empty_sections = "omit"         # or "placeholder" to print 本期暂无

# The six sections are built in; add keywords (weight 2) or weighted ones, or exclusions:
# [[sections]]
# id = "talent"                 # collaboration facilities standards biomedicine talent health
# title = "人才发展"
# keywords = ["人才", "工匠", "高技能"]     # or { "人才" = 2, "工匠" = 3 }
# exclude = ["招聘广告"]

[distribution]                  # the 报尾 at the end of the issue
bao = ["市委办公厅"]
song = ["市政府办公厅"]
fa = ["各区科委"]
copies = 60

[render]
item_title = "subheading"       # item titles in 楷体; "bold_body" for bold 仿宋
pdf_variant = ""                # "pdf/a-2b" for archiving
# docx_fonts = { body = "仿宋", subheading = "楷体" }   # where the _GB2312 fonts are not installed

# Editions and when they are built and mailed by `briefing serve` (cron, day names not numbers):
# [schedule]
# daily = "30 7 * * mon-fri"

[service]
misfire_grace_seconds = 3600    # a run missed (service down) by less than this still runs
lock_wait_seconds = 900         # a build waits this long for another run of the same issue

# Mail: the password comes only from the environment variable BRIEFING_SMTP_PASSWORD.
# [delivery]
# smtp = "smtps://mail.example.gov:465"   # implicit TLS; smtp://host:587 uses STARTTLS
# starttls = true                         # false only for a trusted local relay
# username = "briefing"
# ca_file = ""                            # extra CA bundle for an internal mail server
# from = "科技创新动态 <briefing@example.gov>"
# recipients = [
#   { email = "leader@example.gov", gets = ["pdf"] },
#   { email = "editor@example.gov", gets = ["docx", "pdf"] },
# ]

# The console (`briefing web`; `briefing serve` serves it too when listen is set), see docs/console.md.
# [web]
# listen = "127.0.0.1:8080"               # put a reverse proxy with TLS in front
# public_url = "https://briefing.example.gov"   # the link in approvers' mail
# [review]
# required = true                         # nothing reaches recipients before an approver approves it
'''


def write_starter(directory: Path, config: Path | None = None) -> list[Path]:
    """Write the starter config (to `config`, or DIRECTORY/briefing.toml) and an inbox beside it."""
    config = config or directory / CONFIG_NAME
    directory = config.parent
    inbox = directory / "inbox"
    if config.exists():
        raise UsageError(f"{config} already exists; edit it, or run `briefing init` in another folder")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        config.write_text(STARTER, encoding="utf-8")
        created = [config]
        if not inbox.exists():
            inbox.mkdir()
            created.append(inbox)
    except OSError as exc:
        raise UsageError(f"{directory}: cannot write the starter config ({exc.strerror})")
    return created
