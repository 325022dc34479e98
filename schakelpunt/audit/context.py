"""Per-request facts the audit log needs (origin address, request id), set by middleware."""

from contextvars import ContextVar

origin_address: ContextVar[str] = ContextVar("origin_address", default="")
request_id: ContextVar[str] = ContextVar("request_id", default="")
