"""Typed errors of the core; the CLI edge turns each into one line and an exit code."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1  # a verdict at or above --fail-on
    USAGE = 2  # usage or input error
    INTERRUPTED = 130


class FactcheckError(Exception):
    """A problem with what the user gave us: printed as one line, exit status 2."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class KnowledgeBaseError(FactcheckError):
    """claims.yaml cannot be read, parsed or validated."""


class InputError(FactcheckError):
    """An input file, folder or stream cannot be used."""


class ConfigError(FactcheckError):
    """The [tool.factcheck] or .factcheck.toml configuration is invalid."""
