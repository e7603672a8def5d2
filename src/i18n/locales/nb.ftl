# hushlink: the pages' strings in Norwegian Bokmål; also offered to readers
# asking for Norwegian (`no`) or Nynorsk (`nn`).
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · del en hemmelighet
brand = hushlink
tagline = Del en hemmelighet via en lenke som bare virker én gang.
footer = Kryptert av serveren (SnapPass-format). Nøkkelen finnes bare i lenken; serveren ser hemmeligheten mens den oppretter og viser den, og lagrer ingenting den kan lese.

form-heading = Del en hemmelighet
form-intro = Lim inn et passord eller en annen hemmelighet. Du får en lenke som viser den én gang, og deretter slettes hemmeligheten.
form-secret-label = Hemmelighet
form-secret-placeholder = Skriv eller lim inn hemmeligheten her
form-ttl-label = Utløper etter
ttl-two-weeks = To uker
ttl-week = Én uke
ttl-day = Én dag
ttl-hour = Én time
form-views-label = Tillatte visninger
form-views-hint = Hvor mange ganger lenken kan åpnes før hemmeligheten slettes.
form-submit = Lag lenke
form-too-large = Hemmeligheten er på { $size } byte, og serveren tar imot høyst { $limit } byte. Ingenting er lagret: gjør den kortere, eller del den opp i flere deler.
form-views-invalid = Tillatte visninger må være et heltall fra 1 til 100.
form-kept = Hemmeligheten din står fortsatt i skjemaet nedenfor; ingenting er lagret.

link-heading = Lenken din er klar
link-intro = Send lenken til den som trenger hemmeligheten. Den virker bare så mange ganger som du har tillatt, og utløper av seg selv.
link-label = Hemmelig lenke
link-qr-label = QR-kode for lenken
link-another = Del en hemmelighet til

copy = Kopier
copied = Kopiert

preview-heading = Noen har delt en hemmelighet med deg
preview-intro = Vis den først når du er klar til å lagre den på et trygt sted: når den er vist, kan den være borte for godt.
preview-views-left = Visninger igjen: { $n }
preview-reveal = Vis hemmeligheten

reveal-heading = Hemmeligheten din
reveal-label = Hemmelighet
reveal-gone = Hemmeligheten er nå slettet fra serveren, og lenken virker ikke lenger. Lagre den på et trygt sted før du forlater siden.
reveal-views-left = Visninger igjen for lenken: { $n }.

not-found-heading = Fant ikke hemmeligheten
not-found-body = Lenken inneholder ingen hemmelighet. Den kan allerede være vist, ha utløpt eller aldri ha eksistert.
not-found-hint = Hvis noen sendte deg lenken, be dem dele hemmeligheten på nytt.

damaged-heading = Lenken er skadet eller ufullstendig
damaged-body = Lenken peker til en hemmelighet, men en del av den mangler eller er endret, så hemmeligheten kan ikke åpnes. Den er ikke slettet: kopier hele lenken på nytt, eller be avsenderen sende den igjen.

invalid-heading = Noe mangler
invalid-body = Skriv inn en hemmelighet og velg hvor lenge den skal vare.

bad-request-heading = Denne forespørselen kan ikke besvares
bad-request-body = Adressen brukes ikke på den måten, eller forespørselen oppga en vert som serveren ikke kan sette inn i en lenke. Begynn på nytt fra startsiden.

too-large-heading = Hemmeligheten er for stor
too-large-body = Serveren tar bare imot hemmeligheter på høyst { $limit } byte. Ingenting er lagret: del en mindre hemmelighet, eller del den opp.

unavailable-heading = Midlertidig utilgjengelig
unavailable-body = Serveren får ikke kontakt med lagringen sin akkurat nå. Ingenting er endret. Prøv igjen om litt.
over-quota-heading = Lagringskvoten er nådd
over-quota-body = Serveren har allerede så mange hemmeligheter som lagringskvoten tillater. Ingenting er lagret. Det blir plass igjen når hemmeligheter åpnes eller utløper: prøv igjen senere.
too-many-creates-heading = For mange hemmeligheter
too-many-creates-body = Det er opprettet for mange hemmeligheter fra denne adressen. Ingenting er lagret. Prøv igjen om { $n } sekunder.

