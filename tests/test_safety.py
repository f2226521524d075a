"""Rendering reads nothing outside templates/ and the fonts; article text cannot inject markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.render.pdf import ConfinedFetcher
from briefing.resources import templates_dir


def test_fetcher_refuses_files_outside_its_roots_and_the_network(tmp_path):
    fetcher = ConfinedFetcher([templates_dir(), tmp_path])
    (tmp_path / "ok.css").write_text("p{}", encoding="utf-8")
    assert fetcher.fetch((tmp_path / "ok.css").as_uri()).read() == b"p{}"
    with pytest.raises(ValueError, match="outside"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError, match="outside"):
        fetcher.fetch((tmp_path / ".." / "escape.css").as_uri())
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch("http://127.0.0.1:9/x.css")


def test_hostile_markup_in_an_article_is_never_followed(cli, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-VALUE", encoding="utf-8")
    article = tmp_path / "hostile.md"
    article.write_text(
        "# 国家卫健委发布公共卫生新规<img src='file://" + str(secret) + "'>\n\n"
        "国家卫健委今天发布公共卫生与健康服务新规，推动医院智慧医疗建设，提升基层医疗健康服务水平。"
        f"<link rel=stylesheet href='file://{secret}'><style>@import url(file://{secret});</style>"
        "新规覆盖全国卫生健康机构，要求医院改善患者就医体验。\n",
        encoding="utf-8")
    result = cli("build", str(article), "--date", "2026-11-26", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    pdf = tmp_path / "out" / "2026-11-26-daily-1" / manifest["outputs"]["pdf"]
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "TOPSECRET" not in text
    # the cleaner takes the tags out as page markup; the <style>…</style> text between them, inert, may stay
    assert "<img" not in text and "<link" not in text
    flat = text.replace("\n", "").replace(" ", "")
    assert "推动医院智慧医疗建设" in flat and "新规覆盖全国卫生健康机构" in flat
