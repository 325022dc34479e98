"""The API's JSON parser: DRF's, except that JSON nested too deep to decode is a 400, not a 500.

Its own module (not schakelpunt/api.py) because DRF imports parser classes while its views load.
"""

from typing import Any

from rest_framework import exceptions, parsers


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            # DRF only turns the decoder's ValueError into a ParseError; deep nesting overflows the stack.
            raise exceptions.ParseError("Ongeldige JSON: te diep genest.") from exc
