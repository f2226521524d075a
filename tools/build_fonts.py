#!/usr/bin/env python3
"""Build the bundled fonts in fonts/ from the Debian font packages.

Run by hand, not by the application or the tests:

    apt-get install fonts-noto-cjk fonts-lxgw-wenkai
    pip install 'fonttools>=4.40'            # weasyprint + pypdf only for --render-test
    python tools/build_fonts.py              # writes fonts/*.ttf, fonts.toml, LICENSE-*.txt
    python tools/build_fonts.py --verify-only --render-test

What it does, for each output file (see TARGETS below):

1. Opens the source file.  For the Noto CJK ``.ttc`` collections the face is
   picked by its name table: the face whose family name contains the word
   "SC" and is not a "Mono" face (e.g. "Noto Serif CJK SC").  Never a hard-coded index.
2. Subsets it with fontTools.subset to the code points in UNICODE_RANGES
   (Latin-1, general punctuation, letterlike/number forms, arrows, circled
   numbers, box drawing, geometric shapes, misc symbols, CJK symbols and
   punctuation, enclosed CJK, *all* of U+4E00-9FFF, compatibility ideographs,
   CJK compatibility forms, full-width forms).  Only the layout features in
   LAYOUT_FEATURES are kept ('locl' is dropped, so a lang="ja"/"zh-TW" tag can
   never switch to JP/TC forms; so are 'halt'/'palt', the width variants and
   everything vertical).  The Simplified-Chinese 'locl' substitutions (e.g.
   full-width U+2014 EM DASH) are first baked into the cmap, so the SC forms
   are used whatever the lang tag says.  Hinting, glyph names and the
   vertical tables are dropped.
3. Converts CFF outlines to TrueType quadratic 'glyf' outlines (the fontTools
   ``otf2ttf`` snippet approach: Cu2QuPen -> TTGlyphPen, max_err 1.0,
   reverse_direction True, new glyf/loca, maxp 1.0, post format 3).  PDFs
   written by WeasyPrint with CFF-flavoured CJK fonts have failed to display
   in pdf.js and Foxit; TrueType-flavoured fonts embed as FontFile2 and work.
   LXGW WenKai is already TrueType and is only subset.
4. Renames the font where the licence requires it: LXGW WenKai declares the
   Reserved Font Names "霞鹜" and "LXGW" (OFL 1.1 §3), so the subset is renamed
   "Briefing WenKai".  Noto CJK declares no Reserved Font Name that its name
   uses (Adobe's Source Han reserves "Source"), so it keeps its names.
5. Writes fonts/fonts.toml (roles and per-file family/licence/source) and the
   licence files fonts/LICENSE-NotoCJK.txt and fonts/LICENSE-LXGWWenKai.txt
   taken from /usr/share/doc/<package>/copyright.
6. Verifies every output (TrueType outlines, no CFF, every U+4E00-9FFF code
   point of the source face still mapped, sample rare name characters
   present, no Reserved Font Name in the font names, full-width em dash) and
   prints counts and sizes; exit status 1 if anything is wrong.
   ``--render-test`` also renders a tiny PDF with WeasyPrint using each file
   and checks with pypdf that the font is embedded as a TrueType (FontFile2)
   program and that the text extracts back intact.
   The output is byte-reproducible for the same package and fontTools versions.

Options: --noto-dir, --wenkai-dir (source folders), --out (default fonts/
beside this tools/ folder), --only FILE (repeatable), --jobs N,
--verify-only, --render-test, --noto-copyright/--wenkai-copyright (licence
source files), --noto-version/--wenkai-version (if dpkg is unavailable).
"""

from __future__ import annotations

import argparse
import os
import re
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
DEFAULT_NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_WENKAI_DIR = Path("/usr/share/fonts/truetype/lxgw-wenkai")
NOTO_PKG = "fonts-noto-cjk"
WENKAI_PKG = "fonts-lxgw-wenkai"

