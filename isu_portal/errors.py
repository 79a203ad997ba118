"""The one error type that services raise; views and the API turn it into a clear message."""


class DomainError(Exception):
    """A rule of the domain was broken; nothing was changed."""

    def __init__(self, message: str | list[str], *, field: str | None = None):
        self.messages = [message] if isinstance(message, str) else list(message)
        self.field = field
        super().__init__("; ".join(self.messages))
