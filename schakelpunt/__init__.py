"""Schakelpunt: the central meldpunt for signals of crime within a municipality."""
