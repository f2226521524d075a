"""Write src/briefing/editorial/words.txt: jieba's dictionary without its rarest words, and
dictionary.json.gz: the same words as jieba's prefix dictionary, ready to load.

Run by hand when jieba's dictionary changes:  python tools/build_wordlist.py [--min-freq 50]

jieba builds its prefix dictionary from all 349,046 words of dict.txt on every start, which
costs half a second of every build. The words used fewer than 50 times in jieba's corpus add
little to splitting news text (the section lexicons are added as words anyway), and without
them the 52,178 words left load in 0.07 s (0.10 s at 20). benchmarks/bench_editorial.py measures
the effect on classification, titles and summaries (on the tune split and the development set
the figures at 50 and at 20 differ by less than 0.01); retrain the classifier
(tools/train_sections.py) after changing the list, since its features are these words.

jieba would still build its prefix dictionary (every word and every prefix of one) from
words.txt on each start, 0.06 s, or cache it as a marshal file in the shared temporary folder,
which anyone on the machine could plant. dictionary.json.gz holds that prefix dictionary, the
frequencies' total and each word's part of speech, and loads in 0.02 s; a test checks that it is
what words.txt gives.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import jieba

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from briefing.editorial.lexicon import DICTIONARY, dictionary_data  # noqa: E402

TARGET = Path(__file__).resolve().parent.parent / "src" / "briefing" / "editorial" / "words.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-freq", type=int, default=50)
    args = parser.parse_args()
    source = Path(jieba.__file__).parent / "dict.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line.split() and int(line.split()[1]) >= args.min_freq]
    TARGET.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(kept)} of {len(lines)} words (frequency ≥ {args.min_freq})")
    data = dictionary_data(TARGET.read_text(encoding="utf-8"))
    with gzip.GzipFile(DICTIONARY, "wb", mtime=0) as raw:  # mtime 0: the same words give the same bytes
        raw.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"{DICTIONARY}: {len(data['freq'])} words and their prefixes, {DICTIONARY.stat().st_size / 1024:.0f} kB")


if __name__ == "__main__":
    main()
