# hushlink: the pages' strings in Dutch.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · een geheim delen
brand = hushlink
tagline = Deel een geheim via een link die maar één keer werkt.
footer = Versleuteld door de server (SnapPass-formaat). De sleutel zit alleen in de link; de server ziet het geheim tijdens het maken en tonen, en bewaart niets wat hij zou kunnen lezen.

form-heading = Een geheim delen
form-intro = Plak een wachtwoord of een ander geheim. Je krijgt een link die het één keer toont; daarna wordt het geheim verwijderd.
form-secret-label = Geheim
form-secret-placeholder = Typ of plak hier het geheim
form-ttl-label = Verloopt na
ttl-two-weeks = Twee weken
ttl-week = Eén week
ttl-day = Eén dag
ttl-hour = Eén uur
form-views-label = Toegestane weergaven
form-views-hint = Hoe vaak de link geopend mag worden voordat het geheim wordt verwijderd.
form-submit = Link maken
form-too-large = Dit geheim is { $size } bytes lang, en deze server accepteert hoogstens { $limit } bytes. Er is niets opgeslagen: maak het korter of splits het op.
form-views-invalid = Het aantal toegestane keren openen moet een geheel getal van 1 tot 100 zijn.
form-kept = Uw geheim staat nog in het formulier hieronder; er is niets opgeslagen.

link-heading = Je link is klaar
link-intro = Stuur deze link naar de persoon die het geheim nodig heeft. Hij werkt alleen zo vaak als je hebt toegestaan en verloopt vanzelf.
link-label = Geheime link
link-qr-label = QR-code van de link
link-another = Nog een geheim delen

copy = Kopiëren
copied = Gekopieerd

preview-heading = Iemand heeft een geheim met je gedeeld
preview-intro = Toon het pas als je het direct veilig kunt opslaan: na het tonen kan het voorgoed verdwenen zijn.
preview-views-left = Resterende weergaven: { $n }
preview-reveal = Geheim tonen

reveal-heading = Je geheim
reveal-label = Geheim
reveal-gone = Dit geheim is nu van de server verwijderd en de link werkt niet meer. Bewaar het op een veilige plek voordat je deze pagina verlaat.
reveal-views-left = De link kan nog { $n } keer worden geopend.

not-found-heading = Geheim niet gevonden
not-found-body = Achter deze link zit geen geheim. Misschien is het al bekeken of verlopen, of heeft het nooit bestaan.
not-found-hint = Heeft iemand je deze link gestuurd? Vraag die persoon dan om het geheim opnieuw te delen.

damaged-heading = Deze link is beschadigd of onvolledig
damaged-body = De link verwijst naar een geheim, maar een deel ervan ontbreekt of is gewijzigd, waardoor het geheim niet geopend kan worden. Het is niet verwijderd: kopieer de volledige link opnieuw of vraag de afzender om hem nog eens te sturen.

invalid-heading = Er ontbreekt iets
invalid-body = Vul een geheim in en kies hoe lang het beschikbaar moet blijven.

bad-request-heading = Dit verzoek kan niet worden beantwoord
bad-request-body = Dit adres wordt niet zo gebruikt, of het verzoek noemde een host die deze server niet in een link kan zetten. Begin opnieuw op de startpagina.

too-large-heading = Dat geheim is te groot
too-large-body = Deze server accepteert geheimen van hoogstens { $limit } bytes. Er is niets opgeslagen: deel een kleiner geheim of splits het op.

unavailable-heading = Tijdelijk niet beschikbaar
unavailable-body = De server kan zijn opslag op dit moment niet bereiken. Er is niets gewijzigd. Probeer het zo nog eens.
over-quota-heading = Opslagquotum bereikt
over-quota-body = Deze server bewaart al zoveel geheimen als zijn opslagquotum toestaat. Er is niets opgeslagen. Er komt weer ruimte vrij zodra geheimen worden geopend of verlopen: probeer het later nog eens.
too-many-creates-heading = Te veel geheimen
too-many-creates-body = Vanaf dit adres zijn te veel geheimen aangemaakt. Er is niets opgeslagen. Probeer het over { $n } seconden nog eens.

