"""Test helpers shared by every app: personas, factories, login, browser and axe checks."""
