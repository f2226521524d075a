"""Time the build of the bundled sample: per stage, and the whole cold CLI build.

Run by hand (figures vary with the machine; nothing here is a test):

    python benchmarks/bench_build.py [--runs 5]

Prints the median of each stage (from the manifest's timings), the median wall time of a cold
`briefing build` in a new process (DOCX + PDF), the PDF and DOCX sizes, the peak memory of the
build process, and, when LibreOffice is installed, the median time of
`soffice --headless --convert-to pdf` on the same DOCX, alternated with our build, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from measure import measured  # noqa: E402


def cold_build(folder: Path, date: str) -> tuple[float, dict, int]:
    """One `briefing build` in a new process: (seconds, manifest, peak RSS in KiB)."""
    seconds, manifest, peak = measured([sys.executable, "-m", "briefing", "build", "--date", date, "--json"], folder)
    return seconds, json.loads(manifest), peak


def soffice_convert(docx: Path, folder: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    # its own profile, made by a first conversion before the timed ones: LibreOffice at its best
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    start = time.perf_counter()
    subprocess.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    walls, libre, stages, peak = [], [], {}, 0
    manifest = {}
    for run in range(args.runs):
        wall, manifest, build_peak = cold_build(work, f"2026-11-{run + 1:02d}")
        peak = max(peak, build_peak)
        walls.append(wall)
        for stage, ms in manifest["timings_ms"].items():
            stages.setdefault(stage, []).append(ms)
        folder = work / "out" / f"2026-11-{run + 1:02d}-daily-{run + 1}"
        if run == 0:
            soffice_convert(folder / manifest["outputs"]["docx"], work / "soffice")  # makes its profile
        converted = soffice_convert(folder / manifest["outputs"]["docx"], work / "soffice")
        if converted is not None:
            libre.append(converted)
    folder = next((work / "out").glob(f"2026-11-{args.runs:02d}-*"))
    pdf = folder / manifest["outputs"]["pdf"]
    docx = folder / manifest["outputs"]["docx"]
    print(f"sample build, {args.runs} runs (medians)")
    for stage, values in stages.items():
        print(f"  stage {stage:10} {statistics.median(values):8.0f} ms")
    print(f"  in-process total   {sum(statistics.median(v) for v in stages.values()):8.0f} ms")
    print(f"  cold CLI build     {statistics.median(walls) * 1000:8.0f} ms  (new process, DOCX + PDF)")
    if libre:
        ratio = statistics.median(walls) / statistics.median(libre)
        print(f"  soffice → pdf      {statistics.median(libre) * 1000:8.0f} ms  (LibreOffice, same DOCX)")
        print(f"  ratio ours/soffice {ratio:8.2f}")
    else:
        print("  soffice → pdf      (LibreOffice not installed; skipped)")
    print(f"  PDF size           {pdf.stat().st_size / 1024:8.0f} KiB  ({len(manifest['sections'])} sections)")
    print(f"  DOCX size          {docx.stat().st_size / 1024:8.0f} KiB")
    print(f"  peak memory        {peak / 1024:8.0f} MiB  (the build's largest process)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
