"""What every CLI command shares: turning library errors into one-line messages, and dates."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from wardrums.errors import InputError, WardrumsError


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Expected failures become a one-line message (exit 1); Ctrl-C says nothing was half-done."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except WardrumsError as exc:
            raise click.ClickException(str(exc)) from exc
        except KeyboardInterrupt:
            click.echo("\ninterrupted: every article stored so far is complete; "
                       "run the same command again to go on", err=True)
            sys.exit(130)
    return wrapper


def parse_date(value: str | None, name: str) -> dt.date | None:
    """An ISO date option, or an InputError naming the option and the expected form."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name} {value!r} is not a date; use YYYY-MM-DD") from exc