# Code points kept in every output (inclusive ranges).  Code points a source
# font lacks are simply absent (e.g. most of U+2600-26FF).
UNICODE_RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (incl. U+00B7 middle dot)
    (0x2000, 0x206F),  # General Punctuation (— ― ‘ ’ “ ” … ‰ ※ ...)
    (0x2100, 0x214F),  # Letterlike Symbols (℃ № ...)
    (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ ⅰ ...)
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ⑴ ⒈ ...)
    (0x2500, 0x257F),  # Box Drawing
    (0x25A0, 0x25FF),  # Geometric Shapes (■ □ ▲ ○ ● ...)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (only what the font has)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation (、。〈〉《》「」【】〔〕...)
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠ ㊀ ...)
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs: ALL of them (堃 喆 昇 翀 犇 淼 燚)
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms (，：；！？（）...)
]
EXTRA_CODEPOINTS = [0x00B7, 0x2014, 0x2015, 0x2026]

# GSUB/GPOS features kept: what horizontal Chinese text needs by default.
# Deliberately not kept: locl (would switch to JP/KR/TC forms), halt/palt,
# fwid/hwid/pwid, aalt, vert/vrt2/vkrn/vpal/vhal, dlig, hist, ruby, salt.
LAYOUT_FEATURES = ["ccmp", "liga", "clig", "calt", "rlig", "rvrn", "kern", "mark", "mkmk"]

DROP_TABLES = ["vhea", "vmtx", "VORG", "DSIG", "gasp", "hdmx", "LTSH", "VDMX"]

RARE_SAMPLE = "堃喆昇翀犇淼燚"

# Reserved Font Names (SIL OFL 1.1 §3) that a Modified Version must not use as
# its font name.  LXGW WenKai: per Debian's copyright file for the package.
# Noto CJK: Debian's copyright and the font's own name table declare none;
# Adobe's upstream Source Han licence reserves "Source", checked to be safe.
RESERVED_NAMES = {"noto": ["Source"], "wenkai": ["LXGW", "霞鹜"]}

CU2QU_MAX_ERR = 1.0
REVERSE_DIRECTION = True
POST_FORMAT = 3.0


@dataclass
class Target:
    out_name: str            # file name in fonts/
    source_kind: str         # "noto" | "wenkai"
    source_file: str         # file name inside the source dir
    face_family: str | None  # family to pick inside a .ttc ("Noto Serif CJK SC")
    roles: list[str]
    licence_file: str
    rename: dict | None = None   # new names if the licence requires it
    source_note: str = ""


WENKAI_RENAME = {
    "family": "Briefing WenKai",
    "style": "Regular",
    "postscript": "BriefingWenKai-Regular",
    "description": (
        "Modified Version of the WenKai typeface (version 1.250): subset to the "
        "code points needed by the briefing PDF renderer, hinting removed, and "
        "renamed because the original declares Reserved Font Names (SIL OFL 1.1). "
        "See LICENSE-LXGWWenKai.txt."
    ),
}

TARGETS = [
    Target("NotoSerifSC-Regular.ttf", "noto", "NotoSerifCJK-Regular.ttc",
           "Noto Serif CJK SC", ["body", "number"], "LICENSE-NotoCJK.txt"),
    Target("NotoSerifSC-Bold.ttf", "noto", "NotoSerifCJK-Bold.ttc",
           "Noto Serif CJK SC", ["title"], "LICENSE-NotoCJK.txt"),
    Target("NotoSansSC-Bold.ttf", "noto", "NotoSansCJK-Bold.ttc",
           "Noto Sans CJK SC", ["heading"], "LICENSE-NotoCJK.txt"),
    Target("BriefingWenKai-Regular.ttf", "wenkai", "LXGWWenKai-Regular.ttf",
           None, ["subheading"], "LICENSE-LXGWWenKai.txt", rename=WENKAI_RENAME),
]

ROLE_ORDER = ["title", "heading", "subheading", "body", "number"]


# --------------------------------------------------------------------------
# helpers


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def unicodes() -> list[int]:
    cps = set(EXTRA_CODEPOINTS)
    for lo, hi in UNICODE_RANGES:
        cps.update(range(lo, hi + 1))
    return sorted(cps)


def family_of(font: TTFont) -> str:
    name = font["name"]
    return name.getDebugName(16) or name.getDebugName(1) or ""


