#!/usr/bin/env python3
"""Build the bundled fonts in fonts/ from Debian packages.

Run by hand, not by the application or the tests:

    pip install 'fonttools>=4.50'             # weasyprint + pypdf only for --render-test
    python tools/build_fonts.py --download     # apt-get download the packages into a temporary
                                               # folder, unpack them there, build fonts/
    python tools/build_fonts.py                # the same from the installed packages
    python tools/build_fonts.py --verify-only --render-test

The roles (see fonts/README.md):

    title       FandolSong-Bold      stands in for 方正小标宋简体   texlive-lang-chinese
    heading     FandolHei-Regular    黑体                          texlive-lang-chinese
    subheading  FandolKai-Regular    楷体_GB2312                   texlive-lang-chinese
    body        FandolFang-Regular   仿宋_GB2312                   texlive-lang-chinese
    number      NotoSerifSC-Regular  宋体 (page numbers)            fonts-noto-cjk
    fallback    NotoSerifSC-Regular, then NotoSerif-Regular        fonts-noto-cjk, fonts-noto-core

The Fandol faces cover GB 2312 (7,942 ideographs, pinyin, Greek, Cyrillic, the GB 2312 signs);
every character they lack is drawn by the fallback fonts: Noto Serif CJK SC (all of
U+4E00-9FFF, ①-⑳, ㎡ ...) and Noto Serif (accented Latin beyond pinyin: ř š ł ő ...).

For each output file the script subsets the source to the code points of its ranges (hinting,
glyph names and the vertical tables dropped; only the layout features in LAYOUT_FEATURES kept,
so no 'locl' can switch to JP/TC forms; Noto CJK's Simplified-Chinese 'locl' forms are baked into
the cmap first), converts CFF outlines to TrueType 'glyf' (fontTools' otf2ttf approach: WeasyPrint
embeds CFF CJK fonts as FontFile3, which pdf.js and Foxit have failed to show), records the
modification in the name table (GPL v3 §5a for Fandol), writes fonts/fonts.toml and the licence
files, and verifies every output. The output is byte-reproducible for the same package and
fontTools versions. Exit status 1 if any check fails.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "fonts"

# When the outputs were last changed by this script (GPL v3 §5a asks a modified work to carry a
# relevant date); a constant, so that rebuilding from the same packages gives the same bytes.
MODIFIED = "2026-12-01"


@dataclass(frozen=True)
class Source:
    package: str
    folder: str  # where the package installs its fonts
    licence_file: str  # written into fonts/
    licence: str  # "ofl" | "gpl-font-exception"


SOURCES = {
    "fandol": Source("texlive-lang-chinese", "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol",
                     "LICENSE-Fandol.txt", "gpl-font-exception"),
    "noto-cjk": Source("fonts-noto-cjk", "usr/share/fonts/opentype/noto", "LICENSE-NotoCJK.txt", "ofl"),
    "noto": Source("fonts-noto-core", "usr/share/fonts/truetype/noto", "LICENSE-Noto.txt", "ofl"),
}

# Code points kept (inclusive ranges). A source font lacking some simply lacks them.
CJK_RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF),  # Basic Latin, Latin-1 (· U+00B7, × ÷ ±)
    (0x0100, 0x024F),  # Latin Extended-A/B (pinyin ā ǎ ǐ ǒ ǔ ǖ, accented names)
    (0x02B0, 0x02FF), (0x0300, 0x036F),  # spacing modifiers (ˇ ˉ ˊ ˋ), combining marks
    (0x0370, 0x03FF), (0x0400, 0x04FF),  # Greek (α β), Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (ḿ, Vietnamese)
    (0x2000, 0x206F),  # General Punctuation (— ‘ ’ “ ” … ‰ ※)
    (0x2070, 0x209F), (0x20A0, 0x20CF),  # super/subscripts, currency (€)
    (0x2100, 0x214F), (0x2150, 0x218F),  # Letterlike (℃ № ℉), Number Forms (Ⅰ-Ⅻ ⅰ-ⅹ)
    (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2300, 0x23FF),  # arrows, math (≤ ≥ ≠ ∞), technical
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (①-⑳ ⑴ ⒈)
    (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF),  # boxes, shapes, ❶
    (0x3000, 0x303F),  # CJK Symbols and Punctuation (、 。 《 》 「 」 【 】 〔 〕)
    (0x3100, 0x312F),  # Bopomofo
    (0x3200, 0x32FF), (0x3300, 0x33FF),  # Enclosed CJK (㈠ ㊀), CJK Compatibility (㎡ ㎏ ㎞)
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs: all a font has (堃 喆 昇 翀 犇 淼 燚)
    (0xF900, 0xFAFF), (0xFE30, 0xFE4F),  # compatibility ideographs and forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms (，：；！？（）Ａ１)
]
# The Latin fallback: only what a Latin font adds to the CJK ones.
LATIN_RANGES = [(0x0020, 0x007E), (0x00A0, 0x024F), (0x0250, 0x036F), (0x0370, 0x03FF),
                (0x0400, 0x052F), (0x1E00, 0x1FFF), (0x2000, 0x206F), (0x20A0, 0x20CF)]

# GSUB/GPOS features kept: what horizontal Chinese text needs by default.
# Deliberately not kept: locl (would switch to JP/KR/TC forms), halt/palt,
# fwid/hwid/pwid, aalt, vert/vrt2/vkrn/vpal/vhal, dlig, hist, ruby, salt.
LAYOUT_FEATURES = ["ccmp", "liga", "clig", "calt", "rlig", "rvrn", "kern", "mark", "mkmk"]
DROP_TABLES = ["vhea", "vmtx", "VORG", "DSIG", "gasp", "hdmx", "LTSH", "VDMX", "BASE"]

RARE_SAMPLE = "堃喆昇翀犇淼燚"
# What real news carries beyond Chinese; the bundled fonts together must draw all of it.
SIGNS = ("āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜüê München Dvořák Łódź Škoda ①②⑩⑪⑳ ℃ ‰ № ⅠⅡⅫ αβγΩ ± × ÷ "
         "ＡＢＣ１２３％＋（）｛｝ ≤≥≠ ㎡㎏㎞ ¥€£ ©®™ °′″ §※→ ■□▲●★ ㈠⑴⒈ ⅰⅹ")
CU2QU_MAX_ERR = 1.0
REVERSE_DIRECTION = True
POST_FORMAT = 3.0


@dataclass(frozen=True)
class Target:
    out_name: str
    source: str  # key of SOURCES
    source_file: str
    ranges: list
    roles: tuple[str, ...]  # roles it plays first; "fallback" for the shared fallback chain
    ttc_family: str | None = None  # family to pick inside a .ttc
    keep_all_cjk: bool = True  # every U+4E00-9FFF code point of the source must survive


TARGETS = [
    Target("FandolSong-Bold.ttf", "fandol", "FandolSong-Bold.otf", CJK_RANGES, ("title",)),
    Target("FandolHei-Regular.ttf", "fandol", "FandolHei-Regular.otf", CJK_RANGES, ("heading",)),
    Target("FandolKai-Regular.ttf", "fandol", "FandolKai-Regular.otf", CJK_RANGES, ("subheading",)),
    Target("FandolFang-Regular.ttf", "fandol", "FandolFang-Regular.otf", CJK_RANGES, ("body",)),
    Target("NotoSerifSC-Regular.ttf", "noto-cjk", "NotoSerifCJK-Regular.ttc", CJK_RANGES, ("number", "fallback"),
           ttc_family="Noto Serif CJK SC"),
    Target("NotoSerif-Regular.ttf", "noto", "NotoSerif-Regular.ttf", LATIN_RANGES, ("fallback",), keep_all_cjk=False),
]
ROLE_ORDER = ["title", "heading", "subheading", "body", "number", "fallback"]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def codepoints(ranges) -> list[int]:
    return sorted({cp for lo, hi in ranges for cp in range(lo, hi + 1)})


def family_of(font: TTFont) -> str:
    name = font["name"]
    return name.getDebugName(16) or name.getDebugName(1) or ""


def find_sc_face(path: Path, wanted: str) -> int:
    """Index of the Simplified Chinese face in a TTC, chosen by its name table, never hard-coded."""
    coll = TTCollection(str(path), lazy=True)
    families = [family_of(f) for f in coll.fonts]
    coll.close()
    pick = [i for i, fam in enumerate(families) if fam == wanted]
    if len(pick) != 1:
        raise SystemExit(f"{path}: cannot pick one face named {wanted!r}; faces: {families}")
    return pick[0]


def open_source(target: Target, root: Path) -> tuple[TTFont, str]:
    path = root / SOURCES[target.source].folder / target.source_file
    if not path.is_file():
        raise SystemExit(f"{path}: missing; install {SOURCES[target.source].package} or use --download")
    index = find_sc_face(path, target.ttc_family) if target.ttc_family else -1
    font = TTFont(str(path), fontNumber=index, lazy=False, recalcTimestamp=False)
    return font, f"{path}" + (f" face #{index} ({family_of(font)})" if target.ttc_family else "")


def cjk_codepoints(font: TTFont) -> set[int]:
    return {cp for cp in font.getBestCmap() if 0x4E00 <= cp <= 0x9FFF}


def bake_locl(font: TTFont, wanted: set[int], script: str = "hani", lang: str = "ZHS ") -> list[str]:
    """Apply the Simplified-Chinese 'locl' single substitutions to the cmap.

    In the Noto CJK SC face the ZHS 'locl' lookup swaps ~17 glyphs for their
    Chinese forms, most visibly U+2014 EM DASH (890 units -> full-width 1000,
    so "——" is the standard two-em 破折号).  A renderer gets these only when
    the text is tagged zh-Hans.  We drop 'locl' from the subset (so JP/KR/TC
    forms are never picked), and bake the ZHS forms into the cmap instead, so
    they are used whatever the lang attribute says.  Returns a report.
    """
    if "GSUB" not in font:
        return []
    gsub = font["GSUB"].table
    if not gsub.ScriptList or not gsub.FeatureList:
        return []
    lookups = []
    for sr in gsub.ScriptList.ScriptRecord:
        if sr.ScriptTag != script:
            continue
        for lr in sr.Script.LangSysRecord:
            if lr.LangSysTag != lang:
                continue
            for fi in lr.LangSys.FeatureIndex:
                fr = gsub.FeatureList.FeatureRecord[fi]
                if fr.FeatureTag == "locl":
                    lookups += fr.Feature.LookupListIndex
    mapping, report = {}, []
    for li in lookups:
        lk = gsub.LookupList.Lookup[li]
        for st in lk.SubTable:
            ltype = lk.LookupType
            if ltype == 7:
                ltype, st = st.ExtensionLookupType, st.ExtSubTable
            if ltype != 1:
                report.append(f"locl lookup {li} type {ltype} not baked")
                continue
            mapping.update(st.mapping)
    if not mapping:
        return report
    hmtx = font["hmtx"]
    changed = {}
    for table in font["cmap"].tables:
        if not table.isUnicode() or table.format == 14:
            continue
        for cp, g in list(table.cmap.items()):
            if g in mapping:
                table.cmap[cp] = mapping[g]
                changed[cp] = (hmtx[g][0], hmtx[mapping[g]][0])
    for cp, (a, b) in sorted(changed.items()):
        if cp in wanted:
            report.append(f"U+{cp:04X} {chr(cp)} -> ZHS form (advance {a} -> {b})")
    return report


def subset_font(font: TTFont, codepoints: list[int]) -> None:
    opts = subset.Options()
    opts.layout_features = list(LAYOUT_FEATURES)
    opts.layout_scripts = ["*"]
    opts.hinting = False
    opts.glyph_names = False
    opts.legacy_kern = False
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.recalc_timestamp = False
    opts.prune_unicode_ranges = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.drop_tables = list(opts.drop_tables) + DROP_TABLES
    opts.desubroutinize = True  # outlines get converted anyway
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=codepoints)
    sub.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """fontTools Snippets/otf2ttf.py, inlined."""
    assert font.sfntVersion == "OTTO" and "CFF " in font
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    quad = {}
    for gname in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        pen = Cu2QuPen(tt_pen, CU2QU_MAX_ERR, reverse_direction=REVERSE_DIRECTION)
        glyph_set[gname].draw(pen)
        quad[gname] = tt_pen.glyph(dropImpliedOnCurves=True)
    glyf.glyphs = quad
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)

    hmtx = font["hmtx"]
    for gname, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[gname] = (hmtx[gname][0], glyph.xMin)

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(
        (len(getattr(g, "components", [])) for g in glyf.glyphs.values()), default=0
    )
    maxp.compile(font)

    post = font["post"]
    post.formatType = POST_FORMAT
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def unify_vertical_metrics(font: TTFont) -> None:
    """Give every bundled font the same line metrics: the ideographic em box, 0.88 em above the
    baseline and 0.12 em below (the Fandol fonts' own). A line mixing faces (a rare character
    from the fallback) then keeps the same line box and baseline, so the 22-line grid holds."""
    upem = font["head"].unitsPerEm
    ascent, descent = round(0.88 * upem), -round(0.12 * upem)
    hhea, os2 = font["hhea"], font["OS/2"]
    hhea.ascent, hhea.descent, hhea.lineGap = ascent, descent, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ascent, descent, 0
    os2.version = max(os2.version, 4)  # USE_TYPO_METRICS is defined from version 4 on
    os2.fsSelection |= 1 << 7  # USE_TYPO_METRICS


def mark_modified(font: TTFont, target: Target) -> None:
    """Say in the name table that this is a modified copy, when and how, and under which terms."""
    name = font["name"]
    version = (name.getDebugName(5) or "Version 1.000").split(";")[0].strip()
    note = f"{version}; subset and converted to TrueType outlines by briefing tools/build_fonts.py, {MODIFIED}"
    terms = {
        "gpl-font-exception": ("Released with GPL + GPL font exception: GNU General Public License version 3 "
                               "with the font embedding exception, extended to this modified version. "
                               "See LICENSE-Fandol.txt."),
        "ofl": "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
    }[SOURCES[target.source].licence]
    for nid, value in ((5, note), (13, terms)):
        if SOURCES[target.source].licence == "ofl" and nid == 13 and name.getDebugName(13):
            continue  # the OFL fonts carry their own licence record; keep it unchanged
        name.removeNames(nameID=nid)
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)


@dataclass
class Result:
    out_name: str
    family: str = ""
    source_desc: str = ""
    seconds: float = 0.0
    src_glyphs: int = 0
    out_glyphs: int = 0
    src_cjk: int = 0
    out_cjk: int = 0
    size: int = 0
    problems: list = field(default_factory=list)


def build_one(target: Target, root: str, out_dir: str) -> Result:
    t0 = time.time()
    font, desc = open_source(target, Path(root))
    src_glyphs, src_cjk = len(font.getGlyphOrder()), cjk_codepoints(font)
    wanted = set(codepoints(target.ranges))
    for line in bake_locl(font, wanted):
        log(f"{target.out_name}: locl: {line}")
    subset_font(font, sorted(wanted))
    if "CFF " in font:
        cff_to_glyf(font)
    elif "glyf" not in font:
        raise SystemExit(f"{target.out_name}: source has neither CFF nor glyf outlines")
    else:
        font["post"].formatType = POST_FORMAT
    unify_vertical_metrics(font)
    mark_modified(font, target)
    out = Path(out_dir) / target.out_name
    fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=".ttf", dir=out_dir)
    os.close(fd)
    try:
        font.save(tmp, reorderTables=True)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    font.close()
    result = verify_one(out, target, src_cjk)
    result.source_desc, result.src_glyphs, result.seconds = desc, src_glyphs, time.time() - t0
    log(f"{target.out_name}: {result.out_glyphs} glyphs, {result.size / 1048576:.2f} MB ({result.seconds:.0f}s)")
    return result


def verify_one(path: Path, target: Target, src_cjk: set[int] | None) -> Result:
    font = TTFont(str(path))
    problems = []
    if "glyf" not in font or "CFF " in font or "CFF2" in font:
        problems.append("not TrueType ('glyf') outlines")
    cmap = font.getBestCmap()
    out_cjk = {cp for cp in cmap if 0x4E00 <= cp <= 0x9FFF}
    if target.keep_all_cjk and src_cjk is not None and not src_cjk <= out_cjk:
        lost = sorted(src_cjk - out_cjk)
        problems.append(f"{len(lost)} U+4E00-9FFF code points lost, e.g. " + " ".join(f"U+{c:04X}" for c in lost[:10]))
    allowed = set(codepoints(target.ranges))
    if extra := [cp for cp in cmap if cp not in allowed]:
        problems.append(f"{len(extra)} code points outside the requested ranges")
    if (font["hhea"].ascent, font["hhea"].descent) != (round(0.88 * font["head"].unitsPerEm),
                                                        -round(0.12 * font["head"].unitsPerEm)):
        problems.append("line metrics are not the shared 0.88/0.12 em")
    if target.keep_all_cjk:
        for ch in "，。、；：？！“”‘’—…·《》（）０１":
            if ord(ch) not in cmap:
                problems.append(f"missing {ch} U+{ord(ch):04X}")
            elif ch in "，。、；：？！“”‘’—…《》（）" and font["hmtx"][cmap[ord(ch)]][0] != font["head"].unitsPerEm:
                problems.append(f"{ch} U+{ord(ch):04X} is not full width")
        glyf = font["glyf"]
        if empty := [cp for cp in out_cjk if glyf[cmap[cp]].numberOfContours == 0]:
            problems.append(f"{len(empty)} ideographs with empty outlines")
    result = Result(path.name, family_of(font), out_glyphs=len(font.getGlyphOrder()),
                    src_cjk=len(src_cjk) if src_cjk is not None else -1, out_cjk=len(out_cjk),
                    size=path.stat().st_size, problems=problems)
    font.close()
    return result


def verify_together(out_dir: Path) -> list[str]:
    """The fallback chain as a whole draws every sign real news carries and the rare names."""
    drawn: set[int] = set()
    for target in TARGETS:
        font = TTFont(str(out_dir / target.out_name), lazy=True)
        drawn |= set(font.getBestCmap())
        font.close()
    missing = [ch for ch in SIGNS + RARE_SAMPLE if not ch.isspace() and ord(ch) not in drawn]
    return [f"no bundled font draws {''.join(missing)}"] if missing else []


# --------------------------------------------------------------------------
# packages, licences and fonts.toml


def package_versions(root: Path) -> dict[str, str]:
    """Each package's version, from the first line of its Debian changelog (installed or unpacked)."""
    versions = {}
    for key, source in SOURCES.items():
        changelog = root / "usr/share/doc" / source.package / "changelog.Debian.gz"
        try:
            first = gzip.decompress(changelog.read_bytes()).decode("utf-8").splitlines()[0]
            versions[key] = re.search(r"\((.+?)\)", first).group(1)
        except (OSError, IndexError, AttributeError):
            versions[key] = "unknown"
    return versions


