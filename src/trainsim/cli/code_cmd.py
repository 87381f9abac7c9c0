"""``trainsim code``: code clinician turns from a CSV file or from standard input.

    trainsim code INPUT.csv [--text-column text] [--context-column prev_client_text] [-o OUT.csv]
    trainsim code -          # one turn per line in, one JSON object per line out
    trainsim code ... --min-confidence 0.8   # give only codes the coder is that sure of

Each output row carries ``code_*`` columns (the codes) and ``conf_*`` columns (the coder's
probability that each code is present).

Errors are one line on stderr, ``PATH: message`` or ``PATH:LINE: message``, and exit 1.
On standard input, a line that is not UTF-8 or is longer than :data:`MAX_LINE` characters
stops the run at that line (``-:LINE: message``, exit 1); the lines before it are already
written, and the output is always valid UTF-8.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from trainsim.coding import LABELS, Codes, code, code_many
from trainsim.library.files import byte_position

DEFAULT_CONTEXT = "prev_client_text"
MAX_LINE = 100_000
"""Longest turn ``trainsim code -`` reads (characters; bytes read at most 4x this)."""
CODE_COLUMNS = (
    "code_question",
    "code_questions",
    "code_reflection",
    "code_behaviour",
    "code_validation",
    "code_consent",
    "code_advice",
    "code_judgment",
    "code_grounding",
    "code_psychoeducation",
    "code_summary",
)
CONFIDENCE_COLUMNS = tuple(f"conf_{name}" for name in LABELS)


class InputError(Exception):
    """A problem with the input, already worded as ``PATH: message``."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``code`` subcommand to an argparse subparsers object."""
    p = subparsers.add_parser(
        "code",
        help="code clinician turns (questions, reflections, validation, consent, ...)",
        description="Code clinician turns from a CSV file, or one per line from stdin ('-').",
    )
    p.add_argument("input", help="CSV file to code, or '-' to read one turn per line from stdin")
    p.add_argument("--text-column", default="text", help="column holding the turn (default: text)")
    p.add_argument(
        "--context-column",
        default=None,
        help=f"column holding the client's previous line (default: {DEFAULT_CONTEXT}, if present)",
    )
    p.add_argument("-o", "--output", help="write the coded CSV here instead of stdout")
    p.add_argument(
        "--min-confidence",
        type=_probability,
        default=0.0,
        metavar="P",
        help="give a code only when the coder's probability for it is at least P (0 to 1; "
        "default 0: every code the coder gives)",
    )
    p.set_defaults(func=run)


def _probability(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number between 0 and 1") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``trainsim code``; return the exit status."""
    try:
        if args.input == "-":
            _code_lines(sys.stdin.buffer, sys.stdout, args.min_confidence)
        else:
            _code_csv(args)
    except InputError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


def code_columns(codes: Codes) -> dict[str, str]:
    """The ``code_*`` and ``conf_*`` output columns for one turn."""
    conf = {f"conf_{name}": f"{codes.confidence.get(name, 0.0):.3f}" for name in LABELS}
    return {
        "code_question": codes.question,
        "code_questions": str(codes.questions),
        "code_reflection": codes.reflection,
        "code_behaviour": codes.behaviour,
        "code_validation": str(int(codes.validation)),
        "code_consent": str(int(codes.consent_check)),
        "code_advice": str(int(codes.advice)),
        "code_judgment": str(int(codes.judgment)),
        "code_grounding": str(int(codes.grounding)),
        "code_psychoeducation": str(int(codes.psychoeducation)),
        "code_summary": str(int(codes.summary)),
        **conf,
    }


def _code_lines(source: BinaryIO, sink: TextIO, min_confidence: float = 0.0) -> None:
    number = 0
    while raw := source.readline(4 * MAX_LINE + 1):
        number += 1
        if len(raw) > 4 * MAX_LINE and not raw.endswith(b"\n"):
            raise InputError(f"-:{number}: line longer than {MAX_LINE:,} characters")
        try:
            text = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as err:
            raise InputError(f"-:{number}: not UTF-8 (invalid byte 0x{raw[err.start]:02x} at "
                             f"byte {err.start + 1} of the line)") from None
        if len(text) > MAX_LINE:
            raise InputError(f"-:{number}: line longer than {MAX_LINE:,} characters")
        if not text.strip():
            continue
        coded = code(text).confident(min_confidence)
        sink.write(json.dumps({"text": text, **coded.to_dict()}, ensure_ascii=False) + "\n")


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a CSV file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line, _ = byte_position(data, offset)
        raise InputError(f"{path}:{line}: not a CSV file (binary data at byte offset {offset})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, _ = byte_position(data, err.start)
        raise InputError(f"{path}:{line}: not UTF-8 (invalid byte at offset {err.start})") from None


def _code_csv(args: argparse.Namespace) -> None:
    path = Path(args.input)
    reader = csv.reader(io.StringIO(_read_text(path), newline=""), strict=True)
    try:
        header = next(reader)
        rows = []
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                raise InputError(
                    f"{path}:{reader.line_num}: row has {len(row)} fields, header has {len(header)}"
                )
            rows.append(row)
    except csv.Error as err:
        raise InputError(f"{path}:{reader.line_num}: not valid CSV: {err}") from None
    columns = ", ".join(header)
    if args.text_column not in header:
        raise InputError(f"{path}: no column '{args.text_column}' (columns: {columns})")
    context = args.context_column
    if context is not None and context not in header:
        raise InputError(f"{path}: no column '{context}' (columns: {columns})")
    if context is None and DEFAULT_CONTEXT in header:
        context = DEFAULT_CONTEXT
    ti = header.index(args.text_column)
    ci = header.index(context) if context else None
    added = (*CODE_COLUMNS, *CONFIDENCE_COLUMNS)
    fieldnames = header + [c for c in added if c not in header]
    coded = code_many(
        [r[ti] for r in rows], [r[ci] for r in rows] if ci is not None else None, spans=False
    )  # the CSV has no column for spans
    out_rows = []
    for row, codes in zip(rows, coded, strict=True):
        record = dict(zip(header, row, strict=True))
        record.update(code_columns(codes.confident(args.min_confidence)))
        out_rows.append(record)
    if args.output:
        out = Path(args.output)
        try:
            with out.open("w", newline="", encoding="utf-8") as fh:
                _write(fh, fieldnames, out_rows)
        except OSError as err:
            raise InputError(f"{out}: cannot write: {err.strerror or err}") from None
    else:
        _write(sys.stdout, fieldnames, out_rows)


def _write(sink: TextIO, fieldnames: list[str], rows: list[dict[str, str]]) -> None:
    writer = csv.DictWriter(sink, fieldnames=fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
