"""Renderers: Issue -> DOCX and Issue -> PDF, both reading render.layout."""
