"""Permission matrix rows for the access log: the privacyfunctionaris only."""

from schakelpunt.testing.matrix import page

MATRIX = {"audit:search": page("privacyfunctionaris")}