link-receipt = Følg eller slett hemmeligheten (behold denne lenken for deg selv)
receipt-heading = Hva som skjedde med hemmeligheten din
receipt-intro = Denne siden er bare for avsenderen: behold adressen for deg selv. Den viser hva som skjedde med hemmeligheten, aldri selve hemmeligheten eller hvem som åpnet den.
receipt-state-available = Fortsatt tilgjengelig: lenken virker.
receipt-state-viewed = Vist: alle visninger er brukt, og hemmeligheten er slettet.
receipt-state-burned = Slettet av avsenderen: lenken virker ikke lenger.
receipt-state-expired = Utløpt: tiden er ute, og hemmeligheten er slettet.
receipt-state-destroyed = Ødelagt etter for mange feil passordfraser: lenken virker ikke lenger.
receipt-created = Opprettet
receipt-expires = Utløper
receipt-views-used = Brukte visninger: { $n }
receipt-history = Historikk
receipt-no-events = Ingenting har skjedd med den ennå.
event-viewed = Åpnet
event-passphrase-failed = Feil passordfrase
event-burned = Slettet av avsenderen
event-expired = Utløpt
event-destroyed = Ødelagt
receipt-delete = Slett nå
receipt-delete-note = Sletting kan ikke angres: lenken slutter å virke med en gang, for alle.
receipt-not-found = Kvitteringen ble ikke funnet: den har aldri eksistert, eller den er eldre enn oppbevaringstiden.

back-home = Tilbake til start

## Zero-knowledge links

footer-zk = Kryptert i nettleseren. Nøkkelen finnes bare i lenken, etter #, som nettlesere aldri sender: serveren ser aldri hemmeligheten og lagrer ingenting den kan lese.
footer-form = Med JavaScript slått på krypterer skjemaet i nettleseren din, og serveren ser aldri hemmeligheten. Uten JavaScript krypterer serveren (SnapPass-format) og ser hemmeligheten mens den behandler forespørselen.
form-passphrase-label = Passordfrase (valgfri)
form-passphrase-hint = Mottakeren må også skrive den inn. Den forlater aldri nettleseren din; send den separat fra lenken.
form-working = Krypterer i nettleseren din…
form-failed = Hemmeligheten kunne ikke opprettes; ingenting er lagret. Prøv igjen.
link-kind-zk = Nullkunnskapslenke: kryptert i nettleseren din. Nøkkelen er delen etter #, som aldri sendes til serveren.
link-kind-server = Serverkryptert lenke (SnapPass-format): serveren krypterte hemmeligheten. Den så hemmeligheten da lenken ble laget, og ser den igjen når lenken åpnes; den lagrer ingenting den kan lese.
link-passphrase-note = Lenken krever også passordfrasen. Send den via en annen kanal.
zk-preview-intro = Hemmeligheten ble kryptert i avsenderens nettleser og dekrypteres i din: serveren kan ikke lese den. Vis den først når du er klar til å lagre den på et trygt sted.
zk-needs-js = Lenken krever JavaScript for å åpnes: hemmeligheten dekrypteres i nettleseren din med nøkkelen i lenken, som serveren aldri mottar. Ingenting er vist eller brukt. Slå på JavaScript for dette nettstedet, eller åpne lenken med kommandolinjeklienten hushlink (hushlink get).
zk-needs-https = Siden kan ikke dekryptere her: nettlesere tillater den nødvendige kryptografien bare over HTTPS (eller på localhost). Ingenting er vist eller brukt. Åpne lenken over HTTPS, eller med kommandolinjeklienten hushlink (hushlink get).
zk-passphrase-label = Passordfrase
zk-working = Dekrypterer…
zk-wrong-passphrase = Feil passordfrase. Ingenting er vist, og lenken virker fortsatt. Gjenstående forsøk: { $n }.
zk-destroyed = For mange feil passordfraser: hemmeligheten er ødelagt, og lenken virker ikke lenger.
zk-decrypt-failed = Hemmeligheten kom fram, men kunne ikke dekrypteres: den kan ha blitt endret. Be avsenderen dele den på nytt.
zk-binary = Hemmeligheten er en fil (binærdata).
zk-download = Last den ned

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Logg inn for å sende en hemmelighet
signin-intro = Bare personer i denne organisasjonen kan opprette hemmeligheter her. Alle med en lenke kan fortsatt åpne den, uten konto.
signin-button = Logg inn
signin-unavailable = Innlogging er ikke tilgjengelig akkurat nå, så hemmeligheter kan ikke opprettes. Prøv igjen om noen minutter.
signin-refused = Kontoen din har ikke lov til å sende hemmeligheter her. Spør administratoren din om du trenger det.
signin-failed = Innloggingen ble ikke fullført. Begynn på nytt.
signed-in-as = Logget inn som
sign-out = Logg ut
keys-link = Mine API-nøkler
keys-heading = Dine API-nøkler
keys-intro = Nøkler for kommandolinjeklienten og skript: de kan opprette hemmeligheter, ingenting annet. En ny nøkkel vises bare én gang.
keys-name-label = Navn på nøkkelen
keys-create = Opprett nøkkel
keys-new = Den nye nøkkelen din. Kopier den nå: den vises ikke igjen.
keys-none = Du har ingen API-nøkler ennå.
keys-revoke = Trekk tilbake
keys-invalid = Velg et annet navn: 1 til 64 bokstaver, sifre, punktum, bindestreker eller understreker, som ikke allerede er i bruk.
