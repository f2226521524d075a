"""`briefing init`: a commented starter briefing.toml and an inbox folder."""

from __future__ import annotations

from pathlib import Path

from .build import UsageError
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
paths = ["inbox/"]              # files or folders (read recursively): .txt and .md for now

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
'''


def write_starter(directory: Path) -> list[Path]:
    config = directory / CONFIG_NAME
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
