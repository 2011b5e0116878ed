"""Errors: what the build reports about a seed or a registry file, each printed as one line naming the file."""

from __future__ import annotations

from generator.paths import shown


class SeedError(Exception):
    """A seed that cannot become a briefing; the message is one line for the user."""

    def __init__(self, seed: str, reason: str, line: int | None = None) -> None:
        self.seed = seed
        self.reason = reason
        self.line = line
        where = f"{shown(seed)}:{line}" if line else shown(seed)  # the name escaped: the message is one safe line
        super().__init__(f"{where}: error: {reason}")

    def __reduce__(self) -> tuple[type[SeedError], tuple[str, str, int | None]]:
        """Pickle by the constructor's arguments (errors travel back from worker processes)."""
        return (SeedError, (self.seed, self.reason, self.line))


class RegistryError(Exception):
    """A problem in a registry file, reported as `path:line: error: message`."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: error: {message}")
