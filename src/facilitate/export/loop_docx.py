"""'You said, we did' as a Word document: a heading per theme, bulleted lists beneath it."""

from __future__ import annotations

from facilitate.export.loop_layout import intro, layout
from facilitate.export.wordml import QUIET, Package, Run, paragraph
from facilitate.services.record.you_said_we_did import LoopReport


def _quiet(text: str) -> Run:
    return Run(text, italic=True, color=QUIET)


def render_loop(report: LoopReport) -> bytes:
    """The partners' (or public, or internal) report."""
    title = f"You said, we did: {report.title}"
    out = Package(
        title=title, generated_at=report.generated_at, header=f"{title} · {report.audience_label}"
    )
    out.add(paragraph([title], "Title"))
    out.add(paragraph([intro(report)]))
    for group in layout(report):
        out.add(paragraph([group.name], "Heading1"))
        out.add(paragraph([_quiet(group.counts)]))
        out.add(paragraph(["You said"], "Heading2"))
        for s in group.said:
            runs: list[Run | str] = [
                Run(f"{s.number} ", bold=True),
                s.text,
                _quiet(f" — {s.about}"),
            ]
            out.add(paragraph(runs, "ListBullet"))
        if group.did or group.more_done:
            out.add(paragraph(["We did"], "Heading2"))
            for d in group.did:
                lead = f" · {d.lead}" if d.lead else ""
                runs = [Run(f"{d.answers}{lead}: ", bold=True), d.text]
                if d.details:
                    runs.append(_quiet("\n" + "; ".join(d.details)))
                out.add(paragraph(runs, "ListBullet"))
            if group.more_done:
                out.add(paragraph([_quiet(group.more_done)]))
        if group.still_open:
            out.add(paragraph(["Still open"], "Heading2"))
            out.add(paragraph([_quiet(group.still_open)]))
    out.add(
        paragraph([_quiet(f"Generated {report.generated_at:%Y-%m-%d %H:%M} UTC by facilitate")])
    )
    return out.bytes()
