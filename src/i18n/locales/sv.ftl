# hushlink: the pages' strings in Swedish.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · dela en hemlighet
brand = hushlink
tagline = Dela en hemlighet via en länk som bara fungerar en gång.
footer = Krypterad av servern (SnapPass-format). Nyckeln finns bara i länken; servern ser hemligheten medan den skapar och visar den, och sparar inget som den kan läsa.

form-heading = Dela en hemlighet
form-intro = Klistra in ett lösenord eller någon annan hemlighet. Du får en länk som visar den en gång, sedan raderas hemligheten.
form-secret-label = Hemlighet
form-secret-placeholder = Skriv eller klistra in hemligheten här
form-ttl-label = Upphör efter
ttl-two-weeks = Två veckor
ttl-week = En vecka
ttl-day = En dag
ttl-hour = En timme
form-views-label = Tillåtna visningar
form-views-hint = Hur många gånger länken får öppnas innan hemligheten raderas.
form-submit = Skapa länk
form-too-large = Hemligheten är { $size } byte lång, och servern tar emot högst { $limit } byte. Inget har sparats: korta den, eller dela upp den i flera delar.
form-views-invalid = Tillåtna visningar måste vara ett heltal från 1 till 100.
form-kept = Din hemlighet finns kvar i formuläret nedan; inget har sparats.

link-heading = Din länk är klar
link-intro = Skicka länken till den som behöver hemligheten. Den fungerar bara så många gånger som du har tillåtit och upphör av sig själv.
link-label = Hemlig länk
link-qr-label = QR-kod för länken
link-another = Dela en hemlighet till

copy = Kopiera
copied = Kopierad

preview-heading = Någon har delat en hemlighet med dig
preview-intro = Visa den först när du är redo att spara den på ett säkert ställe: när den väl har visats kan den vara borta för gott.
preview-views-left = Visningar kvar: { $n }
preview-reveal = Visa hemligheten

reveal-heading = Din hemlighet
reveal-label = Hemlighet
reveal-gone = Hemligheten har nu raderats från servern, och länken fungerar inte längre. Spara den på ett säkert ställe innan du lämnar sidan.
reveal-views-left = Visningar kvar för länken: { $n }.

not-found-heading = Hemligheten hittades inte
not-found-body = Länken innehåller ingen hemlighet. Den kan redan ha visats, ha upphört att gälla eller aldrig ha funnits.
not-found-hint = Om någon skickade länken till dig, be personen dela hemligheten igen.

damaged-heading = Länken är skadad eller ofullständig
damaged-body = Länken pekar på en hemlighet, men en del av den saknas eller har ändrats, så hemligheten kan inte öppnas. Den har inte raderats: kopiera hela länken igen, eller be avsändaren skicka den på nytt.

invalid-heading = Något saknas
invalid-body = Skriv in en hemlighet och välj hur länge den ska gälla.

bad-request-heading = Den här begäran kan inte besvaras
bad-request-body = Adressen används inte på det sättet, eller så angav begäran en värd som servern inte kan lägga in i en länk. Börja om från startsidan.

too-large-heading = Hemligheten är för stor
too-large-body = Servern tar emot hemligheter på högst { $limit } byte. Inget har sparats: dela en mindre hemlighet, eller dela upp den.

unavailable-heading = Tillfälligt otillgänglig
unavailable-body = Servern når inte sin lagring just nu. Inget har ändrats. Försök igen om en stund.
over-quota-heading = Lagringskvoten är nådd
over-quota-body = Servern har redan så många hemligheter som dess lagringskvot tillåter. Inget har sparats. Det blir plats igen när hemligheter öppnas eller går ut: försök igen senare.
too-many-creates-heading = För många hemligheter
too-many-creates-body = För många hemligheter har skapats från den här adressen. Inget har sparats. Försök igen om { $n } sekunder.

