"""Demo beheer: a role proposal waiting for the second beheerder (four eyes). Synthetic."""

from schakelpunt.accounts.models import User
from schakelpunt.beheer import services
from schakelpunt.beheer.models import RolVoorstel


def seed(stdout) -> None:
    if RolVoorstel.objects.exists():
        return
    beheerder = User.objects.filter(username="beheerder").first()
    kandidaat = User.objects.filter(username="sociaalteam").first()
    if beheerder is None or kandidaat is None:
        return
    services.rol_geven(
        actor=beheerder,
        user=kandidaat,
        rol="aandachtsfunctionaris",
        reden="Vervangt de aandachtsfunctionaris tijdens haar verlof in december.",
    )
    stdout.write("Beheer: een rol wacht op goedkeuring door een tweede beheerder (log in als beheerder2).")
