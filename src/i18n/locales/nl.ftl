# hushlink: the pages' strings in Dutch.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · een geheim delen
brand = hushlink
tagline = Deel een geheim via een link die maar één keer werkt.
footer = De sleutel van je geheim zit alleen in de link. De server bewaart niets wat hij zou kunnen lezen.

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

back-home = Terug naar de startpagina
