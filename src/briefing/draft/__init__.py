"""Publishing from the editor's draft (`briefing publish EDITED.docx`).

- reader.py   the edited DOCX -> Draft: sections, items, masthead and 报尾 as the editor left them
- final.py    Draft + the issue as built (StoredIssue) -> the final Issue, rendered into the issue folder
- changes.py  what the editor changed, as records for the manifest and lines for the terminal
"""
