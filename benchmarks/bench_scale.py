"""How the build grows with the day's intake: 6 articles (the sample), 500, 5,000.

Run by hand (figures vary with the machine; nothing here is a test):

    python benchmarks/bench_scale.py [--sizes 500,5000] [--runs 3]

A day of feeds is made from the development set and the bundled sample: each story arrives
several times — from other outlets word for word, with its punctuation and a paragraph changed,
or as a short wire version inside the paper's fuller one — among distinct stories put together
from the paragraphs of different articles. It is written as one JSON Lines feed file and built
in a new process, DOCX + PDF, as `briefing build` would. Prints the wall time of each size, its
ratio to the sample build, the stages from the manifest, the dedup groups found against those
planted, and the peak memory of the build process.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from measure import measured  # noqa: E402

DEVSET = REPO / "benchmarks" / "devset" / "articles.jsonl"
OUTLETS = ["北京日报", "科技日报", "人民日报", "新华社", "光明日报", "经济日报", "中国青年报", "工人日报"]


def base_stories() -> list[dict]:
    stories = []
    for line in DEVSET.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paragraphs = [p for p in record["text"].split("\n") if p.strip()]
        if len(paragraphs) >= 2:
            stories.append({"title": record["title"], "paragraphs": paragraphs})
    return stories


def variant(story: dict, kind: str, rng: random.Random) -> dict:
    paragraphs = list(story["paragraphs"])
    if kind == "edited":  # punctuation and one paragraph changed, as another desk would
        paragraphs = [p.replace("，", ",", 1) for p in paragraphs]
        if len(paragraphs) > 2:
            paragraphs.pop(rng.randrange(1, len(paragraphs)))
    elif kind == "wire" and len(paragraphs) > 2:  # the short version inside the fuller one
        paragraphs = paragraphs[:2]
    return {"title": story["title"], "text": "\n".join(paragraphs), "source": rng.choice(OUTLETS)}


def day_of_feeds(size: int, seed: int = 7) -> tuple[list[dict], int]:
    """`size` articles and the number of distinct stories among them."""
    rng = random.Random(seed)
    bases = base_stories()
    sentences = [s for story in bases for p in story["paragraphs"] for s in p.split("。") if len(s) > 12]
    stories = list(bases)
    while len(stories) < max(len(bases), size // 4):  # one story in four arrives more than once
        # a distinct story: sentences drawn from all the articles, each marked with the story's
        # number, so that no two stories (and no story and an article) share long passages
        number = len(stories)
        paragraphs = ["".join(f"{s[:len(s) // 2]}（{number}）{s[len(s) // 2:]}。" for s in rng.sample(sentences, 2))
                      for _ in range(3)]
        stories.append({"title": f"综合消息{number}", "paragraphs": paragraphs})
    articles: list[dict] = []
    used = 0
    for story in stories:
        if len(articles) >= size:
            break
        used += 1
        articles.append(variant(story, "same", rng))
        for kind in rng.sample(["same", "edited", "wire"], k=rng.randint(0, 3)):
            if len(articles) < size:
                articles.append(variant(story, kind, rng))
    rng.shuffle(articles)
    return articles[:size], used


def build(folder: Path, source: Path | None, date: str) -> tuple[float, dict, int]:
    args = [sys.executable, "-m", "briefing", "build", "--date", date, "--json"]
    if source is not None:
        args.insert(4, str(source))
    seconds, manifest, peak = measured(args, folder)
    return seconds, json.loads(manifest), peak


def median_builds(folder: Path, sources: list[Path | None], runs: int) -> list[tuple[float, dict, int]]:
    """The median build of each source, the sources built in turn within each run: a shared
    machine's slow minute then slows every size alike instead of one (the ratios stay honest)."""
    results: list[list[tuple[float, dict, int]]] = [[] for _ in sources]
    for run in range(runs):
        for kept, source in zip(results, sources):
            kept.append(build(folder, source, f"2026-11-{10 + run:02d}"))
    return [sorted(kept, key=lambda r: r[0])[len(kept) // 2] for kept in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as scratch:
        folder = Path(scratch)
        sizes = [int(s) for s in args.sizes.split(",")]
        feeds: list[Path | None] = [None]
        planted = {}
        for size in sizes:
            articles, planted[size] = day_of_feeds(size)
            feed = folder / f"day-{size}.jsonl"
            feed.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n", encoding="utf-8")
            feeds.append(feed)
        (sample_seconds, manifest, _), *scaled = median_builds(folder, feeds, args.runs)
        print(f"sample (6 articles): {sample_seconds:.2f} s   stages {manifest['timings_ms']}")
        for size, (seconds, manifest, peak) in zip(sizes, scaled):
            kept = sum(1 for a in manifest["articles"] if a["status"] != "duplicate")
            print(f"{size} articles: {seconds:.2f} s = {seconds / sample_seconds:.1f}x the sample; "
                  f"{kept} stories kept of {planted[size]} planted; peak RSS {peak / 1024:.0f} MiB")
            print(f"   stages {manifest['timings_ms']}")
            print(f"   per stage, ms per article: " + ", ".join(
                f"{k} {v / size:.2f}" for k, v in manifest["timings_ms"].items() if k in (
                    "read", "clean", "dedup", "classify", "summarize")))


if __name__ == "__main__":
    main()