def find_sc_face(path: Path, wanted: str) -> int:
    """Index of the Simplified Chinese face in a TTC, chosen by name table."""
    coll = TTCollection(str(path), lazy=True)
    families = [family_of(f) for f in coll.fonts]
    coll.close()
    candidates = [
        i for i, fam in enumerate(families)
        if re.search(r"\bSC\b", fam) and "Mono" not in fam
    ]
    exact = [i for i in candidates if families[i] == wanted]
    pick = exact or candidates
    if len(pick) != 1:
        raise SystemExit(
            f"{path}: cannot pick one SC face (wanted {wanted!r}); faces: {families}"
        )
    return pick[0]


def open_source(target: Target, noto_dir: Path, wenkai_dir: Path) -> tuple[TTFont, str]:
    if target.source_kind == "noto":
        path = noto_dir / target.source_file
        idx = find_sc_face(path, target.face_family)
        font = TTFont(str(path), fontNumber=idx, lazy=False, recalcTimestamp=False)
        return font, f"{path} face #{idx} ({family_of(font)})"
    path = wenkai_dir / target.source_file
    font = TTFont(str(path), lazy=False, recalcTimestamp=False)
    return font, f"{path} ({family_of(font)})"


def cjk_codepoints(font: TTFont) -> set[int]:
    return {cp for cp in font.getBestCmap() if 0x4E00 <= cp <= 0x9FFF}


def wanted_codepoints(font: TTFont) -> set[int]:
    want = set(unicodes())
    return {cp for cp in font.getBestCmap() if cp in want}


# --------------------------------------------------------------------------
# subsetting / conversion / naming


def bake_locl(font: TTFont, script: str = "hani", lang: str = "ZHS ") -> list[str]:
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
    wanted = set(unicodes())
    for cp, (a, b) in sorted(changed.items()):
        if cp in wanted:
            report.append(f"U+{cp:04X} {chr(cp)} -> ZHS form (advance {a} -> {b})")
    return report


def subset_font(font: TTFont) -> None:
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
    sub.populate(unicodes=unicodes())
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


def rename_font(font: TTFont, rn: dict) -> None:
    """Replace every primary-name record (1,2,3,4,6,16,17,18,21,22) in all
    languages; keep copyright (0), trademark (7), licence (13/14) etc."""
    name = font["name"]
    version = (name.getDebugName(5) or "").split(";")[0].replace("Version ", "").strip()
    primary_ids = {1, 2, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25}
    name.names = [r for r in name.names if r.nameID not in primary_ids]
    family, style, ps = rn["family"], rn["style"], rn["postscript"]
    values = {
        1: family,
        2: style,
        3: f"{version};BRIEFING;{ps}",
        4: family if style == "Regular" else f"{family} {style}",
        6: ps,
        10: rn["description"],
    }
    for nid, val in values.items():
        name.removeNames(nameID=nid)
        name.setName(val, nid, 3, 1, 0x409)   # Windows, Unicode BMP, en-US
        name.setName(val, nid, 1, 0, 0)       # Mac Roman, English
    if "CFF " in font:  # not expected here, but keep the CFF names consistent
        cff = font["CFF "].cff
        cff.fontNames = [ps]
        top = cff.topDictIndex[0]
        top.FullName = values[4]
        top.FamilyName = family


# --------------------------------------------------------------------------
# build


@dataclass
class Result:
    out_name: str
    family: str
    source_desc: str
    seconds: float
    src_glyphs: int
    out_glyphs: int
    src_cjk: int
    out_cjk: int
    src_wanted: int
    out_wanted: int
    size: int
    problems: list = field(default_factory=list)


