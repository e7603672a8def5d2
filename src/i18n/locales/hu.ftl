# hushlink: the pages' strings in Hungarian.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · titok megosztása
brand = hushlink
tagline = Ossz meg egy titkot egy linkkel, amely csak egyszer működik.
footer = Titkosítás a szerveren (SnapPass formátum). A kulcs csak a linkben van; a szerver látja a titkot, amíg létrehozza és megjeleníti, és semmit sem tárol, amit el tudna olvasni.

form-heading = Titok megosztása
form-intro = Illessz be egy jelszót vagy bármilyen más titkot. Kapsz egy linket, amely egyszer megmutatja, aztán a titok törlődik.
form-secret-label = Titok
form-secret-placeholder = Írd vagy illeszd be ide a titkot
form-ttl-label = Lejárat
ttl-two-weeks = Két hét
ttl-week = Egy hét
ttl-day = Egy nap
ttl-hour = Egy óra
form-views-label = Megengedett megtekintések
form-views-hint = Hányszor nyitható meg a link, mielőtt a titok törlődik.
form-submit = Link létrehozása
form-too-large = Ez a titok { $size } bájt hosszú, ez a szerver pedig legfeljebb { $limit } bájtot fogad. Semmi sem tárolódott: rövidítsd le, vagy oszd fel részekre.
form-views-invalid = A megengedett megtekintések száma csak 1 és 100 közötti egész szám lehet.
form-kept = A titkod még ott van a lenti űrlapon; semmi sem tárolódott.

link-heading = Elkészült a linked
link-intro = Küldd el ezt a linket annak, akinek a titokra szüksége van. Csak annyiszor működik, ahányszor engedted, és magától lejár.
link-label = Titkos link
link-qr-label = A link QR-kódja
link-another = Újabb titok megosztása

copy = Másolás
copied = Másolva

preview-heading = Valaki megosztott veled egy titkot
preview-intro = Csak akkor jelenítsd meg, ha készen állsz biztonságos helyre menteni: megjelenítés után végleg eltűnhet.
preview-views-left = Hátralévő megtekintések: { $n }
preview-reveal = Titok megjelenítése

reveal-heading = A titkod
reveal-label = Titok
reveal-gone = Ez a titok most törlődött a szerverről, és a link többé nem működik. Mentsd el biztonságos helyre, mielőtt elhagyod az oldalt.
reveal-views-left = A link hátralévő megtekintései: { $n }.

not-found-heading = A titok nem található
not-found-body = Ez a link nem tartalmaz titkot. Lehet, hogy már megtekintették, lejárt, vagy soha nem is létezett.
not-found-hint = Ha valaki küldte neked ezt a linket, kérd meg, hogy ossza meg újra a titkot.

damaged-heading = A link sérült vagy hiányos
damaged-body = A link egy titokra mutat, de egy része hiányzik vagy megváltozott, ezért a titok nem nyitható meg. Nem törlődött: másold ki újra a teljes linket, vagy kérd meg a küldőt, hogy küldje el újra.

invalid-heading = Valami hiányzik
invalid-body = Adj meg egy titkot, és válaszd ki, meddig legyen elérhető.

bad-request-heading = Erre a kérésre nem lehet válaszolni
bad-request-body = Ezt a címet nem így kell használni, vagy a kérés olyan gazdagépet nevezett meg, amelyet ez a szerver nem tud linkbe tenni. Kezdd újra a kezdőlapról.

too-large-heading = Ez a titok túl nagy
too-large-body = Ez a szerver legfeljebb { $limit } bájtos titkokat fogad. Semmi sem tárolódott: ossz meg kisebb titkot, vagy oszd fel részekre.

unavailable-heading = Átmenetileg nem érhető el
unavailable-body = A szerver most nem éri el a tárhelyét. Semmi sem változott. Próbáld újra egy kicsit később.
over-quota-heading = Elfogyott a tárhelykvóta
over-quota-body = Ez a szerver már annyi titkot őriz, amennyit a tárhelykvótája enged. Semmi sem tárolódott. Hely akkor szabadul fel, amikor titkokat megnyitnak, vagy lejárnak: próbáld újra később.
too-many-creates-heading = Túl sok titok
too-many-creates-body = Erről a címről túl sok titkot hoztak létre. Semmi sem tárolódott. Próbáld újra { $n } másodperc múlva.

