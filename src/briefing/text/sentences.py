"""Chinese sentence splitting.

A sentence ends at 。！？ (or ASCII ! ? after them), keeping any closing quotes and brackets
with it. It does not end at …, at commas, or at the dot in 5.95.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^。！？!?]*?(?:[。！？!?]+[”’」』）》\"']*|$)")
TERMINALS = "。！？!?…”’」』"


def split_sentences(text: str) -> list[str]:
    sentences = []
    for match in _SENTENCE.finditer(text):
        piece = match.group(0).strip()
        if piece:
            sentences.append(piece)
    return sentences


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in "”’」』）)》":
        inner = text.rstrip("”’」』）)》")
        return bool(inner) and inner[-1] in "。！？!?…"
    return text[-1] in "。！？!?…"
