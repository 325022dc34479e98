"""Permission matrix rows for inzicht: bestuur and the aandachtsfunctionaris, nobody else."""

from schakelpunt.testing.matrix import api, page

MATRIX = {
    "inzicht:dashboard": page("bestuur", "aandachtsfunctionaris"),
    "api-inzicht-signalen": api("bestuur", "aandachtsfunctionaris"),
}
