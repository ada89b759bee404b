"""'You said, we did' and its one-pager as one self-contained HTML file each.

A section per theme with lists; every piece of record text goes through `html.escape`. The
one-pager has its own print rules (A4 and Letter margins, small type) so it prints on one or
two pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitate.export.html import e, page
from facilitate.export.loop_layout import ONE_PAGE_TITLE, intro, layout, plain_groups
from facilitate.services.record.you_said_we_did import LoopReport

LOOP_CSS = """
.counts { color: #4b5563; font-style: italic; margin: 0 0 .25rem; }
.number { font-weight: 700; margin-right: .35rem; }
"""

ONE_PAGE_CSS = """
body.one-page { max-width: 46rem; margin: 1rem auto; font-size: 11pt; line-height: 1.35; }
body.one-page h1 { font-size: 1.45rem; }
body.one-page h2 { font-size: 1.1rem; margin: .9rem 0 .2rem; }
body.one-page p, body.one-page ul { margin: .15rem 0; }
body.one-page ul { padding-left: 1.2rem; }
.label { font-weight: 700; }
@page { margin: 1.4cm; }
@media print { body.one-page { margin: 0; font-size: 10pt; } }
"""


def _ul(items: Iterable[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"


def _text(text: str) -> str:
    return f'<span class="text">{e(text)}</span>'


def render_loop(report: LoopReport) -> str:
    """The partners' (or public, or internal) report."""
    parts = [f"<h1>You said, we did: {e(report.title)}</h1>", f"<p>{e(intro(report))}</p>"]
    for group in layout(report):
        parts += [
            f"<section>\n<h2>{e(group.name)}</h2>",
            f'<p class="counts">{e(group.counts)}</p>',
            "<h3>You said</h3>",
            _ul(
                f'<span class="number">{e(s.number)}</span>{_text(s.text)} '
                f'<span class="source">— {e(s.about)}</span>'
                for s in group.said
            ),
        ]
        if group.did or group.more_done:
            items = []
            for d in group.did:
                lead = f" · {e(d.lead)}" if d.lead else ""
                item = f"<strong>{e(d.answers)}{lead}:</strong> {_text(d.text)}"
                if d.details:
                    item += f'<br><span class="note">{e("; ".join(d.details))}</span>'
                items.append(item)
            parts += ["<h3>We did</h3>", *([_ul(items)] if items else [])]
            if group.more_done:
                parts.append(f'<p class="about">{e(group.more_done)}</p>')
        if group.still_open:
            parts += ["<h3>Still open</h3>", f'<p class="about">{e(group.still_open)}</p>']
        parts.append("</section>")
    parts.append(
        f"<footer>Generated {report.generated_at:%Y-%m-%d %H:%M} UTC by facilitate</footer>"
    )
    return page(f"You said, we did: {report.title}", "loop", parts, css=LOOP_CSS)


def render_one_page(report: LoopReport) -> str:
    """The plain-language handout for the next session."""
    parts = [f"<h1>{e(ONE_PAGE_TITLE)}</h1>", f'<p class="about">{e(report.title)}</p>']
    if report.nothing_shown:
        parts.append(f"<p>{e(report.nothing_shown)}</p>")
    for group in plain_groups(report):
        told = [_text(t) for t in group.told] + ([e(group.more)] if group.more else [])
        parts += [
            f"<section>\n<h2>{e(group.name)}</h2>",
            '<p class="label">You told us:</p>',
            _ul(told),
        ]
        if group.did:
            parts += ['<p class="label">What we did:</p>', _ul(_text(t) for t in group.did)]
        if group.still_open:
            parts.append(f"<p>{e(group.still_open)}</p>")
        parts.append("</section>")
    parts.append(f'<p class="about">{report.generated_at:%B %Y}</p>')
    return page(ONE_PAGE_TITLE, "one-page", parts, css=ONE_PAGE_CSS)
