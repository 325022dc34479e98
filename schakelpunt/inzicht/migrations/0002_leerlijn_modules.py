"""The first modules of the leerlijn, as data (the beheerder edits them on screen afterwards).

The content is written here in full, not imported from live code, so this migration never changes.
"""

from django.db import migrations

MODULES = [
    {
        "slug": "waar-let-je-op",
        "titel": "Waar let je op?",
        "samenvatting": "Signalen van uitbuiting en ondermijning herkennen in je eigen werk.",
        "inhoud": (
            "Je hoeft niet zeker te weten dat er iets mis is. Een niet-pluisgevoel is genoeg om het te melden: "
            "het meldpunt legt signalen van verschillende afdelingen naast elkaar, en pas samen vormen ze een beeld.\n\n"
            "Let op wat niet klopt: een kind dat wekenlang verzuimt en uitgeput is, een bewoner die niet zelf "
            "mag praten, een leefstijl die niet past bij het inkomen, documenten die ontbreken of vals lijken, "
            "een ingestudeerd verhaal, veel mensen op één adres.\n\n"
            "De wegwijzer beschrijft per indicator waar je op let en wat je kunt vragen."
        ),
        "oefencasus": (
            "Fictief: een leerplichtambtenaar ziet dat Sem (12) al drie weken niet op school komt. Zijn moeder zegt "
            "dat hij ziek is, maar een buurvrouw ziet hem 's avonds laat met oudere neven op straat. Op school "
            "valt hij in slaap en hij heeft nieuwe, dure kleding."
        ),
        "vragen": [
            {
                "tekst": "Moet je zeker weten dat er sprake is van uitbuiting voordat je meldt?",
                "opties": ["Ja, anders beschuldig je iemand ten onrechte", "Nee, een niet-pluisgevoel is genoeg"],
                "juist": 1,
                "uitleg": "Melden is geen beschuldiging. Het meldpunt combineert signalen en beslist over vervolgstappen.",
            },
            {
                "tekst": "Welke signalen zie je in de oefencasus van Sem?",
                "opties": ["Alleen schoolverzuim", "Schoolverzuim, vermoeidheid en een leefstijl die niet past"],
                "juist": 1,
                "uitleg": "Juist de combinatie van signalen uit verschillende levensdomeinen maakt het beeld.",
            },
        ],
    },
    {
        "slug": "wat-vraag-je",
        "titel": "Wat vraag je? Domme vragen stellen",
        "samenvatting": "In gesprek gaan zonder iemand te bedreigen, en de grenzen bewaken.",
        "inhoud": (
            "Om te weten wat er aan de hand is, moet je dichtbij iemand komen. Domme vragen werken goed: mensen "
            "voelen zich minder bedreigd en vertellen meer. Bijvoorbeeld: hoe ben je aan dit werk gekomen? Wat "
            "vind je van je nieuwe buurt? Wie bewaart je paspoort?\n\n"
            "Je gaat niet zelf op onderzoek uit en je confronteert niemand met een vermoeden. Je noteert wat je "
            "zag en hoorde, zo letterlijk mogelijk, en meldt het."
        ),
        "oefencasus": (
            "Fictief: bij een huisbezoek voor de Wmo doet een man open die zegt dat hij 'bij een vriend logeert'. "
            "In de gang staan zes matrassen. De bewoner die je verwacht is er niet."
        ),
        "vragen": [
            {
                "tekst": "Welke vraag past bij 'domme vragen stellen'?",
                "opties": ["Wordt u hier uitgebuit?", "Hoe bent u aan deze woning gekomen?"],
                "juist": 1,
                "uitleg": "Een open, onschuldige vraag levert meer op en brengt niemand in gevaar.",
            }
        ],
    },
    {
        "slug": "de-meldroute",
        "titel": "Ken de meldroute, en volg die",
        "samenvatting": "Wanneer meld je bij het meldpunt, en wanneer bel je 112.",
        "inhoud": (
            "Bij acuut gevaar bel je eerst 112. Voor al het andere meld je bij het meldpunt, ook als je twijfelt: "
            "een signaal hoeft niet te wachten op het volgende overleg.\n\n"
            "Twijfel je of iets een signaal is? Vraag advies aan het meldpunt ('leg de casus voor'), zonder namen. "
            "Je krijgt altijd terugkoppeling over wat er met je signaal gebeurt; je identiteit wordt niet gedeeld "
            "met partners, tenzij je daar zelf toestemming voor geeft."
        ),
        "oefencasus": "",
        "vragen": [
            {
                "tekst": "Je ziet een kind dat nu in gevaar is. Wat doe je eerst?",
                "opties": ["Een signaal melden in Schakelpunt", "112 bellen"],
                "juist": 1,
                "uitleg": "Acuut gevaar gaat voor alles. Meld daarna ook in Schakelpunt.",
            }
        ],
    },
    {
        "slug": "de-twee-besluiten",
        "titel": "De twee besluiten: gaan we melden, en wie heeft de regie?",
        "samenvatting": "Wat er in een casusoverleg met jouw signaal gebeurt.",
        "inhoud": (
            "In elk casusoverleg worden twee besluiten genomen en vastgelegd met de afwegingen: gaan we melden "
            "(bij politie, RIEC, Arbeidsinspectie, Belastingdienst of een zorgpartner), en wie heeft de regie?\n\n"
            "Ook 'nog niet, omdat ... tot ...' is een besluit. Geen enkel besluit of scherm geeft een score voor hoe "
            "verdacht iemand is: mensen beslissen, met redenen."
        ),
        "oefencasus": "",
        "vragen": [
            {
                "tekst": "Is 'nog niet melden' een geldig besluit?",
                "opties": ["Ja, met een reden en een datum waarop het opnieuw wordt bekeken", "Nee, er moet altijd gemeld worden"],
                "juist": 0,
                "uitleg": "Een besluit kan ook uitstellen, maar altijd met reden en termijn.",
            }
        ],
    },
]


def create(apps, schema_editor):
    Module = apps.get_model("inzicht", "Module")
    Vraag = apps.get_model("inzicht", "Vraag")
    for volgorde, data in enumerate(MODULES):
        module, created = Module.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "titel": data["titel"],
                "samenvatting": data["samenvatting"],
                "inhoud": data["inhoud"],
                "oefencasus": data["oefencasus"],
                "volgorde": volgorde,
            },
        )
        if created:
            for i, vraag in enumerate(data["vragen"]):
                Vraag.objects.create(module=module, volgorde=i, **vraag)


class Migration(migrations.Migration):
    dependencies = [("inzicht", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