def download(folder: Path) -> Path:
    """apt-get download the source packages and unpack them under folder/root."""
    packages = sorted({s.package for s in SOURCES.values()})
    log(f"apt-get download {' '.join(packages)}")
    subprocess.run(["apt-get", "download", *packages], cwd=folder, check=True)
    for package in packages:
        deb = next(folder.glob(f"{package}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(folder / "root")], check=True)
    return folder / "root"


def copyright_file(root: Path, package: str) -> str:
    return (root / "usr/share/doc" / package / "copyright").read_text(encoding="utf-8")


def dep5_licence(copyright_text: str, short_name: str) -> str:
    """The body of the longest 'License: <short_name>' stanza of a DEP-5 file, de-indented."""
    lines = copyright_text.splitlines()
    best: list[str] = []
    for i, line in enumerate(lines):
        if line.strip() != f"License: {short_name}":
            continue
        body = []
        for nxt in lines[i + 1:]:
            if not nxt.startswith((" ", "\t")):
                break
            body.append("" if nxt[1:].strip() == "." else nxt[1:])
        if len(body) > len(best):
            best = body
    text = "\n".join(best).strip("\n")
    flat = " ".join(text.split())
    if "PREAMBLE" not in flat or "OTHER DEALINGS IN THE FONT SOFTWARE." not in flat:
        raise SystemExit(f"could not extract a complete OFL text ({short_name})")
    if "SIL OPEN FONT LICENSE Version 1.1" not in flat:
        text = "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007\n\n" + text
    return text + "\n"


FONT_EXCEPTION = """\
As a special exception, if you create a document which uses this font, and
embed this font or unaltered portions of this font into the document, this
font does not by itself cause the resulting document to be covered by the GNU
General Public License. This exception does not however invalidate any other
reasons why the document might be covered by the GNU General Public License.
If you modify this font, you may extend this exception to your version of the
font, but you are not obligated to do so. If you do not wish to do so, delete
this exception statement from your version."""


def write_licences(out_dir: Path, root: Path, versions: dict[str, str]) -> None:
    bar = "=" * 76
    files = {key: [t.out_name for t in TARGETS if t.source == key] for key in SOURCES}
    fandol_gpl = gzip.decompress((root / "usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz").read_bytes()).decode()
    fandol = [
        "Fandol fonts (FandolSong Bold, FandolHei, FandolKai, FandolFang), as bundled in",
        "fonts/" + ", fonts/".join(files["fandol"]) + ".",
        "",
        "Copyright (c) 2012-2013, Clerk Ma, Jie Su (the Fandol team).",
        "Released with GPL + GPL font exception (the fonts' own notice).",
        "",
        f"Source: Debian package texlive-lang-chinese {versions['fandol']} (from CTAN, fonts/fandol),",
        "        /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/*.otf.",
        "",
        f"Modified by briefing's tools/build_fonts.py ({MODIFIED}): subset to the code points a",
        "Chinese briefing needs, hinting and vertical tables removed, CFF outlines converted to",
        "TrueType outlines, the modification recorded in each file's name table (version and",
        "licence records). The modified files are licensed under the same terms: the GNU General",
        "Public License, version 3, with the font exception below, which is extended to them.",
        "Their corresponding source is the unmodified .otf files of the Debian package above plus",
        "tools/build_fonts.py in this repository, which rebuilds them byte for byte",
        "(`python tools/build_fonts.py --download`).",
        "",
        "The font exception (the standard GPL font exception of the Free Software Foundation):",
        "",
        FONT_EXCEPTION,
        "",
        "So a PDF that embeds glyphs of these fonts is not, by that alone, covered by the GPL.",
        "",
        bar,
        "GNU General Public License, version 3 (COPYING of the Fandol fonts, verbatim)",
        bar,
        fandol_gpl,
    ]
    (out_dir / SOURCES["fandol"].licence_file).write_text("\n".join(fandol), encoding="utf-8")
    for key, upstream in (("noto-cjk", "https://github.com/notofonts/noto-cjk"),
                          ("noto", "https://github.com/notofonts/noto-fonts")):
        source = SOURCES[key]
        text = copyright_file(root, source.package)
        body = [
            f"{', '.join(files[key])}: from the Debian package {source.package} {versions[key]}",
            f"(upstream {upstream}).",
            "",
            "These files are Modified Versions in the sense of the licence below: subset, hinting",
            "removed, CFF outlines (where there were any) converted to TrueType, by",
            f"tools/build_fonts.py ({MODIFIED}). Their font names are unchanged: neither Debian's",
            "copyright file nor the fonts declare a Reserved Font Name that the names use (Adobe's",
            "Source Han, from which Noto CJK is built, reserves \"Source\"; these names do not use it).",
            "Noto is a trademark of Google Inc.",
            "",
            "This Font Software is licensed under the SIL Open Font License, Version 1.1:",
            "",
            dep5_licence(text, "OFL-1.1" if "License: OFL-1.1" in text else "SIL-1.1"),
            bar,
            f"Verbatim copy of /usr/share/doc/{source.package}/copyright",
            bar,
            text,
        ]
        (out_dir / source.licence_file).write_text("\n".join(body), encoding="utf-8")


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_fonts_toml(out_dir: Path, versions: dict[str, str]) -> None:
    lines = [
        "# Font roles for briefing's PDF renderer, written by tools/build_fonts.py. Each role lists",
        "# files in order of preference; every role then falls back to `fallback`, in order.",
        "# Operator-supplied licensed files dropped into fonts/ are put first by the renderer itself.",
        "[roles]",
    ]
    for role in ROLE_ORDER:
        names = [t.out_name for t in TARGETS if role in t.roles]
        lines.append(f"{role} = [" + ", ".join(toml_str(n) for n in names) + "]")
    for t in TARGETS:
        font = TTFont(str(out_dir / t.out_name), lazy=True)
        family = family_of(font)
        font.close()
        source = SOURCES[t.source]
        lines += ["", f"[files.{toml_str(t.out_name)}]", f"family = {toml_str(family)}",
                  f"licence = {toml_str(source.licence_file)}",
                  f"source = {toml_str(f'Debian {source.package} {versions[t.source]}, {t.source_file}')}"]
    (out_dir / "fonts.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------
# optional render test


def render_test(out_dir: Path) -> list[str]:
    """Render every file with WeasyPrint; each must embed as TrueType (FontFile2), text intact."""
    try:
        import weasyprint
        from pypdf import PdfReader
    except ImportError as exc:
        return [f"render test skipped: {exc}"]
    problems = []
    text = "一、关于同志的情况说明（2024年第1号）——“要点”……100%"
    faces = "\n".join(f"@font-face {{ font-family: 'T{i}'; src: url('{(out_dir / t.out_name).as_uri()}'); }}"
                      for i, t in enumerate(TARGETS))
    body = "\n".join(f"<p style=\"font-family: 'T{i}'\">{t.out_name}: {text}</p>" for i, t in enumerate(TARGETS))
    html = f"<html lang='zh-CN'><head><meta charset='utf-8'><style>{faces}</style></head><body>{body}</body></html>"
    with tempfile.TemporaryDirectory() as td:
        pdf_path = Path(td) / "t.pdf"
        weasyprint.HTML(string=html, base_url=str(out_dir)).write_pdf(str(pdf_path))
        reader = PdfReader(str(pdf_path))
        for page in reader.pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                descendant = font["/DescendantFonts"][0].get_object()
                kinds = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descendant["/FontDescriptor"]]
                if kinds != ["/FontFile2"]:
                    problems.append(f"{font['/BaseFont']}: embedded as {kinds}, expected /FontFile2")
        extracted = "".join(page.extract_text() or "" for page in reader.pages).replace("\n", "")
        for t in TARGETS:
            if t.keep_all_cjk and f"{t.out_name}: {text}" not in extracted:
                problems.append(f"{t.out_name}: text not extracted back from the PDF intact")
    if not problems:
        log("render test: every font embedded as TrueType (FontFile2), text extracts intact")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--download", action="store_true",
                    help="apt-get download the packages into a temporary folder and build from them")
    ap.add_argument("--root", type=Path, default=Path("/"),
                    help="where the packages' files are (default /: the installed packages)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--verify-only", action="store_true", help="do not build; verify the existing files")
    ap.add_argument("--render-test", action="store_true",
                    help="render a PDF with WeasyPrint and check the fonts are embedded as TrueType")
    args = ap.parse_args(argv)
    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    t_all = time.time()
    workdir = Path(tempfile.mkdtemp(prefix="build-fonts-")) if args.download else None
    try:
        root = download(workdir) if workdir else args.root
        results: list[Result] = []
        if args.verify_only:
            for t in TARGETS:
                font, desc = open_source(t, root)
                result = verify_one(out_dir / t.out_name, t, cjk_codepoints(font))
                result.src_glyphs, result.source_desc = len(font.getGlyphOrder()), desc
                font.close()
                results.append(result)
        else:
            with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
                futures = [pool.submit(build_one, t, str(root), str(out_dir)) for t in TARGETS]
                results = [f.result() for f in futures]
            versions = package_versions(root)
            write_licences(out_dir, root, versions)
            write_fonts_toml(out_dir, versions)
    finally:
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    problems = [f"{r.out_name}: {p}" for r in results for p in r.problems] + verify_together(out_dir)
    print(f"\n{'file':26} {'family':22} {'size':>9} {'glyphs':>13} {'U+4E00-9FFF':>13}")
    for r in results:
        print(f"{r.out_name:26} {r.family:22} {r.size / 1048576:7.2f}MB {r.src_glyphs:>6}->{r.out_glyphs:<6} "
              f"{r.src_cjk:>6}->{r.out_cjk:<6}")
    total = sum((out_dir / t.out_name).stat().st_size for t in TARGETS)
    print(f"total size of the {len(TARGETS)} font files: {total:,} bytes ({total / 1048576:.2f} MB); "
          f"elapsed {time.time() - t_all:.0f}s")
    if args.render_test:
        problems += render_test(out_dir)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
