"""``trainsim code``: CSV and stdin modes, and every input error as one line on stderr."""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from trainsim.cli import code_cmd

SRC = Path(__file__).resolve().parents[2] / "src"


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="trainsim")
    sub = parser.add_subparsers(dest="command")
    code_cmd.add_parser(sub)
    args = parser.parse_args(argv)
    assert args.func is code_cmd.run
    return args.func(args)


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def turns_csv(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "turns.csv",
        [
            ["id", "text", "prev_client_text"],
            ["1", "Is it okay if we talk about that?", "I've never told anyone."],
            ["2", "Have you thought about just telling him?", "He keeps pushing."],
            ["3", "At least he apologised.", ""],
        ],
    )


def test_csv_to_file_keeps_input_columns(turns_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert run_cli(["code", str(turns_csv), "-o", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:3] == ["id", "text", "prev_client_text"]
    added = [*code_cmd.CODE_COLUMNS, *code_cmd.CONFIDENCE_COLUMNS]
    assert list(rows[0])[3:] == added
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["code_consent"] == "1"
    assert rows[0]["code_question"] == "closed"
    assert rows[0]["code_questions"] == "1"
    assert rows[1]["code_advice"] == "1"
    assert rows[2]["code_judgment"] == "1"
    assert rows[2]["code_question"] == "none"
    assert {r["code_validation"] for r in rows} <= {"0", "1"}


def test_csv_to_stdout(turns_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["code", str(turns_csv)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 3
    assert rows[1]["code_behaviour"] in {"question", "reflection", "therapist_input", "other"}


def test_custom_text_column_and_no_context(tmp_path: Path, capsys) -> None:
    path = write_csv(tmp_path / "t.csv", [["utterance"], ["What brings you here today?"]])
    assert run_cli(["code", str(path), "--text-column", "utterance"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["code_question"] == "open"


def test_context_column_is_used(tmp_path: Path, capsys) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        [["text", "client"], ["So you go quiet.", "When he gets angry I just go quiet."]],
    )
    assert run_cli(["code", str(path), "--context-column", "client"]) == 0
    assert capsys.readouterr().err == ""


def test_stdin_json_lines(monkeypatch, capsys) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Is it okay if we talk about that?\n\nOkay.\n"))
    monkeypatch.setattr("sys.stdin", stdin)
    assert run_cli(["code", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["text"] == "Is it okay if we talk about that?"
    assert first["consent_check"] is True
    assert first["spans"]["consent_check"] == [[0, 13]]
    assert "closed_question" in first["labels"]


def error_of(argv: list[str], capsys) -> str:
    assert run_cli(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_missing_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "absent.csv"
    assert error_of(["code", str(path)], capsys) == f"{path}: no such file"


def test_directory(tmp_path: Path, capsys) -> None:
    assert error_of(["code", str(tmp_path)], capsys).startswith(f"{tmp_path}: is a directory")


def test_empty_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("")
    assert error_of(["code", str(path)], capsys) == f"{path}: empty file"


def test_missing_text_column_names_existing_columns(tmp_path: Path, capsys) -> None:
    path = write_csv(tmp_path / "t.csv", [["id", "utterance"], ["1", "Hello"]])
    msg = error_of(["code", str(path)], capsys)
    assert msg == f"{path}: no column 'text' (columns: id, utterance)"


def test_explicit_context_column_must_exist(tmp_path: Path, capsys) -> None:
    path = write_csv(tmp_path / "t.csv", [["text"], ["Hello"]])
    msg = error_of(["code", str(path), "--context-column", "client"], capsys)
    assert msg == f"{path}: no column 'client' (columns: text)"


def test_not_utf8_gives_line_and_offset(tmp_path: Path, capsys) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("text\nfine\ncaf\u00e9\n".encode("latin-1"))
    msg = error_of(["code", str(path)], capsys)
    assert msg == f"{path}:3: not UTF-8 (invalid byte at offset 13)"


def test_binary_file_is_not_csv(tmp_path: Path, capsys) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"text\n\x00\x01\x02")
    assert error_of(["code", str(path)], capsys).startswith(f"{path}:2: not a CSV file")


def test_ragged_rows_are_not_csv(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("text,id\nhello,1\nworld,2,extra\n", encoding="utf-8")
    msg = error_of(["code", str(path)], capsys)
    assert msg == f"{path}:3: row has 3 fields, header has 2"


def test_bad_quoting_is_not_csv(tmp_path: Path, capsys) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text('text\n"unterminated\n', encoding="utf-8")
    assert error_of(["code", str(path)], capsys).startswith(f"{path}:")


def test_unwritable_output(turns_csv: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "no" / "such" / "dir" / "out.csv"
    assert error_of(["code", str(turns_csv), "-o", str(out)], capsys).startswith(f"{out}:")


def test_subprocess_python_c(turns_csv: Path) -> None:
    script = (
        "import argparse, sys\n"
        "from trainsim.cli import code_cmd\n"
        "p = argparse.ArgumentParser(); s = p.add_subparsers(); code_cmd.add_parser(s)\n"
        "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))\n"
    )
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    ok = subprocess.run(
        [sys.executable, "-c", script, "code", str(turns_csv)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    added = [*code_cmd.CODE_COLUMNS, *code_cmd.CONFIDENCE_COLUMNS]
    assert ok.stdout.splitlines()[0].endswith(",".join(added))
    bad = subprocess.run(
        [sys.executable, "-c", script, "code", str(turns_csv.with_name("gone.csv"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 1
    assert bad.stderr.strip() == f"{turns_csv.with_name('gone.csv')}: no such file"
    piped = subprocess.run(
        [sys.executable, "-c", script, "code", "-"],
        input="Why don't you try telling her?\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["advice"] is True


def test_stdin_rejects_invalid_utf8_at_its_line_and_keeps_output_valid() -> None:
    proc = subprocess.run([sys.executable, "-m", "trainsim", "code", "-"],
                          input=b"How are you?\nbad \xff byte\nnever read\n",
                          capture_output=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == (
        "-:2: not UTF-8 (invalid byte 0xff at byte 5 of the line)")
    lines = proc.stdout.decode("utf-8").splitlines()  # valid UTF-8
    assert [json.loads(line)["text"] for line in lines] == ["How are you?"]


def test_stdin_line_length_is_bounded() -> None:
    long_line = b"a" * (code_cmd.MAX_LINE + 1) + b"\n"
    proc = subprocess.run([sys.executable, "-m", "trainsim", "code", "-"],
                          input=b"Hello there.\n" + long_line, capture_output=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == (
        f"-:2: line longer than {code_cmd.MAX_LINE:,} characters")
    assert "Traceback" not in proc.stderr.decode()
