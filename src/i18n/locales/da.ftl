# hushlink: the pages' strings in Danish.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · del en hemmelighed
brand = hushlink
tagline = Del en hemmelighed via et link, der kun virker én gang.
footer = Krypteret af serveren (SnapPass-format). Nøglen findes kun i linket; serveren ser hemmeligheden, mens den opretter og viser den, og gemmer intet, den kan læse.

form-heading = Del en hemmelighed
form-intro = Indsæt en adgangskode eller en anden hemmelighed. Du får et link, der viser den én gang, og derefter slettes hemmeligheden.
form-secret-label = Hemmelighed
form-secret-placeholder = Skriv eller indsæt hemmeligheden her
form-ttl-label = Udløber efter
ttl-two-weeks = To uger
ttl-week = Én uge
ttl-day = Én dag
ttl-hour = Én time
form-views-label = Tilladte visninger
form-views-hint = Hvor mange gange linket må åbnes, før hemmeligheden slettes.
form-submit = Opret link
form-too-large = Hemmeligheden fylder { $size } byte, og serveren modtager højst { $limit } byte. Intet er gemt: gør den kortere, eller del den op i flere dele.
form-views-invalid = Tilladte visninger skal være et helt tal fra 1 til 100.
form-kept = Din hemmelighed står stadig i formularen nedenfor; intet er gemt.

link-heading = Dit link er klar
link-intro = Send linket til den person, der skal bruge hemmeligheden. Det virker kun så mange gange, som du har tilladt, og udløber af sig selv.
link-label = Hemmeligt link
link-qr-label = QR-kode til linket
link-another = Del en hemmelighed mere

copy = Kopiér
copied = Kopieret

preview-heading = Nogen har delt en hemmelighed med dig
preview-intro = Vis den først, når du er klar til at gemme den et sikkert sted: når den er vist, kan den være væk for altid.
preview-views-left = Visninger tilbage: { $n }
preview-reveal = Vis hemmeligheden

reveal-heading = Din hemmelighed
reveal-label = Hemmelighed
reveal-gone = Hemmeligheden er nu slettet fra serveren, og linket virker ikke længere. Gem den et sikkert sted, før du forlader siden.
reveal-views-left = Visninger tilbage for linket: { $n }.

not-found-heading = Hemmeligheden blev ikke fundet
not-found-body = Linket indeholder ingen hemmelighed. Den kan allerede være vist, være udløbet eller aldrig have eksisteret.
not-found-hint = Hvis nogen har sendt dig linket, så bed dem dele hemmeligheden igen.

damaged-heading = Linket er beskadiget eller ufuldstændigt
damaged-body = Linket peger på en hemmelighed, men en del af det mangler eller er ændret, så hemmeligheden kan ikke åbnes. Den er ikke slettet: kopiér hele linket igen, eller bed afsenderen sende det igen.

invalid-heading = Der mangler noget
invalid-body = Indtast en hemmelighed, og vælg, hvor længe den skal gælde.

bad-request-heading = Denne anmodning kan ikke besvares
bad-request-body = Adressen bruges ikke på den måde, eller anmodningen angav en vært, som serveren ikke kan sætte ind i et link. Start forfra på forsiden.

too-large-heading = Hemmeligheden er for stor
too-large-body = Serveren modtager kun hemmeligheder på højst { $limit } byte. Intet er gemt: del en mindre hemmelighed, eller del den op.

unavailable-heading = Midlertidigt utilgængelig
unavailable-body = Serveren kan ikke nå sit lager lige nu. Intet er ændret. Prøv igen om et øjeblik.
over-quota-heading = Lagerkvoten er nået
over-quota-body = Serveren opbevarer allerede så mange hemmeligheder, som dens lagerkvote tillader. Intet er gemt. Der bliver plads igen, når hemmeligheder åbnes eller udløber: prøv igen senere.
too-many-creates-heading = For mange hemmeligheder
too-many-creates-body = Der er oprettet for mange hemmeligheder fra denne adresse. Intet er gemt. Prøv igen om { $n } sekunder.

