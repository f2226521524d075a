"""Chinese sentence splitting.

A sentence ends at 。！？ (or ASCII ! ? after them), keeping any closing quotes and brackets
with it. It does not end at …, at commas, or at the dot in 5.95. A quotation of several
sentences stays one sentence with the words around it, so a summary never opens a quote it
does not close; when the quotes in a paragraph do not pair up, they are not trusted. The
speaker named after a closing quote (“……。”肖寒指出。) belongs to the quotation's sentence.
"""

from __future__ import annotations

import re

TERMINALS = "。！？!?"
OPENING_QUOTES = "“‘「『"
CLOSING_QUOTES = "”’」』"
CLOSERS = CLOSING_QUOTES + "）)》\"'"  # what may follow a terminal and still belong to its sentence
# who said it, after the quotation: 肖寒指出。 重庆生物医药产业园相关负责人表示。 李妍感慨道。
ATTRIBUTION = re.compile(r"[^，。！？!?“”「」『』]{1,16}(?:指出|表示|说|介绍|强调|认为|称|坦言|透露|告诉记者|说道|补充道"
                         r"|回忆道|感慨道|笑着说)[。！!]")


def split_sentences(text: str) -> list[str]:
    pieces = _split(text, respect_quotes=True)
    if pieces is None:  # unbalanced quotes: split at every terminal instead
        pieces = _split(text, respect_quotes=False)
    sentences: list[str] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if sentences and sentences[-1].endswith(("”", "」", "』")) and ATTRIBUTION.fullmatch(piece):
            sentences[-1] += piece
        else:
            sentences.append(piece)
    return sentences


def _split(text: str, respect_quotes: bool) -> list[str] | None:
    pieces: list[str] = []
    start, depth, i = 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in OPENING_QUOTES:
            depth += 1
        elif ch in CLOSING_QUOTES:
            depth -= 1
        elif ch in TERMINALS:
            while i + 1 < len(text) and text[i + 1] in TERMINALS:
                i += 1
            while i + 1 < len(text) and text[i + 1] in CLOSERS:
                i += 1
                depth -= text[i] in CLOSING_QUOTES
            if depth <= 0 or not respect_quotes:
                pieces.append(text[start:i + 1])
                start, depth = i + 1, 0
        i += 1
    if respect_quotes and depth != 0:
        return None
    pieces.append(text[start:])
    return pieces


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in "”’」』）)》":
        inner = text.rstrip("”’」』）)》")
        return bool(inner) and inner[-1] in "。！？!?…"
    return text[-1] in "。！？!?…"