link-receipt = Dit geheim volgen of verwijderen (houd deze link voor jezelf)
receipt-heading = Wat er met je geheim is gebeurd
receipt-intro = Deze pagina is alleen voor de afzender: houd het adres voor jezelf. Ze toont wat er met het geheim is gebeurd, nooit het geheim zelf of wie het heeft geopend.
receipt-state-available = Nog beschikbaar: de link werkt.
receipt-state-viewed = Bekeken: alle weergaven zijn gebruikt en het geheim is verwijderd.
receipt-state-burned = Verwijderd door de afzender: de link werkt niet meer.
receipt-state-expired = Verlopen: de tijd is om en het geheim is verwijderd.
receipt-state-destroyed = Vernietigd na te veel verkeerde wachtzinnen: de link werkt niet meer.
receipt-created = Gemaakt
receipt-expires = Verloopt
receipt-views-used = Gebruikte weergaven: { $n }
receipt-history = Geschiedenis
receipt-no-events = Er is nog niets mee gebeurd.
event-viewed = Geopend
event-passphrase-failed = Verkeerde wachtzin
event-burned = Verwijderd door de afzender
event-expired = Verlopen
event-destroyed = Vernietigd
receipt-delete = Nu verwijderen
receipt-delete-note = Verwijderen kan niet ongedaan worden gemaakt: de link werkt meteen voor niemand meer.
receipt-not-found = Ontvangstbewijs niet gevonden: het heeft nooit bestaan of is ouder dan de bewaartermijn.

back-home = Terug naar de startpagina

## Zero-knowledge links

footer-zk = Versleuteld in de browser. De sleutel zit alleen in de link, na de #, die browsers nooit versturen: de server ziet het geheim nooit en bewaart niets wat hij zou kunnen lezen.
footer-form = Met JavaScript aan versleutelt dit formulier in je browser en ziet de server het geheim nooit. Zonder JavaScript versleutelt de server (SnapPass-formaat) en ziet hij het geheim terwijl hij het verzoek afhandelt.
form-passphrase-label = Wachtzin (optioneel)
form-passphrase-hint = De ontvanger moet hem ook intypen. Hij verlaat je browser nooit; stuur hem los van de link.
form-working = Bezig met versleutelen in je browser…
form-failed = Het geheim kon niet worden gemaakt; er is niets bewaard. Probeer het opnieuw.
link-kind-zk = Zero-knowledge-link: versleuteld in je browser. De sleutel is het deel na de #, dat nooit naar de server gaat.
link-kind-server = Door de server versleutelde link (SnapPass-formaat): de server heeft het geheim versleuteld. Hij zag het geheim bij het maken van de link en ziet het weer als de link wordt geopend; hij bewaart niets wat hij zou kunnen lezen.
link-passphrase-note = Voor deze link is ook de wachtzin nodig. Stuur die via een ander kanaal.
zk-preview-intro = Dit geheim is versleuteld in de browser van de afzender en wordt in de jouwe ontsleuteld: de server kan het niet lezen. Toon het pas als je het veilig kunt opslaan.
zk-needs-js = Voor deze link is JavaScript nodig: het geheim wordt in je browser ontsleuteld met de sleutel uit de link, die de server nooit ontvangt. Er is niets getoond of verbruikt. Zet JavaScript aan voor deze site, of open de link met de opdrachtregelclient (hushlink get).
zk-needs-https = Deze pagina kan hier niet ontsleutelen: browsers staan de benodigde cryptografie alleen toe via HTTPS (of localhost). Er is niets getoond of verbruikt. Open de link via HTTPS, of met de opdrachtregelclient (hushlink get).
zk-passphrase-label = Wachtzin
zk-working = Bezig met ontsleutelen…
zk-wrong-passphrase = Verkeerde wachtzin. Er is niets getoond en de link werkt nog. Resterende pogingen: { $n }.
zk-destroyed = Te veel verkeerde wachtzinnen: het geheim is vernietigd en de link werkt niet meer.
zk-decrypt-failed = Het geheim is aangekomen maar kon niet worden ontsleuteld: het is mogelijk gewijzigd. Vraag de afzender het opnieuw te delen.
zk-binary = Dit geheim is een bestand (binaire gegevens).
zk-download = Downloaden

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Meld u aan om een geheim te versturen
signin-intro = Alleen mensen van deze organisatie kunnen hier geheimen maken. Iedereen met een link kan die nog steeds openen, zonder account.
signin-button = Aanmelden
signin-unavailable = Aanmelden is nu niet mogelijk, dus er kunnen geen geheimen worden gemaakt. Probeer het over een paar minuten opnieuw.
signin-refused = Uw account mag hier geen geheimen versturen. Vraag het zo nodig aan uw beheerder.
signin-failed = Het aanmelden is niet voltooid. Begin opnieuw.
signed-in-as = Aangemeld als
sign-out = Afmelden
keys-link = Mijn API-sleutels
keys-heading = Uw API-sleutels
keys-intro = Sleutels voor de opdrachtregelclient en scripts: ze kunnen geheimen maken, verder niets. Een nieuwe sleutel wordt maar één keer getoond.
keys-name-label = Naam van de sleutel
keys-create = Sleutel maken
keys-new = Uw nieuwe sleutel. Kopieer hem nu: hij wordt niet opnieuw getoond.
keys-none = U hebt nog geen API-sleutels.
keys-revoke = Intrekken
keys-invalid = Kies een andere naam: 1 tot 64 letters, cijfers, punten, streepjes of underscores, nog niet in gebruik.