def build_one(target: Target, noto_dir: str, wenkai_dir: str, out_dir: str) -> Result:
    t0 = time.time()
    font, desc = open_source(target, Path(noto_dir), Path(wenkai_dir))
    src_glyphs = len(font.getGlyphOrder())
    src_cjk = cjk_codepoints(font)
    src_wanted = wanted_codepoints(font)
    log(f"{target.out_name}: source {desc}: {src_glyphs} glyphs, "
        f"{len(src_cjk)} code points in U+4E00-9FFF")

    for line in bake_locl(font):
        log(f"{target.out_name}: locl: {line}")
    subset_font(font)
    log(f"{target.out_name}: subset -> {len(font.getGlyphOrder())} glyphs "
        f"({time.time() - t0:.0f}s)")

    if "CFF " in font:
        cff_to_glyf(font)
        log(f"{target.out_name}: CFF -> glyf done ({time.time() - t0:.0f}s)")
    else:
        if "glyf" not in font:
            raise SystemExit(f"{target.out_name}: source has neither CFF nor glyf")
        font["post"].formatType = POST_FORMAT
        log(f"{target.out_name}: already TrueType (glyf), no conversion")

    if target.rename:
        rename_font(font, target.rename)

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

    res = verify_one(out, src_cjk, src_wanted, RESERVED_NAMES[target.source_kind])
    res.source_desc = desc
    res.src_glyphs = src_glyphs
    res.seconds = time.time() - t0
    return res


def verify_one(path: Path, src_cjk: set[int] | None, src_wanted: set[int] | None,
               reserved: list[str] = ()) -> Result:
    font = TTFont(str(path))
    problems = []
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22, 25):
            val = rec.toUnicode()
            for rfn in reserved:
                if rfn.lower() in val.lower():
                    problems.append(f"name ID {rec.nameID} {val!r} uses Reserved Font Name {rfn!r}")
    if "glyf" not in font:
        problems.append("no 'glyf' table")
    if "CFF " in font or "CFF2" in font:
        problems.append("still has CFF outlines")
    cmap = font.getBestCmap()
    out_cjk = {cp for cp in cmap if 0x4E00 <= cp <= 0x9FFF}
    if src_cjk is not None and not src_cjk <= out_cjk:
        missing = sorted(src_cjk - out_cjk)
        problems.append(f"{len(missing)} U+4E00-9FFF code points lost, e.g. "
                        + " ".join(f"U+{c:04X}" for c in missing[:10]))
    want = set(unicodes())
    out_wanted = {cp for cp in cmap if cp in want}
    if src_wanted is not None and not src_wanted <= out_wanted:
        problems.append(f"{len(src_wanted - out_wanted)} requested code points lost")
    extra = [cp for cp in cmap if cp not in want]
    if extra:
        problems.append(f"{len(extra)} code points outside the requested ranges")
    for ch in RARE_SAMPLE + "，。、；：？！“”‘’—…·《》（）①０１":
        if ord(ch) not in cmap:
            problems.append(f"missing {ch} U+{ord(ch):04X}")
    if ord("\u2014") in cmap and font["hmtx"][cmap[0x2014]][0] != font["head"].unitsPerEm:
        problems.append("U+2014 EM DASH is not full-width (\u2014\u2014 would not be 2 em)")
    glyf = font["glyf"] if "glyf" in font else None
    if glyf is not None:
        # every mapped ideograph must have an outline
        empty = [cp for cp in out_cjk if glyf[cmap[cp]].numberOfContours == 0]
        if empty:
            problems.append(f"{len(empty)} ideographs with empty outlines")
    res = Result(
        out_name=path.name, family=family_of(font), source_desc="", seconds=0.0,
        src_glyphs=0, out_glyphs=len(font.getGlyphOrder()),
        src_cjk=len(src_cjk) if src_cjk is not None else -1, out_cjk=len(out_cjk),
        src_wanted=len(src_wanted) if src_wanted is not None else -1,
        out_wanted=len(out_wanted), size=path.stat().st_size, problems=problems,
    )
    font.close()
    return res


# --------------------------------------------------------------------------
# licences and fonts.toml


