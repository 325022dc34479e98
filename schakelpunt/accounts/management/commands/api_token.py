"""API tokens: list, issue (with a purpose and a lifetime), approve (four eyes), revoke."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from schakelpunt.accounts import services
from schakelpunt.accounts.models import ApiToken, User


def _user(username: str) -> User:
    user = User.objects.filter(username__iexact=username).first()
    if user is None:
        raise CommandError(f"Gebruiker {username!r} bestaat niet.")
    return user


def _record(pk: int) -> ApiToken:
    record = ApiToken.objects.filter(pk=pk).select_related("user").first()
    if record is None:
        raise CommandError(f"API-token {pk} bestaat niet.")
    return record


class Command(BaseCommand):
    help = "API-tokens: tonen, uitgeven (met doel en geldigheid), goedkeuren (vier ogen) en intrekken."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        lijst = sub.add_parser("list", help="alle tokens met doel, status en vervaldatum")
        lijst.add_argument("--user", default=None)
        uitgeven = sub.add_parser("issue", help="een token uitgeven (of aanvragen, voor rollen met vier ogen)")
        uitgeven.add_argument("--user", required=True)
        uitgeven.add_argument("--purpose", required=True, help="waarvoor het token is, bijv. de koppeling")
        uitgeven.add_argument("--days", type=int, default=None)
        uitgeven.add_argument("--by", required=True, help="de beheerder die het uitgeeft")
        goedkeuren = sub.add_parser("approve", help="als tweede beheerder een aangevraagd token goedkeuren")
        goedkeuren.add_argument("id", type=int)
        goedkeuren.add_argument("--by", required=True)
        intrekken = sub.add_parser("revoke", help="een token intrekken")
        intrekken.add_argument("id", type=int)
        intrekken.add_argument("--by", required=True)

    def handle(self, *args, **options):
        try:
            getattr(self, f"_{options['actie']}")(options)
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc

    def _list(self, options):
        records = ApiToken.objects.select_related("user", "aangevraagd_door", "goedgekeurd_door")
        if options["user"]:
            records = records.filter(user=_user(options["user"]))
        for r in records:
            verloopt = r.verloopt_op.strftime("%Y-%m-%d %H:%M UTC") if r.verloopt_op else "-"
            door = r.aangevraagd_door.username if r.aangevraagd_door else "systeem"
            tweede = f", goedgekeurd door {r.goedgekeurd_door.username}" if r.goedgekeurd_door else ""
            self.stdout.write(
                f"{r.pk}\t{r.user.username}\t{r.status}\tverloopt {verloopt}\t{r.token_key or '-'}\t"
                f"{r.doel}\t(door {door}{tweede})"
            )

    def _issue(self, options):
        record, token = services.api_token_issue(
            actor=_user(options["by"]), user=_user(options["user"]), doel=options["purpose"], dagen=options["days"]
        )
        if token:
            self.stdout.write(f"Token {record.pk} uitgegeven, geldig tot {record.verloopt_op:%Y-%m-%d}. Het token:")
            self.stdout.write(token)
        else:
            self.stdout.write(
                f"Token {record.pk} aangevraagd; een tweede beheerder keurt het goed met "
                f"`manage.py api_token approve {record.pk} --by <beheerder>`."
            )

    def _approve(self, options):
        record = _record(options["id"])
        token = services.api_token_approve(actor=_user(options["by"]), record=record)
        self.stdout.write(f"Token {record.pk} goedgekeurd en uitgegeven. Het token:")
        self.stdout.write(token)

    def _revoke(self, options):
        record = services.api_token_revoke(actor=_user(options["by"]), record=_record(options["id"]))
        self.stdout.write(f"Token {record.pk} ingetrokken.")
