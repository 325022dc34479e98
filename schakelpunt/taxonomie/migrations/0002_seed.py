"""Seeds fenomenen, levensdomeinen and indicatoren as they were when this migration was written.

The data is frozen here, not imported from ``taxonomie.seed_data``: a migration must do the same
thing forever, whatever the live code says later (a changed seed file would otherwise change what
this migration did on a new database). Codes are stable; entries the beheerder changed are left
as they are. Later changes to the seed data get a migration of their own.
"""

from django.db import migrations

# fmt: off
FENOMENEN = [{'code': 'mensenhandel',
  'naam': 'Mensenhandel',
  'toelichting': 'Bij mensenhandel zet iemand een ander door dwang, misleiding of misbruik van een kwetsbare positie '
                 'in voor eigen gewin. Het kan gaan om seksuele uitbuiting, arbeidsuitbuiting of criminele uitbuiting, '
                 'en het hangt vaak samen met andere vormen van criminaliteit, zoals uitkeringsfraude. Let op '
                 'afhankelijkheid: wie regelt het werk, de woning, het geld en de papieren van iemand? Weet je nog '
                 'niet om welke vorm het gaat, kies dan deze algemene categorie.',
  'vragen': ['Hoe bent u aan uw werk gekomen?',
             'Wat vindt u van uw nieuwe buurt?',
             'Wie regelt uw woning, uw werk en uw papieren?',
             'Kunt u gaan en staan waar u wilt?',
             'Bewaart u het paspoort voor de ander?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris mensenhandel; die beoordeelt of het signaal '
               'wordt doorgezet naar bijvoorbeeld de politie, de Nederlandse Arbeidsinspectie, het RIEC of de '
               'zorgcoördinator mensenhandel. Bij acuut gevaar bel je eerst 112.',
  'parent': None},
 {'code': 'mensenhandel-seksueel',
  'naam': 'Seksuele uitbuiting',
  'toelichting': 'Iemand wordt gedwongen of gemanipuleerd om seks te verkopen of seksuele handelingen te verrichten, '
                 'terwijl een ander het geld opstrijkt. Denk aan jongens en meisjes die via een loverboy (ook wel '
                 'pooierboy genoemd) afhankelijk worden gemaakt, of aan sekswerkers die hun verdiensten moeten '
                 'afstaan. Let op een nieuwe of oudere partner met veel controle, dure cadeaus, wisselende '
                 'verblijfplaatsen, meerdere telefoons en verwondingen.',
  'vragen': ['Hoe heeft u uw partner leren kennen?',
             'Wie beheert het geld dat u verdient?',
             'Kunt u zelf bepalen wanneer en met wie u afspreekt?',
             'Voelt u zich veilig op de plek waar u nu woont?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris mensenhandel; gaat het om een minderjarige, volg '
               'dan ook de meldcode huiselijk geweld en kindermishandeling als die voor jouw beroep geldt. Bij acuut '
               'gevaar bel je eerst 112.',
  'parent': 'mensenhandel'},
 {'code': 'mensenhandel-arbeid',
  'naam': 'Arbeidsuitbuiting',
  'toelichting': 'Iemand werkt onder omstandigheden die ver onder de maat zijn: extreem lange dagen, veel te weinig of '
                 'geen loon, en afhankelijkheid van de werkgever of bemiddelaar voor woning, vervoer en papieren. Het '
                 'komt onder meer voor in de land- en tuinbouw, de horeca, de logistiek, de bouw, de schoonmaak en in '
                 'huishoudens. Let op schulden bij de werkgever of het uitzendbureau, ingehouden paspoorten, veel '
                 'mensen op één adres en mensen die steeds worden gehaald en gebracht.',
  'vragen': ['Hoe bent u aan uw werk gekomen?',
             'Hoeveel uur werkt u per week, en hoeveel krijgt u daarvoor betaald?',
             'Moet u geld terugbetalen aan uw werkgever of aan een bemiddelaar?',
             'Wie heeft uw paspoort of identiteitskaart?',
             'Kunt u stoppen met dit werk als u dat wilt?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris mensenhandel; die beoordeelt of doormelding naar '
               'de Nederlandse Arbeidsinspectie of de politie nodig is. Bij acuut gevaar bel je eerst 112.',
  'parent': 'mensenhandel'},
 {'code': 'mensenhandel-crimineel',
  'naam': 'Criminele uitbuiting',
  'toelichting': 'Iemand wordt aangezet of gedwongen om strafbare feiten te plegen voor een ander, zoals stelen, '
                 "zakkenrollen, bedelen, drugs vervoeren of een bankrekening 'uitlenen' als geldezel. De slachtoffers "
                 'zijn vaak kinderen en jongeren, soms uitgebuit binnen hun eigen familienetwerk, en ze worden nogal '
                 'eens ten onrechte alleen als dader gezien. Let op schoolverzuim, een kind dat erg vermoeid is of '
                 'laat op straat rondloopt, en bezit of geld dat niet te verklaren is.',
  'vragen': ['Waar is uw kind als het niet op school is?',
             'Hoe komt u aan dit geld of deze spullen?',
             'Moet u iets terugdoen voor de mensen die u helpen?',
             'Is er iemand die u onder druk zet of bang maakt?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris mensenhandel; gaat het om een minderjarige, volg '
               'dan ook de meldcode huiselijk geweld en kindermishandeling als die voor jouw beroep geldt. Bij acuut '
               'gevaar bel je eerst 112.',
  'parent': 'mensenhandel'},
 {'code': 'uitkeringsfraude',
  'naam': 'Uitkeringsfraude',
  'toelichting': 'Iemand ontvangt een uitkering, zoals bijstand, waar hij of zij geen of minder recht op heeft, '
                 'bijvoorbeeld omdat inkomsten, vermogen of samenwonen niet zijn doorgegeven. Uitkeringsfraude hangt '
                 'soms samen met uitbuiting: dan vraagt een ander de uitkering aan op iemands naam en strijkt het geld '
                 'op. Let op een leefstijl die niet past bij de uitkering, een woon- of gezinssituatie die anders is '
                 'dan opgegeven en iemand die de eigen bankpas niet zelf beheert.',
  'vragen': ['Met wie woont u op dit adres?',
             'Hoe betaalt u uw vaste lasten?',
             'Wie beheert uw bankrekening en uw pinpas?',
             'Heeft u naast uw uitkering nog inkomsten, bijvoorbeeld uit klussen?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris; die beoordeelt of het signaal bij de '
               'gemeentelijke handhaving inkomen wordt belegd of, bij vermoedens van uitbuiting, extern wordt '
               'doorgezet. Bij acuut gevaar bel je eerst 112.',
  'parent': None},
 {'code': 'pgb-fraude',
  'naam': 'Pgb-fraude',
  'toelichting': 'Uit een persoonsgebonden budget (pgb) wordt zorg betaald die niet, slechts gedeeltelijk of van '
                 'slechte kwaliteit wordt geleverd, of het budget komt terecht bij iemand anders dan de zorgvrager. '
                 'Soms werven malafide zorgaanbieders of bemiddelaars bewust kwetsbare mensen om een pgb aan te '
                 'vragen. Let op zorgvragers die hun zorgverlener niet kennen, een zorgverlener die tegelijk '
                 'vertegenwoordiger of huisgenoot is, en declaraties die niet passen bij wat je zelf ziet.',
  'vragen': ['Wie komt er bij u om zorg te verlenen, en hoe vaak?',
             'Wie heeft het pgb voor u aangevraagd?',
             'Weet u wat er van uw budget wordt betaald?',
             'Heeft u iets moeten tekenen of betalen om de zorg te krijgen?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris; die beoordeelt met de toezichthouder Wmo en '
               'Jeugdwet of doormelding nodig is, bijvoorbeeld naar het Informatie Knooppunt Zorgfraude of de politie. '
               'Bij acuut gevaar bel je eerst 112.',
  'parent': None},
 {'code': 'toeslagenfraude',
  'naam': 'Toeslagenfraude',
  'toelichting': 'Toeslagen, zoals huurtoeslag, zorgtoeslag, kinderopvangtoeslag of kindgebonden budget, worden bewust '
                 'aangevraagd op basis van onjuiste gegevens, bijvoorbeeld een verzwegen partner of huisgenoten die er '
                 "niet wonen. Soms 'regelen' tussenpersonen aanvragen voor anderen en verdienen ze daar zelf aan. Wees "
                 'zorgvuldig: veel mensen maken onbedoeld fouten met toeslagen, en dat is geen fraude.',
  'vragen': ['Wie heeft de aanvraag voor uw toeslag ingevuld?',
             'Heeft u iemand betaald om uw toeslagen te regelen?',
             'Wie wonen er op dit moment bij u in huis?',
             'Komt de toeslag op uw eigen rekening binnen?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris; die beoordeelt of doormelding naar de '
               'Belastingdienst (Dienst Toeslagen) nodig is, of dat de inwoner vooral hulp nodig heeft bij het '
               'herstellen van een fout. Bij acuut gevaar bel je eerst 112.',
  'parent': None},
 {'code': 'drugs',
  'naam': 'Drugs',
  'toelichting': 'Productie, opslag of handel van drugs, zoals een hennepkwekerij of drugslab in een woning of '
                 'bedrijfspand, of dealen vanuit een woning. Kwetsbare bewoners worden soms onder druk gezet om hun '
                 'woning of schuur beschikbaar te stellen, en jongeren worden ingezet als drugsrunner. Let op '
                 'dichtgeplakte ramen, een sterke geur, ongebruikelijke warmte, veel kort bezoek en vaten of jerrycans '
                 'bij het afval. Ga nooit zelf een pand binnen waar je een drugslab vermoedt.',
  'vragen': ['Wie komen er bij u over de vloer?',
             'Gebruikt iemand anders uw woning, zolder, schuur of garage?',
             'Heeft iemand u gevraagd om spullen voor hem of haar te bewaren?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris; die beoordeelt doormelding naar de politie of '
               'het RIEC en of de burgemeester bestuurlijke maatregelen kan nemen, zoals sluiting op grond van de '
               'Opiumwet. Bij acuut gevaar, zoals brand- of explosiegevaar, bel je eerst 112.',
  'parent': None},
 {'code': 'witwassen',
  'naam': 'Witwassen',
  'toelichting': 'Crimineel verdiend geld wordt in het legale circuit gebracht, bijvoorbeeld via bedrijven, vastgoed, '
                 'dure aankopen of bankrekeningen van anderen. Je kunt het tegenkomen bij vergunningaanvragen, bij '
                 'bedrijven zonder zichtbare klanten maar met veel omzet, en bij aankopen die contant worden betaald. '
                 'Let ook op leefstijl en bezit die niet passen bij het bekende inkomen.',
  'vragen': ['Hoe financiert u deze aankoop of investering?',
             'Wie zijn de eigenaren of geldschieters van het bedrijf?',
             'Waarom betaalt u contant?',
             'Heeft iemand u gevraagd of hij of zij uw bankrekening mocht gebruiken?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris; die beoordeelt doormelding naar het RIEC, de '
               'politie of de Belastingdienst, en of bij een vergunning een Bibob-toets nodig is. Bij acuut gevaar bel '
               'je eerst 112.',
  'parent': None},
 {'code': 'malafide-verhuur',
  'naam': 'Malafide verhuur en huisjesmelkerij',
  'toelichting': 'Een verhuurder verhuurt woonruimte onder slechte of onveilige omstandigheden tegen te hoge prijzen, '
                 'bijvoorbeeld door kamers te overbewonen of huurders afhankelijk te maken. Het hangt vaak samen met '
                 'arbeidsuitbuiting (huisvesting via de werkgever) of met inschrijvingen van mensen die er niet wonen. '
                 'Let op veel personen op één adres, contante huurbetaling zonder contract en huurders die bang zijn '
                 'om te klagen.',
  'vragen': ['Hoeveel mensen wonen er op dit adres?',
             'Heeft u een huurcontract, en hoe betaalt u de huur?',
             'Wordt de huur ingehouden op uw loon?',
             'Durft u de verhuurder aan te spreken als er iets kapot is?'],
  'meldroute': 'Meld het via Schakelpunt bij de aandachtsfunctionaris; die beoordeelt of de gemeente zelf kan '
               'handhaven, bijvoorbeeld op grond van de Wet goed verhuurderschap, en of doormelding nodig is bij '
               'vermoedens van uitbuiting. Bij acuut gevaar, zoals brandgevaar, bel je eerst 112.',
  'parent': None},
 {'code': 'overig',
  'naam': 'Overig of nog onduidelijk',
  'toelichting': 'Je ziet of hoort iets wat niet klopt, maar het past (nog) niet bij een van de andere fenomenen, of '
                 'je weet nog niet wat er aan de hand is. Ook een onderbuikgevoel of niet-pluisgevoel is het melden '
                 'waard: losse signalen vormen bij het meldpunt samen pas een compleet beeld. Beschrijf zo concreet '
                 'mogelijk wat je zag of hoorde, en wanneer.',
  'vragen': ['Hoe gaat het op dit moment met u, thuis en op uw werk?',
             'Is er iets waar u zich zorgen over maakt?',
             'Is er iemand die u vertrouwt als u hulp nodig heeft?'],
  'meldroute': "Meld het via Schakelpunt bij de aandachtsfunctionaris; die bekijkt samen met jou en collega's wat er "
               'nodig is. Bij acuut gevaar bel je eerst 112.',
  'parent': None}]

LEVENSDOMEINEN = [{'code': 'thuissituatie', 'naam': 'Thuissituatie'},
 {'code': 'huisvesting', 'naam': 'Huisvesting'},
 {'code': 'werk', 'naam': 'Werk'},
 {'code': 'opleiding', 'naam': 'Opleiding en school'},
 {'code': 'geld', 'naam': 'Geld'},
 {'code': 'relaties', 'naam': 'Relaties'},
 {'code': 'gezondheid-drugs', 'naam': 'Gezondheid en middelengebruik'},
 {'code': 'gedrag-gesprek', 'naam': 'Gedrag in het gesprek'},
 {'code': 'documenten', 'naam': 'Documenten'},
 {'code': 'online', 'naam': 'Online en social media'},
 {'code': 'leefstijl', 'naam': 'Leefstijl'}]

INDICATOREN = [{'code': 'zorgen-thuissituatie',
  'naam': 'Zorgen over de thuissituatie',
  'toelichting': 'Er is iets mis thuis: spanningen, geweld, verwaarlozing, een ouder die uit beeld is, of '
                 'onduidelijkheid over wie er voor de kinderen zorgt. Een criminele carrière begint vrijwel altijd met '
                 'problemen op levensdomeinen als deze.',
  'vragen': ['Hoe gaat het thuis?',
             'Wie wonen er allemaal bij u in huis?',
             'Wie zorgt er voor de kinderen als u er niet bent?'],
  'levensdomein': 'thuissituatie',
  'fenomenen': ['mensenhandel-crimineel', 'mensenhandel-seksueel', 'overig']},
 {'code': 'leefsituatie-anders-dan-opgegeven',
  'naam': 'Leefsituatie anders dan opgegeven',
  'toelichting': 'Wat je ziet past niet bij wat iemand aan de gemeente of een andere instantie heeft opgegeven, '
                 'bijvoorbeeld een partner die er wel lijkt te wonen maar niet is gemeld. Leg vast wat je zelf hebt '
                 'gezien of gehoord, niet wat je vermoedt.',
  'vragen': ['Wie wonen er op dit moment bij u?', 'Wie betaalt de vaste lasten in huis?'],
  'levensdomein': 'thuissituatie',
  'fenomenen': ['uitkeringsfraude', 'toeslagenfraude']},
 {'code': 'kind-laat-op-straat',
  'naam': 'Kind vaak van huis of laat op straat',
  'toelichting': "Een kind is vaak niet thuis, is 's avonds of 's nachts op straat, of de ouders weten niet goed waar "
                 'het is en met wie. Dit kan wijzen op verwaarlozing, maar ook op een kind dat in een straatcultuur '
                 "voor anderen 'werkt'.",
  'vragen': ["Weet u waar uw kind 's avonds is, en met wie?",
             'Hoe laat is uw kind meestal thuis?',
             'Met wie gaat uw kind om als het buiten is?'],
  'levensdomein': 'thuissituatie',
  'fenomenen': ['mensenhandel-crimineel', 'mensenhandel-seksueel', 'drugs']},
 {'code': 'kinderen-bedelen-stelen',
  'naam': 'Kinderen die bedelen, zakkenrollen of stelen',
  'toelichting': 'Kinderen worden herhaaldelijk gezien bij bedelen, zakkenrollen of winkeldiefstal, soms in groepjes '
                 'of met een volwassene op afstand. Zie het kind in de eerste plaats als mogelijk slachtoffer: vaak '
                 'profiteert er een volwassene van.',
  'vragen': ['Waar is uw kind overdag als het niet op school is?',
             'Met welke volwassenen is uw kind op pad?',
             'Hoe komt uw kind aan het geld of de spullen die het bij zich heeft?'],
  'levensdomein': 'thuissituatie',
  'fenomenen': ['mensenhandel-crimineel']},
 {'code': 'zorgen-huisvesting',
  'naam': 'Zorgen over de huisvesting',
  'toelichting': 'Iemand woont in een slechte, overvolle of onveilige woning, heeft geen vaste woonplek of weet niet '
                 "goed wie de verhuurder is. Let ook op woonruimte die afhankelijk is van werk of van een 'vriend'.",
  'vragen': ['Hoe bent u aan deze woning gekomen?',
             'Wat vindt u van uw nieuwe buurt?',
             'Wat gebeurt er met uw woning als u stopt met dit werk?'],
  'levensdomein': 'huisvesting',
  'fenomenen': ['mensenhandel-arbeid', 'mensenhandel-seksueel', 'malafide-verhuur']},
 {'code': 'veel-personen-op-adres',
  'naam': 'Veel personen op één adres',
  'toelichting': 'Op één adres wonen of staan opvallend veel mensen ingeschreven, vaak in wisselende samenstelling, of '
                 'er komen op vaste tijden groepen mensen aan en weer weg. Dit kan wijzen op overbewoning door een '
                 'malafide verhuurder of op huisvesting van uitgebuite werknemers.',
  'vragen': ['Hoeveel mensen wonen er op dit adres?',
             'Hoe bent u hier komen wonen?',
             'Hoeveel huur betaalt u, en aan wie?'],
  'levensdomein': 'huisvesting',
  'fenomenen': ['malafide-verhuur', 'mensenhandel-arbeid', 'uitkeringsfraude', 'toeslagenfraude']},
 {'code': 'inschrijving-klopt-niet',
  'naam': 'Inschrijving klopt niet met bewoning',
  'toelichting': 'De inschrijving in de Basisregistratie Personen (BRP) past niet bij wie er werkelijk woont: mensen '
                 'staan ingeschreven maar wonen er niet, of er wonen mensen die er niet ingeschreven staan. Dit kan '
                 'samenhangen met uitkerings- of toeslagenfraude, malafide verhuur of misbruik van iemands adres door '
                 'een ander.',
  'vragen': ['Sinds wanneer woont u op dit adres?',
             'Wie ontvangen er post op dit adres?',
             'Staan er mensen op dit adres ingeschreven die hier niet wonen?'],
  'levensdomein': 'huisvesting',
  'fenomenen': ['uitkeringsfraude', 'toeslagenfraude', 'malafide-verhuur', 'mensenhandel-arbeid']},
 {'code': 'wisselende-verblijfplaatsen',
  'naam': 'Wisselende verblijfplaatsen',
  'toelichting': 'Iemand verblijft steeds op een ander adres of in een andere stad, of logeert bij wisselende '
                 'kennissen, zonder dat daar een duidelijke reden voor is. Slachtoffers van uitbuiting worden '
                 'regelmatig verplaatst om ze uit beeld en afhankelijk te houden.',
  'vragen': ['Waar heeft u de afgelopen weken geslapen?',
             'Wie regelt de plek waar u verblijft?',
             'Kunt u zelf kiezen waar u woont?'],
  'levensdomein': 'huisvesting',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'woning-via-werkgever',
  'naam': 'Woonruimte via werkgever of bemiddelaar',
  'toelichting': 'Iemand woont in een woning die de werkgever, het uitzendbureau of een bemiddelaar heeft geregeld, en '
                 'de huur wordt ingehouden op het loon. Dat is niet altijd verboden, maar het maakt iemand wel '
                 'afhankelijk: wie het werk verliest, verliest ook het dak boven het hoofd.',
  'vragen': ['Wie heeft deze woning voor u geregeld?',
             'Hoe wordt de huur betaald?',
             'Wat gebeurt er met uw woning als u ander werk zoekt?'],
  'levensdomein': 'huisvesting',
  'fenomenen': ['mensenhandel-arbeid', 'malafide-verhuur']},
 {'code': 'signalen-drugsproductie',
  'naam': 'Signalen van drugsproductie of -opslag',
  'toelichting': 'Aan een woning of pand zie of ruik je dat er mogelijk een hennepkwekerij of drugslab is: '
                 'afgeschermde ramen, een sterke hennep- of chemische lucht, condens, zoemende apparatuur of vaten en '
                 'jerrycans bij het afval. Ga nooit zelf naar binnen en spreek niemand erop aan.',
  'vragen': ['Gebruikt iemand anders uw woning, zolder, schuur of garage?',
             'Heeft iemand u gevraagd om ruimte te verhuren of iets op te slaan?'],
  'levensdomein': 'huisvesting',
  'fenomenen': ['drugs', 'mensenhandel-crimineel']},
 {'code': 'zorgen-werk',
  'naam': 'Onduidelijke of slechte werkomstandigheden',
  'toelichting': 'Iemand werkt extreem lange dagen, is altijd oproepbaar, krijgt veel minder loon dan afgesproken of '
                 'weet niet goed voor wie hij of zij werkt. Let ook op werk zonder contract, loonstroken die niet '
                 'kloppen en iemand die niet durft te stoppen.',
  'vragen': ['Hoe bent u aan uw werk gekomen?',
             'Hoeveel uur werkt u per week, en hoeveel krijgt u daarvoor?',
             'Wie is uw werkgever, en heeft u een contract?',
             'Kunt u thuisblijven als u ziek bent?'],
  'levensdomein': 'werk',
  'fenomenen': ['mensenhandel-arbeid', 'uitkeringsfraude']},
 {'code': 'gehaald-en-gebracht',
  'naam': 'Wordt gehaald en gebracht',
  'toelichting': 'Iemand wordt steeds door dezelfde persoon of hetzelfde busje naar het werk, naar afspraken of naar '
                 'het gemeentehuis gebracht en weer opgehaald. Wie zich nooit zelfstandig verplaatst, kan onder '
                 'controle van een ander staan.',
  'vragen': ['Hoe bent u hier vandaag gekomen?',
             'Kunt u ook zelf naar uw werk reizen?',
             'Wie is de persoon die u heeft gebracht?'],
  'levensdomein': 'werk',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'bedrijf-zonder-activiteit',
  'naam': 'Bedrijf zonder zichtbare activiteit',
  'toelichting': 'Een winkel, kapsalon, café of ander bedrijf heeft weinig klanten of is vaak dicht, maar draait toch '
                 'omzet of doet dure investeringen. Ook snel wisselende eigenaren of een eigenaar die alleen op papier '
                 'de baas lijkt (katvanger) zijn signalen.',
  'vragen': ['Wie is de eigenaar van het bedrijf, en wie financiert het?',
             'Hoe komt u aan het geld voor deze investering?'],
  'levensdomein': 'werk',
  'fenomenen': ['witwassen', 'drugs', 'mensenhandel-arbeid']},
 {'code': 'schoolverzuim',
  'naam': 'Opleiding en schoolverzuim',
  'toelichting': 'Een kind of jongere verzuimt regelmatig, blijft soms weken weg of stopt plotseling met een '
                 'opleiding. Lukt het niet om met de ouders in contact te komen, dan is dat op zichzelf ook een '
                 'signaal.',
  'vragen': ['Hoe gaat het met uw kind op school?',
             'Waar is uw kind als het niet op school is?',
             'Wat heeft uw kind nodig om weer naar school te gaan?'],
  'levensdomein': 'opleiding',
  'fenomenen': ['mensenhandel-crimineel', 'mensenhandel-seksueel', 'overig']},
 {'code': 'geldzorgen',
  'naam': 'Geldzorgen en schulden',
  'toelichting': 'Iemand heeft schulden, betalingsachterstanden of plotseling geldgebrek. Schulden maken mensen '
                 "kwetsbaar voor 'makkelijk geld' en voor mensen die hun een lening of een klus aanbieden.",
  'vragen': ['Hoe lukt het om rond te komen?',
             'Bij wie heeft u schulden?',
             'Heeft iemand u geld of een klus aangeboden om uw schulden af te lossen?'],
  'levensdomein': 'geld',
  'fenomenen': ['mensenhandel-crimineel', 'mensenhandel-seksueel', 'uitkeringsfraude', 'drugs']},
 {'code': 'schulden-bij-werkgever',
  'naam': 'Schulden bij werkgever of bemiddelaar',
  'toelichting': 'Iemand moet geld terugbetalen aan de werkgever, het uitzendbureau of degene die de reis, de woning '
                 "of het werk heeft geregeld, en die schuld lijkt nooit kleiner te worden. Zo'n schuld is een bekend "
                 'middel om iemand vast te houden.',
  'vragen': ['Moest u betalen om dit werk of deze woning te krijgen?',
             'Hoeveel moet u nog terugbetalen, en aan wie?',
             'Wat gebeurt er als u niet kunt terugbetalen?'],
  'levensdomein': 'geld',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'contant-geld-transacties',
  'naam': 'Contant geld of ongebruikelijke transacties',
  'toelichting': 'Iemand betaalt grote bedragen contant, heeft veel contant geld bij zich, of geld komt binnen op een '
                 'rekening en wordt direct weer doorgestort of opgenomen. Let ook op verzoeken om een bankrekening of '
                 "pinpas te 'lenen' of te verkopen.",
  'vragen': ['Waar komt dit geld vandaan?',
             'Waarom betaalt u contant?',
             'Heeft iemand anders toegang tot uw rekening of uw pinpas?'],
  'levensdomein': 'geld',
  'fenomenen': ['witwassen', 'drugs', 'mensenhandel-crimineel', 'uitkeringsfraude']},
 {'code': 'zorg-niet-geleverd-pgb',
  'naam': 'Zorg niet geleverd terwijl pgb wordt gedeclareerd',
  'toelichting': 'Je ziet dat iemand de zorg niet of maar gedeeltelijk krijgt waarvoor uit het pgb wordt betaald, '
                 'bijvoorbeeld omdat de zorgverlener er nooit is of de zorgvrager de zorgverlener niet kent. Let ook '
                 'op zorgvragers die iets hebben moeten tekenen wat ze niet begrijpen.',
  'vragen': ['Wie komt er bij u om u te helpen, en hoe vaak?',
             'Welke zorg heeft u deze week gekregen?',
             'Wie beheert uw pgb?'],
  'levensdomein': 'geld',
  'fenomenen': ['pgb-fraude']},
 {'code': 'zorgwekkende-relaties',
  'naam': 'Zorgwekkende relaties of afhankelijkheid',
  'toelichting': "Iemand heeft een (nieuwe) partner, vriend of 'beschermer' met veel controle, of is opvallend "
                 'afhankelijk van een familielid, werkgever of begeleider. Bij jongeren kan een plotseling nieuwe, '
                 "oudere vriendenkring met geld en auto's een teken zijn van ronselen.",
  'vragen': ['Hoe heeft u deze persoon leren kennen?',
             'Wat doet deze persoon voor u, en wat verwacht hij of zij terug?',
             'Kunt u zelf bepalen met wie u afspreekt?'],
  'levensdomein': 'relaties',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'drugsgebruik',
  'naam': 'Drugs- of alcoholgebruik',
  'toelichting': 'Iemand gebruikt (steeds meer) drugs of alcohol, of je ziet daar signalen van. Middelengebruik kan '
                 'oorzaak én gevolg van uitbuiting zijn: mensen worden ermee afhankelijk gemaakt of betalen hun '
                 "gebruik af met 'klussen'.",
  'vragen': ['Gebruikt u weleens alcohol of drugs, en hoe betaalt u dat?',
             'Van wie krijgt u het?',
             'Heeft u het gevoel dat u iets moet terugdoen voor wat u krijgt?'],
  'levensdomein': 'gezondheid-drugs',
  'fenomenen': ['drugs', 'mensenhandel-crimineel', 'mensenhandel-seksueel']},
 {'code': 'verwondingen',
  'naam': 'Verwondingen',
  'toelichting': 'Je ziet blauwe plekken, brandwonden of andere verwondingen zonder logische verklaring, of iemand '
                 "zoekt geen medische hulp terwijl dat wel nodig is. Ook een tatoeage die op een 'eigendomsteken' "
                 'lijkt, kan een signaal zijn.',
  'vragen': ['Hoe komt u aan deze verwonding?',
             'Bent u hiermee bij een dokter geweest?',
             'Voelt u zich veilig, thuis en op uw werk?'],
  'levensdomein': 'gezondheid-drugs',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'vermoeidheid',
  'naam': 'Vermoeidheid',
  'toelichting': 'Iemand oogt steeds heel moe, valt in slaap of kan zich niet concentreren. Bij een kind kan dit '
                 "betekenen dat het 's nachts op pad moet; bij volwassenen kan het wijzen op extreem lange werkdagen "
                 'of nachtwerk.',
  'vragen': ['Hoe slaapt u de laatste tijd?',
             'Hoe laat gaat uw kind meestal naar bed?',
             'Hoeveel uur per dag werkt u?'],
  'levensdomein': 'gezondheid-drugs',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'ontwijkend-gedrag',
  'naam': 'Ontwijkend gedrag',
  'toelichting': 'Iemand ontwijkt vragen, komt afspraken niet na, is slecht bereikbaar of geeft steeds een ander '
                 'telefoonnummer op. Ook ouders die contact met school of hulpverlening blijven vermijden, vallen '
                 'hieronder.',
  'vragen': ['Wat maakt het lastig om hierover te praten?',
             'Hoe kan ik u het beste bereiken?',
             'Is er iets waardoor u liever niet met de gemeente praat?'],
  'levensdomein': 'gedrag-gesprek',
  'fenomenen': ['mensenhandel', 'mensenhandel-crimineel', 'uitkeringsfraude', 'overig']},
 {'code': 'tegenstrijdige-verhalen',
  'naam': 'Tegenstrijdigheden in verhalen',
  'toelichting': 'Het verhaal verandert tussen gesprekken, of past niet bij wat er in het dossier staat of wat '
                 "collega's zien. Noteer de tegenstrijdigheid zo letterlijk mogelijk en met datum, zonder er zelf een "
                 'conclusie aan te verbinden.',
  'vragen': ['Eerder begreep ik het anders; kunt u mij helpen het goed te begrijpen?',
             'Kunt u het nog eens in uw eigen woorden vertellen?'],
  'levensdomein': 'gedrag-gesprek',
  'fenomenen': ['mensenhandel', 'uitkeringsfraude', 'toeslagenfraude', 'pgb-fraude', 'overig']},
 {'code': 'ingestudeerd-verhaal',
  'naam': 'Ingestudeerd verhaal (standaardpraatje)',
  'toelichting': 'Iemand heeft zijn of haar (standaard)praatje klaar: steeds dezelfde zinnen, weinig details en geen '
                 "antwoord op vragen buiten het verhaal. Stel dan open en juist 'domme' vragen over alledaagse dingen; "
                 'daardoor voelen mensen zich minder bedreigd.',
  'vragen': ['Kunt u mij vertellen hoe een gewone dag er voor u uitziet?',
             'Hoe ging uw eerste dag hier?',
             'Wat doet u in uw vrije tijd?'],
  'levensdomein': 'gedrag-gesprek',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel', 'uitkeringsfraude']},
 {'code': 'non-verbale-signalen',
  'naam': 'Non-verbale signalen',
  'toelichting': 'Let op wat iemand niet zegt: welke blik heeft iemand, kijkt hij of zij eerst naar een begeleider '
                 'voordat er antwoord komt, oogt iemand angstig, gespannen of juist afwezig? Let ook op schrikreacties '
                 'bij vragen over werk, wonen of geld.',
  'vragen': ['Ik zie dat deze vraag u raakt. Klopt dat?',
             'Hoe voelt u zich nu u hier bent?',
             'Wilt u liever even alleen met mij praten?'],
  'levensdomein': 'gedrag-gesprek',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'iemand-anders-voert-woord',
  'naam': 'Iemand anders voert het woord',
  'toelichting': 'Een begeleider, partner, werkgever, familielid of zelfbenoemde tolk beantwoordt de vragen die aan de '
                 'inwoner zijn gesteld, of laat de inwoner geen moment alleen. Probeer de inwoner apart te spreken en '
                 'zet bij een taalbarrière een onafhankelijke tolk in.',
  'vragen': ['Wat is de relatie tussen u en de persoon die u begeleidt?',
             'Bewaart u het paspoort voor de ander?',
             'Wilt u het gesprek even alleen met mij voeren?'],
  'levensdomein': 'gedrag-gesprek',
  'fenomenen': ['mensenhandel-seksueel',
                'mensenhandel-arbeid',
                'mensenhandel-crimineel',
                'uitkeringsfraude',
                'pgb-fraude']},
 {'code': 'angst-voor-autoriteiten',
  'naam': 'Angst voor autoriteiten',
  'toelichting': 'Iemand is zichtbaar bang voor de gemeente, de politie of andere instanties, bijvoorbeeld omdat een '
                 'uitbuiter heeft gezegd dat hij of zij anders wordt opgepakt of uitgezet. Leg uit wat jouw rol is en '
                 'wat je wel en niet doet met de informatie.',
  'vragen': ['Wat denkt u dat er gebeurt als u ons dit vertelt?',
             'Heeft iemand gezegd dat u niet met de gemeente mag praten?',
             'Wat zou u helpen om u veiliger te voelen?'],
  'levensdomein': 'gedrag-gesprek',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-arbeid', 'mensenhandel-crimineel']},
 {'code': 'ontbrekende-valse-documenten',
  'naam': 'Ontbrekende of valse documenten',
  'toelichting': 'Kijk verder dan de wettelijke vereisten: ontbreken er documenten, lijken ze vals, of passen ze niet '
                 'bij het verhaal? Werkt iemand uit China hier bijvoorbeeld als kok, vraag dan naar de koksbrief, die '
                 'in China verplicht is als je kok bent. Herkomst of nationaliteit is zelf nooit een signaal; het gaat '
                 'om documenten die ontbreken of niet kloppen.',
  'vragen': ['Mag ik uw identiteitsbewijs zien?',
             'Kunt u uw diploma of vakbewijs laten zien, zoals uw koksbrief?',
             'Wie heeft deze papieren voor u geregeld?'],
  'levensdomein': 'documenten',
  'fenomenen': ['mensenhandel-arbeid', 'mensenhandel', 'uitkeringsfraude', 'toeslagenfraude', 'overig']},
 {'code': 'geen-toegang-paspoort-bank',
  'naam': 'Geen toegang tot eigen paspoort of bankrekening',
  'toelichting': 'Iemand heeft het eigen paspoort, de identiteitskaart, de pinpas of inloggegevens zoals DigiD niet '
                 "zelf in handen; een werkgever, verhuurder, partner of 'helper' beheert ze. Dat is een sterk signaal "
                 'van afhankelijkheid en mogelijke uitbuiting.',
  'vragen': ['Waar is uw paspoort nu?', 'Wie beheert uw pinpas en uw DigiD?', 'Bewaart u het paspoort voor de ander?'],
  'levensdomein': 'documenten',
  'fenomenen': ['mensenhandel-seksueel',
                'mensenhandel-arbeid',
                'mensenhandel-crimineel',
                'uitkeringsfraude',
                'toeslagenfraude']},
 {'code': 'social-media',
  'naam': 'Signalen op social media',
  'toelichting': "Social media zijn een goede bron van informatie: foto's met veel geld, dure spullen of wapens, "
                 'advertenties voor werk of escort, of een account dat door iemand anders lijkt te worden beheerd. '
                 'Kijk alleen naar openbare informatie en alleen als dat bij je taak past, maak geen nepaccount en leg '
                 'vast wat je zag, met datum.',
  'vragen': ['Via welke app of website heeft u dit werk gevonden?',
             'Wie heeft toegang tot uw telefoon en uw accounts?',
             'Heeft u contact met mensen die u alleen online kent?'],
  'levensdomein': 'online',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-crimineel', 'drugs', 'witwassen']},
 {'code': 'telefoon-controle',
  'naam': 'Meerdere telefoons of voortdurend gecontroleerd',
  'toelichting': 'Iemand heeft meerdere telefoons, wordt tijdens het gesprek steeds gebeld of geappt, of moet '
                 'voortdurend laten weten waar hij of zij is. Dat kan wijzen op controle door een ander of op '
                 'betrokkenheid bij drugshandel.',
  'vragen': ['Wie belt of appt u steeds?', 'Moet u aan iemand laten weten waar u bent?'],
  'levensdomein': 'online',
  'fenomenen': ['mensenhandel-seksueel', 'mensenhandel-crimineel', 'drugs']},
 {'code': 'leefstijl-past-niet-bij-inkomen',
  'naam': 'Leefstijl past niet bij inkomen of uitkering',
  'toelichting': 'De leefstijl van iemand past niet bij het bekende inkomen of de uitkering: dure kleding, verre '
                 'reizen, veel uitgaan, een nieuwe auto. Leg alleen vast wat je zelf hebt gezien; er kan een '
                 'onschuldige verklaring zijn, zoals hulp van familie.',
  'vragen': ['Hoe betaalt u deze uitgaven?', 'Krijgt u hulp van anderen om rond te komen?'],
  'levensdomein': 'leefstijl',
  'fenomenen': ['uitkeringsfraude', 'toeslagenfraude', 'witwassen', 'drugs', 'mensenhandel-crimineel']},
 {'code': 'onverklaarbaar-bezit',
  'naam': 'Onverklaarbaar bezit (dure spullen of auto)',
  'toelichting': 'Iemand, vaak een jongere, heeft ineens dure spullen, merkkleding, een nieuwe telefoon, een scooter '
                 'of een auto, zonder dat duidelijk is hoe hij of zij daaraan komt. Bij jongeren kan dit betekenen dat '
                 "ze worden geronseld of al 'klusjes' doen voor anderen.",
  'vragen': ['Hoe komt u aan deze spullen?', 'Van wie is deze auto?', 'Heeft u hier iets voor moeten doen?'],
  'levensdomein': 'leefstijl',
  'fenomenen': ['mensenhandel-crimineel', 'drugs', 'witwassen', 'uitkeringsfraude']}]
# fmt: on


def seed(apps, schema_editor):
    Fenomeen = apps.get_model("taxonomie", "Fenomeen")
    Levensdomein = apps.get_model("taxonomie", "Levensdomein")
    Indicator = apps.get_model("taxonomie", "Indicator")
    by_code = {}
    for order, item in enumerate(FENOMENEN):
        fenomeen, _ = Fenomeen.objects.get_or_create(
            code=item["code"],
            defaults={
                "naam": item["naam"],
                "toelichting": item["toelichting"],
                "vragen": item["vragen"],
                "meldroute": item["meldroute"],
                "volgorde": order,
                "parent": by_code.get(item["parent"]),
            },
        )
        by_code[item["code"]] = fenomeen
    domeinen = {}
    for order, item in enumerate(LEVENSDOMEINEN):
        domeinen[item["code"]], _ = Levensdomein.objects.get_or_create(
            code=item["code"], defaults={"naam": item["naam"], "volgorde": order}
        )
    for order, item in enumerate(INDICATOREN):
        indicator, created = Indicator.objects.get_or_create(
            code=item["code"],
            defaults={
                "naam": item["naam"],
                "toelichting": item["toelichting"],
                "vragen": item["vragen"],
                "levensdomein": domeinen[item["levensdomein"]],
                "volgorde": order,
            },
        )
        if created:
            indicator.fenomenen.set([by_code[c] for c in item["fenomenen"]])


class Migration(migrations.Migration):
    dependencies = [("taxonomie", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