def deb_version(pkg: str) -> str:
    try:
        return subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", pkg],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def extract_deb_licence(copyright_text: str, short_name: str) -> str:
    """The text of the 'License: <short_name>' stanza of a DEP-5 file,
    de-indented (' .' lines become blank lines)."""
    # The short name also appears in "Files:" stanzas (one line, no body);
    # take the stanza that has the longest indented body.
    lines = copyright_text.splitlines()
    best: list[str] = []
    for i, line in enumerate(lines):
        if line.strip() != f"License: {short_name}":
            continue
        body = []
        for nxt in lines[i + 1:]:
            if not (nxt.startswith(" ") or nxt.startswith("\t")):
                break
            rest = nxt[1:]
            body.append("" if rest.strip() == "." else rest)
        if len(body) > len(best):
            best = body
    out = best
    text = "\n".join(out).strip("\n")
    if "SIL OPEN FONT LICENSE Version 1.1" not in text or "DISCLAIMER" not in text \
            or "OTHER DEALINGS IN THE FONT SOFTWARE." not in text:
        raise SystemExit(f"could not extract a complete OFL text ({short_name})")
    return text + "\n"


def write_licences(out_dir: Path, noto_copyright: Path, wenkai_copyright: Path,
                   versions: dict, font_copyrights: dict) -> None:
    bar = "=" * 76
    noto_src = noto_copyright.read_text(encoding="utf-8")
    wk_src = wenkai_copyright.read_text(encoding="utf-8")

    noto = [
        "Noto Serif CJK / Noto Sans CJK (Simplified Chinese faces), as bundled in",
        "fonts/NotoSerifSC-Regular.ttf, fonts/NotoSerifSC-Bold.ttf and",
        "fonts/NotoSansSC-Bold.ttf.",
        "",
        f"Source: Debian package {NOTO_PKG} {versions['noto']}",
        "        (upstream https://github.com/notofonts/noto-cjk).",
        "These files are Modified Versions in the sense of the licence below:",
        "subset, hinting removed, CFF outlines converted to TrueType by",
        "tools/build_fonts.py. Font names unchanged (no Reserved Font Name is",
        "used by them, see fonts/README.md). Adobe's Source Han Sans/Serif,",
        "from which Noto CJK is built, is \"Copyright 2014-2021 Adobe",
        "(http://www.adobe.com/), with Reserved Font Name 'Source'\"; the names",
        "of these files do not use \"Source\".",
        "",
        "Copyright notices:",
        *[f"  {c}" for c in font_copyrights.get("noto", [])],
        "  Copyright 2010-2012, Google Corporation (per Debian's copyright file)",
        "  Noto is a trademark of Google Inc.",
        "",
        "This Font Software is licensed under the SIL Open Font License,",
        "Version 1.1, reproduced in full below.",
        "",
        extract_deb_licence(noto_src, "SIL-1.1"),
        bar,
        f"Verbatim copy of /usr/share/doc/{NOTO_PKG}/copyright",
        bar,
        noto_src,
    ]
    wk = [
        "LXGW WenKai (霞鹜文楷) Regular, as bundled (renamed) in",
        "fonts/BriefingWenKai-Regular.ttf.",
        "",
        f"Source: Debian package {WENKAI_PKG} {versions['wenkai']}",
        "        (upstream https://github.com/lxgw/LxgwWenKai).",
        "The bundled file is a Modified Version in the sense of the licence",
        "below (subset and hinting removed by tools/build_fonts.py). Because the",
        "Font Software declares the Reserved Font Names \"霞鹜\" and \"LXGW\", the",
        "Modified Version is named \"Briefing WenKai\" (PostScript name",
        "BriefingWenKai-Regular) and does not use those names as its font name.",
        "",
        "Copyright notices:",
        *[f"  {c}" for c in font_copyrights.get("wenkai", [])],
        "  Reserved Font Names \"霞鹜\" and \"LXGW\" (per Debian's copyright file).",
        "  Klee is a trademark of Fontworks Inc.",
        "",
        "This Font Software is licensed under the SIL Open Font License,",
        "Version 1.1, reproduced in full below.",
        "",
        extract_deb_licence(wk_src, "OFL-1.1"),
        bar,
        f"Verbatim copy of /usr/share/doc/{WENKAI_PKG}/copyright",
        bar,
        wk_src,
    ]
    (out_dir / "LICENSE-NotoCJK.txt").write_text("\n".join(noto), encoding="utf-8")
    (out_dir / "LICENSE-LXGWWenKai.txt").write_text("\n".join(wk), encoding="utf-8")


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_fonts_toml(out_dir: Path, versions: dict) -> None:
    lines = [
        "# Font roles for briefing's PDF renderer. Each role lists files in order of preference;",
        "# operator-supplied licensed files dropped into fonts/ are listed first by the renderer itself.",
        "[roles]",
    ]
    for role in ROLE_ORDER:
        files = [t.out_name for t in TARGETS if role in t.roles]
        lines.append(f"{role} = [" + ", ".join(toml_str(f) for f in files) + "]")
    for t in TARGETS:
        path = out_dir / t.out_name
        if path.exists():
            f = TTFont(str(path), lazy=True)
            family = family_of(f)
            f.close()
        else:
            family = t.rename["family"] if t.rename else t.face_family
        if t.source_kind == "noto":
            source = f"Debian {NOTO_PKG} {versions['noto']}, {t.source_file} (SC face)"
        else:
            source = f"Debian {WENKAI_PKG} {versions['wenkai']}, {t.source_file}"
        lines += [
            "",
            f"[files.{toml_str(t.out_name)}]",
            f"family = {toml_str(family)}",
            f"licence = {toml_str(t.licence_file)}",
            f"source = {toml_str(source)}",
        ]
    (out_dir / "fonts.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def source_copyrights(noto_dir: Path, wenkai_dir: Path) -> dict:
    out = {"noto": [], "wenkai": []}
    for t in TARGETS:
        try:
            font, _ = open_source(t, noto_dir, wenkai_dir)
        except (OSError, SystemExit):
            continue
        c = (font["name"].getDebugName(0) or "").replace("\r\n", "\n")
        for line in c.splitlines():
            if line.strip() and line.strip() not in out[t.source_kind]:
                out[t.source_kind].append(line.strip())
        font.close()
    return out


# --------------------------------------------------------------------------
# optional render test


def render_test(out_dir: Path) -> list[str]:
    try:
        import weasyprint
        from pypdf import PdfReader
    except ImportError as exc:
        return [f"render test skipped: {exc}"]
    problems = []
    text = "一、关于堃喆昇翀犇淼燚同志的情况说明（2024年①号）——“要点”……100%"
    faces, body = [], []
    for i, t in enumerate(TARGETS):
        faces.append(
            f"@font-face {{ font-family: 'T{i}'; src: url('{(out_dir / t.out_name).as_uri()}'); }}"
        )
        body.append(f"<p style=\"font-family: 'T{i}'\">{t.out_name}: {text}</p>")
    html = ("<html lang='zh-CN'><head><meta charset='utf-8'><style>"
            + "\n".join(faces) + "</style></head><body>" + "\n".join(body) + "</body></html>")
    with tempfile.TemporaryDirectory() as td:
        pdf_path = Path(td) / "t.pdf"
        weasyprint.HTML(string=html, base_url=str(out_dir)).write_pdf(str(pdf_path))
        reader = PdfReader(str(pdf_path))
        found = {}
        for page in reader.pages:
            fonts = page["/Resources"]["/Font"]
            for ref in fonts.values():
                f = ref.get_object()
                base = str(f.get("/BaseFont"))
                desc = None
                if f.get("/Subtype") == "/Type0":
                    desc = f["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                    sub = f["/DescendantFonts"][0].get_object()["/Subtype"]
                else:
                    desc = f.get("/FontDescriptor")
                    desc = desc.get_object() if desc else None
                    sub = f.get("/Subtype")
                kinds = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if desc and k in desc]
                found[base] = (str(sub), kinds)
        log(f"render test: {pdf_path.stat().st_size} bytes PDF, fonts:")
        for base, (sub, kinds) in sorted(found.items()):
            log(f"   {base}: {sub} embedded as {kinds or 'NOT EMBEDDED'}")
            if kinds != ["/FontFile2"]:
                problems.append(f"{base}: embedded as {kinds} ({sub}), expected /FontFile2")
        # WeasyPrint names embedded fonts after the CSS family (T0, T1-Bold, ...)
        got = {re.sub(r"-(Bold|Italic|BoldItalic)$", "", b.split("+", 1)[-1].lstrip("/"))
               for b in found}
        expect = {f"T{i}" for i in range(len(TARGETS))}
        if not expect <= got:
            problems.append(f"fonts missing from PDF: {sorted(expect - got)} (got {sorted(got)})")
        extracted = "".join(page.extract_text() or "" for page in reader.pages)
        for i, t in enumerate(TARGETS):
            if f"{t.out_name}: {text}" not in extracted.replace("\n", ""):
                problems.append(f"{t.out_name}: text not extracted back from the PDF intact")
        if not problems:
            log("render test: all fonts embedded as TrueType (FontFile2), text extracts intact")
    return problems


# --------------------------------------------------------------------------


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--noto-dir", type=Path, default=DEFAULT_NOTO_DIR,
                    help=f"folder with NotoSerifCJK-*.ttc / NotoSansCJK-*.ttc (default {DEFAULT_NOTO_DIR})")
    ap.add_argument("--wenkai-dir", type=Path, default=DEFAULT_WENKAI_DIR,
                    help=f"folder with LXGWWenKai-Regular.ttf (default {DEFAULT_WENKAI_DIR})")
    ap.add_argument("--noto-copyright", type=Path,
                    default=Path(f"/usr/share/doc/{NOTO_PKG}/copyright"))
    ap.add_argument("--wenkai-copyright", type=Path,
                    default=Path(f"/usr/share/doc/{WENKAI_PKG}/copyright"))
    ap.add_argument("--noto-version", default=None, help="default: from dpkg")
    ap.add_argument("--wenkai-version", default=None, help="default: from dpkg")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    ap.add_argument("--only", action="append", default=[], metavar="FILE",
                    help="build only this output file (repeatable)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--verify-only", action="store_true",
                    help="do not build; verify the existing files (coverage vs. the sources)")
    ap.add_argument("--render-test", action="store_true",
                    help="render a PDF with WeasyPrint and check the fonts are embedded (FontFile2)")
    args = ap.parse_args(argv)

    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [t for t in TARGETS if not args.only or t.out_name in args.only]
    unknown = set(args.only) - {t.out_name for t in TARGETS}
    if unknown:
        ap.error(f"unknown --only file(s): {sorted(unknown)}")
    versions = {
        "noto": args.noto_version or deb_version(NOTO_PKG),
        "wenkai": args.wenkai_version or deb_version(WENKAI_PKG),
    }

    t_all = time.time()
    results: list[Result] = []
    if args.verify_only:
        for t in targets:
            src, desc = open_source(t, args.noto_dir, args.wenkai_dir)
            r = verify_one(out_dir / t.out_name, cjk_codepoints(src), wanted_codepoints(src),
                           RESERVED_NAMES[t.source_kind])
            r.src_glyphs, r.source_desc = len(src.getGlyphOrder()), desc
            src.close()
            results.append(r)
    else:
        with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            futs = [ex.submit(build_one, t, str(args.noto_dir), str(args.wenkai_dir), str(out_dir))
                    for t in targets]
            results = [f.result() for f in futs]
        write_licences(out_dir, args.noto_copyright, args.wenkai_copyright, versions,
                       source_copyrights(args.noto_dir, args.wenkai_dir))
        write_fonts_toml(out_dir, versions)

    failed = False
    print()
    print(f"{'file':26} {'family':24} {'size':>10} {'glyphs':>13} {'U+4E00-9FFF':>13} {'requested':>11} {'time':>6}")
    for r in results:
        print(f"{r.out_name:26} {r.family:24} {r.size / 1048576:8.2f}MB "
              f"{r.src_glyphs:>6}->{r.out_glyphs:<6} {r.src_cjk:>6}->{r.out_cjk:<6} "
              f"{r.src_wanted:>5}->{r.out_wanted:<5} {r.seconds:5.0f}s")
        print(f"{'':26} from {r.source_desc}")
        for p in r.problems:
            failed = True
            print(f"{'':26} PROBLEM: {p}")
    total = sum((out_dir / t.out_name).stat().st_size for t in TARGETS if (out_dir / t.out_name).exists())
    print(f"total size of the {len(TARGETS)} font files: {total / 1048576:.2f} MB; "
          f"elapsed {time.time() - t_all:.0f}s")

    if args.render_test:
        for p in render_test(out_dir):
            failed = True
            print(f"PROBLEM: {p}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
