"""How long one giant article takes to build: a single line of sentences, 100 KB up to 5 MB.

Run by hand (figures vary with the machine; nothing here is a test):

    python benchmarks/bench_long_article.py [--sizes 100,200,1000,5000] [--timeout 120]

Each size (in KB) is one `.txt` file holding a title and one line of on-topic sentences, built
with `briefing build FILE --formats docx,pdf` in a new process. Prints, per size, the wall time
(or that the build did not finish within --timeout, and was killed), the stage that took
longest, and the peak memory of the build. The work per article should grow no faster than its
length, and a build should finish well within the timeout at every size (issue 15, item 4).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "本市持续深化人才发展体制机制改革，新引进高层次人才三百余名。",
    "高技能人才队伍不断壮大，工匠人才培养体系日益完善。",
    "职称评审向一线倾斜，青年科技人才获得更多支持。",
    "各区搭建人才服务平台，为创新主体提供一站式服务。",
)

# the build runs in a wrapper that reports its children's peak memory (the PDF worker included)
WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "briefing", *sys.argv[1:]], capture_output=True, text=True)
print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr[-2000:],
                  "peak_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def giant_article(path: Path, kilobytes: int) -> int:
    text, index = [], 0
    size = 0
    while size < kilobytes * 1024:
        sentence = f"第{index}条：{SENTENCES[index % len(SENTENCES)]}"
        text.append(sentence)
        size += len(sentence.encode("utf-8"))
        index += 1
    path.write_text("# 一篇很长的人才工作报道\n\n" + "".join(text) + "\n", encoding="utf-8")
    return path.stat().st_size


def build(folder: Path, source: Path, timeout: float) -> tuple[float | None, dict]:
    """(seconds, manifest + peak memory), or (None, {}) when the build was killed at the timeout:
    the build and its worker run in a process group of their own, killed together."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", WRAPPER, "build", str(source), "--date", "2026-11-26",
                                "--json"], cwd=folder, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None, {}
    elapsed = time.perf_counter() - start
    result = json.loads(stdout)
    if result["code"]:
        sys.exit(f"build failed:\n{result['stderr']}")
    return elapsed, {**json.loads(result["stdout"]), "peak_kib": result["peak_kib"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,200,1000,5000", help="article sizes in KB, comma-separated")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a build is killed")
    args = parser.parse_args()
    print(f"{'size':>9}  {'wall':>9}  {'longest stage':<22}  {'peak memory':>11}")
    for kilobytes in (int(k) for k in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="briefing-long-"))
        size = giant_article(folder / "long.txt", kilobytes)
        elapsed, manifest = build(folder, folder / "long.txt", args.timeout)
        shutil.rmtree(folder, ignore_errors=True)
        if elapsed is None:
            print(f"{size / 1024:>7.0f} KB  {'> ' + format(args.timeout, 'g') + ' s':>9}  "
                  "did not finish: killed")
            continue
        stage, ms = max(manifest["timings_ms"].items(), key=lambda item: item[1])
        print(f"{size / 1024:>7.0f} KB  {elapsed:>7.2f} s  {stage + ' ' + format(ms / 1000, '.2f') + ' s':<22}  "
              f"{manifest['peak_kib'] / 1024:>8.0f} MiB")


if __name__ == "__main__":
    main()
