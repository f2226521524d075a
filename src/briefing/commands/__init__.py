"""The commands, one module each; `briefing.cli` puts them together under `briefing`."""
