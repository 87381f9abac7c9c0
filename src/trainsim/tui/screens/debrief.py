"""Debrief: scores beside self-ratings, evidence turn by turn, metrics, state, transcript."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, Sparkline, Static

from trainsim.reports.debrief import (
    UNSURE_NOTE,
    Debrief,
    code_names,
    ending_line,
    format_duration,
    format_fraction,
    format_points,
    metric_lines,
)
from trainsim.reports.export import write_exports
from trainsim.tui.controller import AppState, SessionController
from trainsim.tui.widgets.title_bar import TitleBar
from trainsim.tui.widgets.too_small import SizeGuard, TooSmall
from trainsim.tui.widgets.transcript import line_content

if TYPE_CHECKING:
    from trainsim.tui.app import TrainsimApp


def section(content: Content, title: str, id: str) -> Static:
    widget = Static(content, id=id, classes="section")
    widget.border_title = title
    return widget


def skills_content(debrief: Debrief) -> Content:
    rows: list[Content] = []
    for d in debrief.dimensions:
        if d.band is None:
            scored = Content.from_markup("[dim]not assessed[/dim]")
        else:
            scored = Content.from_markup(
                "[b]$band[/b] ($pct, $earned of $available points)", band=d.band,
                pct=format_fraction(d.fraction), earned=d.earned, available=d.available)
        rows.append(Content.assemble(Content.from_markup("[b $accent]$t[/]: ", t=d.title),
                                     scored))
        rows.append(Content.from_markup("  [i]$comparison[/i]", comparison=d.comparison))
        if d.figure:
            rows.append(Content.from_markup("  [dim]$figure[/dim]", figure=d.figure))
        for line in d.held:
            rows.append(Content.from_markup("  [$warning]$line[/] [dim](points alone: $pb)[/dim]",
                                            line=line, pb=d.points_band or "-"))
        if d.tip:
            rows.append(Content.from_markup("  Something to try: $tip", tip=d.tip))
    if debrief.objectives:
        rows.append(Content.from_markup("[b]Learning objectives[/b]"))
        rows += [Content.from_markup("  $mark $text", mark="✓" if reached else "✗", text=text)
                 for text, reached in debrief.objectives]
    return Content("\n").join(rows) if rows else Content("No skills were scored.")


def turns_content(debrief: Debrief) -> Content:
    if not debrief.turns:
        return Content("No responses were given.")
    rows: list[Content] = []
    for t in debrief.turns:
        if rows:
            rows.append(Content(""))
        rows.append(Content.from_markup("[b]Turn $n[/b]  You: $text", n=t.index + 1,
                                        text=t.text))
        if t.kind == "typed":
            rows.append(Content.from_markup("  [dim]Typed; coded as:[/dim] [b]$codes[/b]",
                                            codes=code_names(t.codes, t.unsure)))
            if t.unsure:
                rows.append(Content.from_markup("  [dim]($note)[/dim]", note=UNSURE_NOTE))
        if not t.points:
            rows.append(Content.from_markup("  [dim]No points either way on the scored "
                                            "skills.[/dim]"))
        for p in t.points:
            style = "$success" if p.points > 0 else "$warning"
            rows.append(Content.from_markup(
                f"  [b {style}]$pts[/] $title [dim](best here: $best)[/dim]: $reason",
                pts=format_points(p.points), title=p.title, best=p.available, reason=p.reason))
        if t.exemplar:
            rows.append(Content.from_markup(
                "  [$accent]A response a skilled clinician might use here:[/] [i]$ex[/i]",
                ex=t.exemplar))
    if debrief.session_points:
        rows += [Content(""), Content.from_markup("[b]Across the session[/b]")]
        rows += [Content.from_markup("  [b]$pts[/b] $title: $reason", pts=format_points(p.points),
                                     title=p.title, reason=p.reason)
                 for p in debrief.session_points]
    return Content("\n").join(rows)


def metrics_content(debrief: Debrief) -> Content:
    return Content("\n").join(Content.from_markup("$label: [b]$value[/b]", label=label,
                                                  value=value)
                              for label, value in metric_lines(debrief.metrics))


class DebriefScreen(SizeGuard, Screen[None]):
    """The full debrief; e exports it as Markdown and JSON."""

    CSS_PATH = "debrief.tcss"

    TITLE = "Debrief"
    BINDINGS = [  # noqa: RUF012
        Binding("e", "export", "Export"),
        Binding("escape", "home", "Library"),
    ]

    def __init__(self, state: AppState, controller: SessionController) -> None:
        super().__init__()
        self.state = state
        self.controller = controller
        self.debrief = controller.debrief(created=state.now())
        self.exported: tuple[Path, Path] | None = None

    @property
    def tapp(self) -> TrainsimApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        d = self.debrief
        yield TitleBar()
        with VerticalScroll(id="debrief-body"):
            yield Static(Content.from_markup(
                "[b]$title[/b] · $mode mode · $turns turn$s · session time $time "
                "(pauses not counted)\n$ending", title=d.title, mode=d.mode.capitalize(),
                turns=len(d.turns), s="" if len(d.turns) == 1 else "s",
                time=format_duration(d.duration), ending=ending_line(d)), id="debrief-summary")
            yield section(skills_content(d), "Skills: scored and self-rated", "skills")
            yield section(turns_content(d), "Turn by turn", "evidence")
            yield section(metrics_content(d), "Session metrics", "metrics")
            with Vertical(id="states", classes="section") as states:
                states.border_title = "Client state across the session"
                if not d.states:
                    yield Static("This scenario does not track the client's state.")
                for s in d.states:
                    with Horizontal(classes="state-row"):
                        yield Label(Content(s.name), classes="state-name")
                        yield Sparkline(list(s.values), id=f"spark-{s.name}",
                                        classes="state-spark")
                        yield Label(" → ".join(str(v) for v in s.values) +
                                    f"  ({s.minimum} to {s.maximum})", classes="state-values")
            yield section(Content("\n").join(line_content(line) for line in d.transcript),
                          "Transcript", "debrief-transcript")
        yield Static("Press e to export this debrief as Markdown and JSON.", id="export-status")
        yield Footer()
        yield TooSmall()

    def on_mount(self) -> None:
        self.sub_title = self.debrief.title
        self.query_one("#debrief-body").focus()

    def action_export(self) -> None:
        try:
            self.exported = write_exports(self.debrief, self.state.export_dir)
        except OSError as exc:
            self.notify(f"The debrief could not be saved: {exc}", severity="error", markup=False)
            return
        md, js = self.exported
        self.query_one("#export-status", Static).update(
            Content.from_markup("Saved: [b]$md[/b]\nand [b]$js[/b]", md=str(md), js=str(js)))
        self.notify(f"Saved to {md.parent}", title="Debrief exported", markup=False)

    def action_home(self) -> None:
        self.tapp.go_home()
