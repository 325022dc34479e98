"""Tests of the matching engine: plain pytest and hypothesis, no database, no Django."""
