"""The API's JSON parser: DRF's, with a limit on nesting.

Its own module because DRF reads DEFAULT_PARSER_CLASSES while `rest_framework.views` is being
imported, which `schakelpunt.api` itself imports.
"""

from rest_framework import exceptions, parsers

# JSON nested deeper than this is refused before any code walks it (a body of 1 000 nested
# lists would otherwise end in a RecursionError somewhere downstream).
JSON_MAX_DEPTH = 32


def _too_deep(data, limit: int) -> bool:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with a nesting limit: 400 instead of a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None):
        message = f"De JSON is te diep genest (hoogstens {JSON_MAX_DEPTH} niveaus)."
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(message) from None
        if _too_deep(data, JSON_MAX_DEPTH):
            raise exceptions.ParseError(message)
        return data
