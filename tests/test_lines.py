"""The PDF's line setter: the grid, the line-breaking rules, numbers kept whole."""

from __future__ import annotations

from briefing.render.fonts import load_fonts
from briefing.render.layout import GRID_SPACING_PT, LAYOUT, STYLES
from briefing.render.lines import NO_LINE_END, NO_LINE_START, Measurer, set_paragraph

BODY = STYLES["body"].size_pt
SPACING = GRID_SPACING_PT


def measurer() -> Measurer:
    return Measurer([f.path for f in load_fonts().chains["body"]], BODY)


def widths(line, m: Measurer) -> float:
    return sum(m.advance(ch) + line.letter_spacing_pt for ch in line.text) + line.indent_pt


def test_chinese_fills_28_characters_and_every_line_but_the_last_is_flush():
    m = measurer()
    text = "科技创新动态" * 20
    lines = set_paragraph(text, m, LAYOUT.text_width_pt, SPACING, indent_pt=2 * LAYOUT.char_pitch_pt)
    assert "".join(l.text for l in lines) == text
    assert [len(l.text) for l in lines[:-1]] == [26] + [28] * (len(lines) - 2)
    for line in lines[:-1]:
        assert abs(widths(line, m) - LAYOUT.text_width_pt) < 0.1
    assert lines[-1].letter_spacing_pt == round(SPACING, 4), "the last line keeps the grid spacing"


def test_closing_marks_never_start_and_opening_marks_never_end_a_line():
    m = measurer()
    # put a comma exactly where the 29th character would fall, and an opening quote at the 28th
    text = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八，后文。" * 3 + \
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七“引号”后文继续写下去。"
    lines = set_paragraph(text, m, LAYOUT.text_width_pt, SPACING)
    assert "".join(l.text for l in lines) == text
    for line in lines[1:]:
        assert line.text[0] not in NO_LINE_START, line.text
    for line in lines[:-1]:
        assert line.text[-1] not in NO_LINE_END, line.text
        assert abs(widths(line, m) - LAYOUT.text_width_pt) < 0.1, "a shortened line is still stretched flush"


def test_numbers_and_latin_words_are_not_broken():
    m = measurer()
    text = "区域经济总量从2014年的5.95万亿元增长至2025年的近12万亿元，AI与4Pi-SIM光机系统" * 4
    lines = set_paragraph(text, m, LAYOUT.text_width_pt, SPACING)
    for first, second in zip(lines, lines[1:]):
        joint = first.text[-1] + second.text[0]
        assert not (joint[0].isascii() and joint[0].isalnum() and joint[1].isascii() and joint[1].isalnum()), joint


def test_pinyin_and_accented_names_are_not_broken():
    m = measurer()
    text = "拼音Zhāng Wěi与Lǚ Xiǎomíng在慕尼黑（München）和德沃夏克（Dvořák）故居" * 6
    lines = set_paragraph(text, m, LAYOUT.text_width_pt, SPACING)
    assert "".join(l.text for l in lines) == text
    words = {"Zhāng", "Wěi", "Lǚ", "Xiǎomíng", "München", "Dvořák"}
    for first, second in zip(lines, lines[1:]):
        joint = first.text[-6:] + second.text[:6]
        for word in words:
            if word in joint:
                assert word in first.text[-6:] or word in second.text[:6], f"{word} split: {joint}"
