"""Database backends that append the access log at the end of each transaction (see audit/chain.py)."""
