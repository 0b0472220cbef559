"""Markdown: a heading, the answer's introduction, and each report as a table."""

from __future__ import annotations

from reports.model import Answer, Report
from reports.opmaak import cel, kolomkop
from reports.opmaak import tekst as opgemaakt


def tekst(answer: Answer, eenheid: int = 1) -> str:
    regels = [f"# {opgemaakt(answer.title, eenheid)}", ""] if answer.title else []
    regels += [opgemaakt(answer.intro, eenheid), ""] if answer.intro else []
    for report in answer.reports:
        regels += report_regels(report, eenheid)
    return "\n".join(regels)


def report_regels(report: Report, eenheid: int = 1) -> list[str]:
    regels = [
        f"## {opgemaakt(report.title, eenheid)}",
        "",
        "| " + " | ".join(kolomkop(k) for k in report.columns) + " |",
        "|" + "|".join("---:" if k.money else "---" for k in report.columns) + "|",
    ]
    regels += [
        "| " + " | ".join(cel(r.cells.get(k.key), k, eenheid).replace("|", "\\|") for k in report.columns) + " |"
        for r in report.rows
    ]
    if report.footnotes:
        regels += ["", *(opgemaakt(f, eenheid) for f in report.footnotes)]
    return [*regels, ""]
