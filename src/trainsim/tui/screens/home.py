"""Home: the scenario library as a table, with type-to-filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from trainsim.tui.controller import AppState
from trainsim.tui.listing import ListingRow
from trainsim.tui.widgets.title_bar import TitleBar
from trainsim.tui.widgets.too_small import SizeGuard, TooSmall

if TYPE_CHECKING:
    from trainsim.tui.app import TrainsimApp

COLUMNS = (("Title", 24), ("Status", 9), ("Client", 9), ("Level", 12), ("Min", 3),
           ("Content notes", 14), ("Last bands", 14))


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def abbreviate(band: str | None) -> str:
    return "–" if band is None else band[:3]


def matches(row: ListingRow, words: list[str]) -> bool:
    """Whether every filter word appears in the scenario's searchable text."""
    text = row.search_text()
    return all(w in text for w in words)


class HomeScreen(SizeGuard, Screen[None]):
    """The library: pick a scenario, read its briefing."""

    AUTO_FOCUS = "#library"

    TITLE = "Library"
    BINDINGS = [  # noqa: RUF012
        Binding("enter", "open", "Open briefing", priority=True),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "cursor(-10)", show=False),
        Binding("pagedown", "cursor(10)", show=False),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.shown: list[ListingRow] = []

    @property
    def tapp(self) -> TrainsimApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(placeholder="Type to filter by title, client, level or content notes",
                    select_on_focus=False,
                    id="filter")
        table: DataTable[str | Content] = DataTable(id="library", cursor_type="row",
                                                    zebra_stripes=True, cell_padding=1)
        for label, width in COLUMNS:
            table.add_column(label, width=width, key=label)
        yield table
        yield Static(id="details")
        yield Footer()
        yield TooSmall()

    def on_mount(self) -> None:
        self.refill()
        if not self.state.library_loaded:  # listed from the cache: load while the trainee reads
            self.run_worker(self.state.load_library, thread=True, exit_on_error=False)

    def on_screen_resume(self) -> None:
        self.refill()

    # -- the table -------------------------------------------------------------------------
    @property
    def table(self) -> DataTable[str | Content]:
        return self.query_one("#library", DataTable)

    def refill(self) -> None:
        """Rebuild the rows for the current filter, keeping the highlighted scenario."""
        table = self.table
        current = self.highlighted
        words = self.query_one("#filter", Input).value.lower().split()
        self.shown = [r for r in self.state.listing if matches(r, words)]
        table.clear()
        for index, entry in enumerate(self.shown):
            table.add_row(*self.row(entry), key=str(index))
        if current is not None and current in self.shown:
            table.move_cursor(row=self.shown.index(current), animate=False)
        self.show_details()

    def row(self, entry: ListingRow) -> list[str | Content]:
        result = self.state.results.get(entry.id)
        if not entry.ok:
            count = entry.errors
            status: str | Content = Content.from_markup(
                "[bold $error]⚠ $n error$s[/]", n=count, s="" if count == 1 else "s")
        elif result is not None:
            status = Content.from_markup("[$success]✓ done[/]")
        else:
            status = ""
        bands = ("/".join(abbreviate(b) for b in result.bands.values())
                 if result is not None else "")
        # Text from files goes in as Content: a DataTable reads a plain str as markup.
        if entry.title is None:
            return [Content(clip(entry.file, 24)), status, "", "", "", "", ""]
        return [Content(clip(entry.title, 24)), status, Content(clip(entry.client or "", 9)),
                Content(entry.difficulty or ""), str(entry.minutes),
                Content(clip(", ".join(entry.content_notes), 14)), clip(bands, 14)]

    @property
    def highlighted(self) -> ListingRow | None:
        row = self.table.cursor_row
        if not self.shown or row is None or not 0 <= row < len(self.shown):
            return None
        return self.shown[row]

    def show_details(self) -> None:
        details = self.query_one("#details", Static)
        entry = self.highlighted
        if entry is None:
            details.update("No scenario matches the filter." if self.state.listing
                           else "The library is empty.")
            return
        lines: list[Content] = []
        if not entry.ok:
            count = entry.errors
            lines.append(Content.from_markup(
                "[b]$name[/b]: this file has $n error$s, so it cannot be started yet. "
                "Press Enter to see where.", name=entry.file, n=count,
                s="" if count == 1 else "s"))
        else:
            lines.append(Content.from_markup("[b]$title[/b]: $summary", title=entry.title,
                                             summary=entry.summary))
            lines.append(Content.from_markup("[dim]Content notes:[/] $notes",
                                             notes="; ".join(entry.content_notes)))
            result = self.state.results.get(entry.id)
            if result is not None:
                rubrics = self.state.library.rubrics
                titles = {r: rubrics[r].title for r in result.bands if r in rubrics}
                bands = ", ".join(f"{titles.get(r, r)} {b or 'not assessed'}"
                                  for r, b in result.bands.items())
                lines.append(Content.from_markup(
                    "[dim]Completed in this run ($mode):[/] $bands",
                    mode=result.mode.value, bands=bands))
        details.update(Content("\n").join(lines))

    # -- events and actions ----------------------------------------------------------------
    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refill()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.show_details()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def on_key(self, event: events.Key) -> None:
        """Typing while the table has focus goes to the filter."""
        filt = self.query_one("#filter", Input)
        if (self.focused is self.table and event.is_printable and event.character
                and event.character not in "q?p/" and not event.character.isspace()):
            filt.focus()
            filt.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    def action_cursor(self, step: int) -> None:
        table = self.table
        if table.row_count:
            row = max(0, min(table.row_count - 1, table.cursor_row + step))
            table.move_cursor(row=row, animate=False)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        filt = self.query_one("#filter", Input)
        if filt.value:
            filt.value = ""
        self.table.focus()

    def action_open(self) -> None:
        entry = self.highlighted
        if entry is None:
            self.notify("No scenario is highlighted: clear the filter to see the whole library.",
                        severity="warning")
            return
        loaded = self.state.library.scenario(entry.id)
        if loaded is None:
            self.notify(f"'{entry.file}' is no longer in the library.", severity="warning",
                        markup=False)
            return
        self.tapp.open_entry(loaded)
