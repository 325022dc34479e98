"""Domain errors: a service refuses a request for a reason the client can act on.

A service raises a subclass; the API's exception handler (`schakelpunt.api`) answers it as a
problem+json with the class's status and problem type, so no endpoint has to catch it. Plain
field errors stay Django's `ValidationError` (answered as 400 with `errors`).
"""


class DomainError(Exception):
    """Base class. `problem_type` is a stable URI reference that names the error in the API."""

    status: int = 400
    title: str = "Ongeldig verzoek"
    problem_type: str = "about:blank"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class ConflictError(DomainError):
    """Someone else saved the object since this user read it.

    Editable objects carry a `versie`; a service updates only the version the user read and raises
    this otherwise. A page answers 409 with the typed text kept; the API a 409 problem.
    """

    status = 409
    title = "Conflict"
    problem_type = "urn:schakelpunt:problem:conflict"

    def __init__(self, detail: str = "Iemand anders heeft dit intussen gewijzigd; bekijk de huidige stand.") -> None:
        super().__init__(detail)
