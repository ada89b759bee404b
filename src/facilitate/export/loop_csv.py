"""'You said, we did' as CSV: a row per response (or per input with none), with its theme and
number, UTF-8 with a byte-order mark; cells a spreadsheet would run as formulas are defused."""

from __future__ import annotations

import csv
import io

from facilitate.export.csv import safe_cell
from facilitate.services.record.you_said_we_did import NO_RESPONSE, LoopReport

LOOP_COLUMNS = (
    "theme",
    "number",
    "meeting_date",
    "meeting",
    "you_said",
    "source",
    "response_kind",
    "we_did",
    "status",
    "reason",
    "owner",
    "organization",
    "due",
    "latest_update",
)


def loop_csv(report: LoopReport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LOOP_COLUMNS)
    for group in report.groups:
        for line in group.inputs:
            base: list[object] = [
                group.name,
                line.number,
                line.meeting_date.isoformat(),
                line.meeting_title,
                line.text,
                line.source,
            ]
            rows: list[list[object]] = [
                [
                    *base,
                    r.kind,
                    r.text,
                    r.status,
                    r.reason,
                    r.owner,
                    r.organization,
                    r.due.isoformat() if r.due else "",
                    r.latest_update,
                ]
                for r in line.responses
            ]
            if line.withheld:
                rows.append([*base, "", line.withheld, "", "", "", "", "", ""])
            if not rows:
                rows.append([*base, "", NO_RESPONSE, "", "", "", "", "", ""])
            for row in rows:
                writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
