"""The packet rendered: Markdown to paste into an email, HTML that prints well on its own
(Jinja2, inline SVG charts), and PDF through WeasyPrint when it is installed."""

from __future__ import annotations

from luckos.domain.packet import Packet
from luckos.errors import LuckError

PDF_HINT = ("PDF needs WeasyPrint and the Pango library: pip install 'luckos[pdf]' and "
            "install Pango (Debian/Ubuntu: apt install libpango-1.0-0 libpangoft2-1.0-0), "
            "or print the --format html packet from a browser")


def to_markdown(packet: Packet, cited: dict[str, str]) -> str:
    """Markdown with each claim's record ids; the long packets end with the records
    cited (a weekly or skip-level update stays short enough for an email)."""
    from luckos.domain.packet import PACKET_KINDS

    if not PACKET_KINDS[packet.kind][2]:
        cited = {}
    lines = [f"# {packet.title}", "", f"{packet.since} to {packet.until}", ""]
    for section in packet.sections:
        lines += [f"## {section.title}", ""]
        for claim in section.claims:
            refs = f" [{', '.join(claim.refs)}]" if claim.refs else ""
            lines.append(f"- {claim.text}{refs}")
            if claim.detail:
                lines.append(f"  {claim.detail}")
            if claim.gap:
                lines.append(f"  (no evidence: {claim.gap})")
        lines.append("")
    if cited:
        lines += ["## Records cited", ""]
        lines += [f"- {ref}: {line}" for ref, line in cited.items()]
        lines.append("")
    return "\n".join(lines)


def to_html(packet: Packet, cited: dict[str, str], *, charts: bool = True) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    trend, metrics = None, []
    if charts:
        from luckos.evidence import charts as draw

        trend = draw.credibility_trend(packet.quarters) if packet.quarters else None
        metrics = [draw.metric_line(series) for series in packet.series]
    env = Environment(loader=PackageLoader("luckos.evidence", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                      lstrip_blocks=True)
    return env.get_template("packet.html.j2").render(
        packet=packet, cited=cited, trend_chart=trend, metric_charts=metrics)


def to_pdf(html: str) -> bytes:
    """The HTML packet as PDF; LuckError with the way to enable it when WeasyPrint or its
    system libraries are missing."""
    try:
        from weasyprint import HTML  # type: ignore[import-not-found, unused-ignore]
    except (ImportError, OSError):  # OSError: WeasyPrint is there but Pango is not
        raise LuckError(PDF_HINT) from None
    pdf = HTML(string=html).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