link-receipt = A titok követése vagy törlése (ezt a linket tartsd meg magadnak)
receipt-heading = Mi történt a titkoddal
receipt-intro = Ez az oldal csak a küldőnek szól: a címét tartsd meg magadnak. Azt mutatja, mi történt a titokkal, soha nem magát a titkot, és azt sem, ki nyitotta meg.
receipt-state-available = Még elérhető: a link működik.
receipt-state-viewed = Megtekintve: minden megtekintés elfogyott, a titok törölve.
receipt-state-burned = A küldő törölte: a link már nem működik.
receipt-state-expired = Lejárt: letelt az ideje, a titok törölve.
receipt-state-destroyed = Túl sok hibás jelmondat miatt megsemmisült: a link már nem működik.
receipt-created = Létrehozva
receipt-expires = Lejár
receipt-views-used = Felhasznált megtekintések: { $n }
receipt-history = Előzmények
receipt-no-events = Még nem történt vele semmi.
event-viewed = Megnyitva
event-passphrase-failed = Hibás jelmondat
event-burned = A küldő törölte
event-expired = Lejárt
event-destroyed = Megsemmisült
receipt-delete = Törlés most
receipt-delete-note = A törlés nem vonható vissza: a link azonnal megszűnik működni, mindenkinek.
receipt-not-found = A nyugta nem található: soha nem létezett, vagy régebbi a megőrzési idejénél.

back-home = Vissza az elejére

## Zero-knowledge links

footer-zk = Titkosítás a böngészőben. A kulcs csak a linkben van, a # jel után, amelyet a böngészők soha nem küldenek el: a szerver soha nem látja a titkot, és semmit sem tárol, amit el tudna olvasni.
footer-form = Bekapcsolt JavaScripttel ez az űrlap a böngésződben titkosít, és a szerver soha nem látja a titkot. Nélküle a szerver titkosít (SnapPass formátum), és látja a titkot, amíg kiszolgálja a kérést.
form-passphrase-label = Jelmondat (nem kötelező)
form-passphrase-hint = A címzettnek is be kell írnia. Soha nem hagyja el a böngésződet; a linktől külön küldd el.
form-working = Titkosítás a böngésződben…
form-failed = A titkot nem sikerült létrehozni; semmi sem tárolódott. Próbáld újra.
link-kind-zk = Nulla ismeretű link: a böngésződben titkosítva. A kulcs a # jel utáni rész, amelyet a szerver soha nem kap meg.
link-kind-server = Szerveren titkosított link (SnapPass formátum): a titkot a szerver titkosította. Látta a titkot a link létrehozásakor, és újra látni fogja, amikor a linket megnyitják; semmit sem tárol, amit el tudna olvasni.
link-passphrase-note = Ehhez a linkhez a jelmondat is kell. Küldd el más csatornán.
zk-preview-intro = Ezt a titkot a küldő böngészője titkosította, és a te böngésződ fejti vissza: a szerver nem tudja elolvasni. Csak akkor jelenítsd meg, ha készen állsz biztonságos helyre menteni.
zk-needs-js = A link megnyitásához JavaScript kell: a titkot a böngésződ fejti vissza a linkben lévő kulccsal, amelyet a szerver soha nem kap meg. Semmi sem jelent meg, és semmi sem használódott el. Kapcsold be a JavaScriptet ehhez az oldalhoz, vagy nyisd meg a linket a hushlink parancssori kliensével (hushlink get).
zk-needs-https = Ez az oldal itt nem tud visszafejteni: a böngészők a szükséges kriptográfiát csak HTTPS-kapcsolaton (vagy a localhost címen) engedik. Semmi sem jelent meg, és semmi sem használódott el. Nyisd meg a linket HTTPS-kapcsolaton, vagy a hushlink parancssori kliensével (hushlink get).
zk-passphrase-label = Jelmondat
zk-working = Visszafejtés…
zk-wrong-passphrase = Hibás jelmondat. Semmi sem jelent meg, és a link továbbra is működik. Hátralévő próbálkozások: { $n }.
zk-destroyed = Túl sok hibás jelmondat: a titok megsemmisült, és a link többé nem működik.
zk-decrypt-failed = A titok megérkezett, de nem sikerült visszafejteni: lehet, hogy megváltoztatták. Kérd meg a küldőt, hogy ossza meg újra.
zk-binary = Ez a titok egy fájl (bináris adat).
zk-download = Letöltés

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Jelentkezzen be egy titok küldéséhez
signin-intro = Itt csak a szervezet tagjai hozhatnak létre titkokat. Bárki, akinek megvan a link, fiók nélkül is megnyithatja.
signin-button = Bejelentkezés
signin-unavailable = A bejelentkezés most nem érhető el, ezért titkot sem lehet létrehozni. Próbálja újra néhány perc múlva.
signin-refused = A fiókja itt nem küldhet titkokat. Szükség esetén forduljon a rendszergazdához.
signin-failed = A bejelentkezés nem fejeződött be. Kezdje újra.
signed-in-as = Bejelentkezve:
sign-out = Kijelentkezés
keys-link = API-kulcsaim
keys-heading = Az Ön API-kulcsai
keys-intro = Kulcsok a parancssori klienshez és szkriptekhez: titkokat hozhatnak létre, mást nem. Az új kulcs csak egyszer jelenik meg.
keys-name-label = A kulcs neve
keys-create = Kulcs létrehozása
keys-new = Az új kulcsa. Másolja ki most: többé nem jelenik meg.
keys-none = Még nincs API-kulcsa.
keys-revoke = Visszavonás
keys-invalid = Válasszon másik nevet: 1–64 betű, számjegy, pont, kötőjel vagy aláhúzás, amely még nincs használatban.