link-receipt = Följ eller radera hemligheten (behåll den här länken för dig själv)
receipt-heading = Vad som hände med din hemlighet
receipt-intro = Den här sidan är bara för avsändaren: behåll adressen för dig själv. Den visar vad som hände med hemligheten, aldrig själva hemligheten eller vem som öppnade den.
receipt-state-available = Fortfarande tillgänglig: länken fungerar.
receipt-state-viewed = Visad: alla visningar är använda och hemligheten är raderad.
receipt-state-burned = Raderad av avsändaren: länken fungerar inte längre.
receipt-state-expired = Har gått ut: tiden tog slut och hemligheten är raderad.
receipt-state-destroyed = Förstörd efter för många felaktiga lösenfraser: länken fungerar inte längre.
receipt-created = Skapad
receipt-expires = Går ut
receipt-views-used = Använda visningar: { $n }
receipt-history = Historik
receipt-no-events = Inget har hänt med den ännu.
event-viewed = Öppnad
event-passphrase-failed = Fel lösenfras
event-burned = Raderad av avsändaren
event-expired = Har gått ut
event-destroyed = Förstörd
receipt-delete = Radera nu
receipt-delete-note = Det går inte att ångra: länken slutar fungera direkt, för alla.
receipt-not-found = Kvittot hittades inte: det har aldrig funnits, eller så är det äldre än sin lagringstid.

back-home = Tillbaka till början

## Zero-knowledge links

footer-zk = Krypterad i webbläsaren. Nyckeln finns bara i länken, efter #, som webbläsare aldrig skickar: servern ser aldrig hemligheten och sparar inget som den kan läsa.
footer-form = Med JavaScript påslaget krypterar formuläret i din webbläsare och servern ser aldrig hemligheten. Utan JavaScript krypterar servern (SnapPass-format) och ser hemligheten medan den hanterar begäran.
form-passphrase-label = Lösenfras (valfri)
form-passphrase-hint = Mottagaren måste också skriva in den. Den lämnar aldrig din webbläsare; skicka den separat från länken.
form-working = Krypterar i din webbläsare…
form-failed = Hemligheten kunde inte skapas; inget har sparats. Försök igen.
link-kind-zk = Nollkunskapslänk: krypterad i din webbläsare. Nyckeln är delen efter #, som aldrig skickas till servern.
link-kind-server = Serverkrypterad länk (SnapPass-format): servern krypterade hemligheten. Den såg hemligheten när länken skapades och ser den igen när länken öppnas; den sparar inget som den kan läsa.
link-passphrase-note = Länken kräver också lösenfrasen. Skicka den via en annan kanal.
zk-preview-intro = Hemligheten krypterades i avsändarens webbläsare och dekrypteras i din: servern kan inte läsa den. Visa den först när du är redo att spara den på ett säkert ställe.
zk-needs-js = Länken kräver JavaScript för att öppnas: hemligheten dekrypteras i din webbläsare med nyckeln i länken, som servern aldrig tar emot. Inget har visats eller förbrukats. Slå på JavaScript för webbplatsen, eller öppna länken med kommandoradsklienten hushlink (hushlink get).
zk-needs-https = Sidan kan inte dekryptera här: webbläsare tillåter den kryptografi som behövs bara över HTTPS (eller på localhost). Inget har visats eller förbrukats. Öppna länken över HTTPS, eller med kommandoradsklienten hushlink (hushlink get).
zk-passphrase-label = Lösenfras
zk-working = Dekrypterar…
zk-wrong-passphrase = Fel lösenfras. Inget har visats och länken fungerar fortfarande. Försök kvar: { $n }.
zk-destroyed = För många felaktiga lösenfraser: hemligheten har förstörts och länken fungerar inte längre.
zk-decrypt-failed = Hemligheten kom fram men kunde inte dekrypteras: den kan ha ändrats. Be avsändaren dela den igen.
zk-binary = Hemligheten är en fil (binärdata).
zk-download = Ladda ner den

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Logga in för att skicka en hemlighet
signin-intro = Bara personer i den här organisationen kan skapa hemligheter här. Alla med en länk kan fortfarande öppna den, utan konto.
signin-button = Logga in
signin-unavailable = Inloggningen är inte tillgänglig just nu, så inga hemligheter kan skapas. Försök igen om några minuter.
signin-refused = Ditt konto får inte skicka hemligheter här. Fråga din administratör om du behöver det.
signin-failed = Inloggningen slutfördes inte. Börja om.
signed-in-as = Inloggad som
sign-out = Logga ut
keys-link = Mina API-nycklar
keys-heading = Dina API-nycklar
keys-intro = Nycklar för kommandoradsklienten och skript: de kan skapa hemligheter, inget annat. En ny nyckel visas bara en gång.
keys-name-label = Nyckelns namn
keys-create = Skapa nyckel
keys-new = Din nya nyckel. Kopiera den nu: den visas inte igen.
keys-none = Du har inga API-nycklar än.
keys-revoke = Återkalla
keys-invalid = Välj ett annat namn: 1 till 64 bokstäver, siffror, punkter, bindestreck eller understreck, som inte redan används.
