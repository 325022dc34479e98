"""Every permission of Schakelpunt, one module per part of the domain.

Importing this package registers them all in ``access.policy.PERMISSIONS``. A new app adds its
module here; the rules for a page are found by the noun it is about.
"""

from schakelpunt.access.rules import (  # noqa: F401
    adviesvragen,
    algemeen,
    beheer,
    casussen,
    doormeldingen,
    inzicht,
    overleggen,
    privacy,
    signalen,
    subjecten,
    taxonomie,
    verwerkingen,
)
