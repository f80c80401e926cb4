"""The exception tree. Each message says what went wrong, why, and how to fix it.

    TelisikError
    ├── InputError            an input could not be read (names the input)
    │   ├── BinaryInput
    │   ├── EmptyInput
    │   ├── InputTooLarge
    │   └── MalformedInput
    ├── StoreError            the database refused or is of an unknown version
    └── MissingExtra          an optional dependency is not installed

The CLI turns any of these into ``error: <message>`` on stderr and a non-zero
exit; the core never prints or exits.
"""

from __future__ import annotations


class TelisikError(Exception):
    """Base class for every error telisik raises on purpose."""


class InputError(TelisikError):
    """An input could not be turned into a document."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class BinaryInput(InputError):
    """The input looks like binary data, not text, HTML, JSON or a feed."""


class EmptyInput(InputError):
    """The input has no text once whitespace and markup are removed."""


class InputTooLarge(InputError):
    """The input is larger than ``max_input_bytes`` in the settings."""


class MalformedInput(InputError):
    """The input claims a format (JSON, HTML, feed) but cannot be parsed as it."""


class StoreError(TelisikError):
    """The store could not be opened, migrated or written."""


class MissingExtra(TelisikError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"{package} is not installed; install it with: pip install 'telisik[{extra}]'"
        )
