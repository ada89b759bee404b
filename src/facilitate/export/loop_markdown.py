"""'You said, we did' and its one-pager as Markdown: a heading per theme, lists beneath it.

Every piece of record text goes through `escape.md_*`; only the layout is Markdown.
"""

from __future__ import annotations

from facilitate.export.escape import md_line, md_text
from facilitate.export.loop_layout import ONE_PAGE_TITLE, intro, layout, plain_groups
from facilitate.services.record.you_said_we_did import LoopReport

INDENT = "  "


def render_loop(report: LoopReport) -> str:
    """The partners' (or public, or internal) report."""
    out = [f"# You said, we did: {md_line(report.title)}", "", md_line(intro(report)), ""]
    for group in layout(report):
        out += [f"## {md_line(group.name)}", "", f"*{md_line(group.counts)}*", ""]
        out += ["### You said", ""]
        for said in group.said:
            text = md_text(said.text, indent=INDENT)
            out.append(f"- **{said.number}** {text} — *{md_line(said.about)}*")
        out.append("")
        if group.did or group.more_done:
            out += ["### We did", ""]
            for did in group.did:
                lead = f" · {md_line(did.lead)}" if did.lead else ""
                out.append(f"- **{did.answers}{lead}:** {md_text(did.text, indent=INDENT)}")
                if did.details:
                    out.append(f"{INDENT}- {md_line('; '.join(did.details))}")
            if group.more_done:
                out.append(f"- {group.more_done}")  # our own words and numbers, as below
            out.append("")
        if group.still_open:
            # Our own words and numbers only: escaping would print "\\#3".
            out += ["### Still open", "", f"- {group.still_open}", ""]
    out += [f"*Generated {report.generated_at:%Y-%m-%d %H:%M} UTC by facilitate*", ""]
    return "\n".join(out)


def render_one_page(report: LoopReport) -> str:
    """The plain-language handout for the next session."""
    out = [f"# {ONE_PAGE_TITLE}", "", f"**{md_line(report.title)}**", ""]
    if report.nothing_shown:
        out += [md_line(report.nothing_shown), ""]
    for group in plain_groups(report):
        out += [f"## {md_line(group.name)}", "", "**You told us:**", ""]
        out += [f"- {md_text(text, indent=INDENT)}" for text in group.told]
        if group.more:
            out.append(f"- *{md_line(group.more)}*")
        out.append("")
        if group.did:
            out += ["**What we did:**", ""]
            out += [f"- {md_text(text, indent=INDENT)}" for text in group.did]
            out.append("")
        if group.still_open:
            out += [md_line(group.still_open), ""]
    out += [f"*{report.generated_at:%B %Y}*", ""]
    return "\n".join(out)