link-receipt = Følg eller slet hemmeligheden (behold dette link for dig selv)
receipt-heading = Hvad der skete med din hemmelighed
receipt-intro = Denne side er kun til afsenderen: behold adressen for dig selv. Den viser, hvad der skete med hemmeligheden, aldrig selve hemmeligheden eller hvem der åbnede den.
receipt-state-available = Stadig tilgængelig: linket virker.
receipt-state-viewed = Vist: alle visninger er brugt, og hemmeligheden er slettet.
receipt-state-burned = Slettet af afsenderen: linket virker ikke længere.
receipt-state-expired = Udløbet: tiden er gået, og hemmeligheden er slettet.
receipt-state-destroyed = Ødelagt efter for mange forkerte adgangsfraser: linket virker ikke længere.
receipt-created = Oprettet
receipt-expires = Udløber
receipt-views-used = Brugte visninger: { $n }
receipt-history = Historik
receipt-no-events = Der er ikke sket noget med den endnu.
event-viewed = Åbnet
event-passphrase-failed = Forkert adgangsfrase
event-burned = Slettet af afsenderen
event-expired = Udløbet
event-destroyed = Ødelagt
receipt-delete = Slet nu
receipt-delete-note = Sletning kan ikke fortrydes: linket holder straks op med at virke, for alle.
receipt-not-found = Kvitteringen blev ikke fundet: den har aldrig eksisteret, eller den er ældre end sin opbevaringsperiode.

back-home = Tilbage til start

## Zero-knowledge links

footer-zk = Krypteret i browseren. Nøglen findes kun i linket, efter #, som browsere aldrig sender: serveren ser aldrig hemmeligheden og gemmer intet, den kan læse.
footer-form = Med JavaScript slået til krypterer formularen i din browser, og serveren ser aldrig hemmeligheden. Uden JavaScript krypterer serveren (SnapPass-format) og ser hemmeligheden, mens den behandler anmodningen.
form-passphrase-label = Adgangssætning (valgfri)
form-passphrase-hint = Modtageren skal også indtaste den. Den forlader aldrig din browser; send den separat fra linket.
form-working = Krypterer i din browser…
form-failed = Hemmeligheden kunne ikke oprettes; intet er gemt. Prøv igen.
link-kind-zk = Nulvidenslink: krypteret i din browser. Nøglen er delen efter #, som aldrig sendes til serveren.
link-kind-server = Serverkrypteret link (SnapPass-format): serveren krypterede hemmeligheden. Den så hemmeligheden, da linket blev oprettet, og ser den igen, når linket åbnes; den gemmer intet, den kan læse.
link-passphrase-note = Linket kræver også adgangssætningen. Send den via en anden kanal.
zk-preview-intro = Hemmeligheden blev krypteret i afsenderens browser og dekrypteres i din: serveren kan ikke læse den. Vis den først, når du er klar til at gemme den et sikkert sted.
zk-needs-js = Linket kræver JavaScript for at kunne åbnes: hemmeligheden dekrypteres i din browser med nøglen i linket, som serveren aldrig modtager. Intet er vist eller brugt. Slå JavaScript til for siden, eller åbn linket med kommandolinjeklienten hushlink (hushlink get).
zk-needs-https = Siden kan ikke dekryptere her: browsere tillader kun den nødvendige kryptografi over HTTPS (eller på localhost). Intet er vist eller brugt. Åbn linket over HTTPS, eller med kommandolinjeklienten hushlink (hushlink get).
zk-passphrase-label = Adgangssætning
zk-working = Dekrypterer…
zk-wrong-passphrase = Forkert adgangssætning. Intet er vist, og linket virker stadig. Forsøg tilbage: { $n }.
zk-destroyed = For mange forkerte adgangssætninger: hemmeligheden er destrueret, og linket virker ikke længere.
zk-decrypt-failed = Hemmeligheden nåede frem, men kunne ikke dekrypteres: den kan være ændret. Bed afsenderen dele den igen.
zk-binary = Hemmeligheden er en fil (binære data).
zk-download = Hent den

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Log ind for at sende en hemmelighed
signin-intro = Kun personer i denne organisation kan oprette hemmeligheder her. Alle med et link kan stadig åbne det uden konto.
signin-button = Log ind
signin-unavailable = Login er ikke tilgængeligt lige nu, så der kan ikke oprettes hemmeligheder. Prøv igen om et par minutter.
signin-refused = Din konto må ikke sende hemmeligheder her. Spørg din administrator, hvis du har brug for det.
signin-failed = Login blev ikke gennemført. Start forfra.
signed-in-as = Logget ind som
sign-out = Log ud
keys-link = Mine API-nøgler
keys-heading = Dine API-nøgler
keys-intro = Nøgler til kommandolinjeklienten og scripts: de kan oprette hemmeligheder, intet andet. En ny nøgle vises kun én gang.
keys-name-label = Nøglens navn
keys-create = Opret nøgle
keys-new = Din nye nøgle. Kopiér den nu: den bliver ikke vist igen.
keys-none = Du har ingen API-nøgler endnu.
keys-revoke = Tilbagekald
keys-invalid = Vælg et andet navn: 1 til 64 bogstaver, cifre, punktummer, bindestreger eller understreger, der ikke allerede er i brug.
