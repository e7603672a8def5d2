# hushlink: the pages' strings in Romanian.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · partajează un secret
brand = hushlink
tagline = Partajează un secret printr-un link care funcționează o singură dată.
footer = Criptat de server (format SnapPass). Cheia se află doar în link; serverul vede secretul cât timp îl creează și îl afișează și nu păstrează nimic din ce ar putea citi.

form-heading = Partajează un secret
form-intro = Lipește o parolă sau orice alt secret. Primești un link care îl afișează o singură dată, apoi secretul este șters.
form-secret-label = Secret
form-secret-placeholder = Scrie sau lipește secretul aici
form-ttl-label = Expiră după
ttl-two-weeks = Două săptămâni
ttl-week = O săptămână
ttl-day = O zi
ttl-hour = O oră
form-views-label = Vizualizări permise
form-views-hint = De câte ori poate fi deschis linkul înainte ca secretul să fie șters.
form-submit = Creează linkul
form-too-large = Acest secret are { $size } B, iar acest server acceptă cel mult { $limit } B. Nu s-a păstrat nimic: scurtează-l sau împarte-l în bucăți.
form-views-invalid = Vizualizările permise trebuie să fie un număr întreg de la 1 la 100.
form-kept = Secretul tău este încă în formularul de mai jos; nu s-a păstrat nimic.

link-heading = Linkul tău este gata
link-intro = Trimite acest link persoanei care are nevoie de secret. Funcționează doar de câte ori ai permis și expiră singur.
link-label = Link secret
link-qr-label = Codul QR al linkului
link-another = Partajează alt secret

copy = Copiază
copied = Copiat

preview-heading = Cineva a partajat un secret cu tine
preview-intro = Afișează-l doar când ești pregătit să-l salvezi într-un loc sigur: odată afișat, poate dispărea definitiv.
preview-views-left = Vizualizări rămase: { $n }
preview-reveal = Afișează secretul

reveal-heading = Secretul tău
reveal-label = Secret
reveal-gone = Acest secret a fost șters acum de pe server, iar linkul nu mai funcționează. Salvează-l într-un loc sigur înainte să părăsești pagina.
reveal-views-left = Vizualizări rămase pentru acest link: { $n }.

not-found-heading = Secretul nu a fost găsit
not-found-body = Acest link nu conține niciun secret. Poate a fost deja vizualizat, poate a expirat sau poate nu a existat niciodată.
not-found-hint = Dacă cineva ți-a trimis acest link, roagă-l să partajeze din nou secretul.

damaged-heading = Acest link este deteriorat sau incomplet
damaged-body = Linkul duce la un secret, dar o parte din el lipsește sau a fost modificată, așa că secretul nu poate fi deschis. Nu a fost șters: copiază din nou linkul întreg sau roagă expeditorul să-l trimită din nou.

invalid-heading = Lipsește ceva
invalid-body = Introdu un secret și alege cât timp să fie valabil.

bad-request-heading = Această cerere nu poate primi răspuns
bad-request-body = Această adresă nu se folosește așa, sau cererea a indicat o gazdă pe care acest server nu o poate pune într-un link. Începe din nou de la pagina principală.

too-large-heading = Secretul este prea mare
too-large-body = Acest server acceptă secrete de cel mult { $limit } B. Nu s-a păstrat nimic: partajează un secret mai mic sau împarte-l în bucăți.

unavailable-heading = Indisponibil temporar
unavailable-body = Serverul nu își poate accesa spațiul de stocare în acest moment. Nu s-a schimbat nimic. Încearcă din nou peste câteva momente.
over-quota-heading = Cota de stocare a fost atinsă
over-quota-body = Acest server păstrează deja atâtea secrete câte îi permite cota de stocare. Nu s-a păstrat nimic. Spațiul se eliberează când secretele sunt deschise sau expiră: încearcă din nou mai târziu.
too-many-creates-heading = Prea multe secrete
too-many-creates-body = De la această adresă s-au creat prea multe secrete. Nu s-a păstrat nimic. Încearcă din nou peste { $n } secunde.

link-receipt = Urmărește sau șterge acest secret (păstrează linkul doar pentru tine)
receipt-heading = Ce s-a întâmplat cu secretul tău
receipt-intro = Această pagină este doar pentru expeditor: nu-i împărtăși adresa. Arată ce s-a întâmplat cu secretul, niciodată secretul însuși sau cine l-a deschis.
receipt-state-available = Încă disponibil: linkul funcționează.
receipt-state-viewed = Vizualizat: toate vizualizările au fost folosite, iar secretul a fost șters.
receipt-state-burned = Șters de expeditor: linkul nu mai funcționează.
receipt-state-expired = Expirat: timpul s-a scurs, iar secretul a fost șters.
receipt-state-destroyed = Distrus după prea multe fraze de acces greșite: linkul nu mai funcționează.
receipt-created = Creat
receipt-expires = Expiră
receipt-views-used = Vizualizări folosite: { $n }
receipt-history = Istoric
receipt-no-events = Încă nu s-a întâmplat nimic cu el.
event-viewed = Deschis
event-passphrase-failed = Frază de acces greșită
event-burned = Șters de expeditor
event-expired = Expirat
event-destroyed = Distrus
receipt-delete = Șterge acum
receipt-delete-note = Ștergerea nu poate fi anulată: linkul nu mai funcționează imediat, pentru nimeni.
receipt-not-found = Confirmarea nu a fost găsită: nu a existat niciodată sau este mai veche decât perioada de păstrare.

back-home = Înapoi la început

## Zero-knowledge links

footer-zk = Criptat în browser. Cheia se află doar în link, după #, pe care browserele nu îl trimit niciodată: serverul nu vede niciodată secretul și nu păstrează nimic din ce ar putea citi.
footer-form = Cu JavaScript activat, acest formular criptează în browserul tău, iar serverul nu vede niciodată secretul. Fără JavaScript, criptează serverul (format SnapPass) și vede secretul cât timp tratează cererea.
form-passphrase-label = Frază de acces (opțional)
form-passphrase-hint = Destinatarul trebuie să o tasteze și el. Nu părăsește niciodată browserul tău; trimite-o separat de link.
form-working = Se criptează în browserul tău…
form-failed = Secretul nu a putut fi creat; nu s-a păstrat nimic. Încearcă din nou.
link-kind-zk = Link cu cunoaștere zero: criptat în browserul tău. Cheia este partea de după #, care nu este trimisă niciodată serverului.
link-kind-server = Link criptat de server (format SnapPass): serverul a criptat secretul. L-a văzut când a creat linkul și îl va vedea din nou când linkul va fi deschis; nu păstrează nimic din ce ar putea citi.
link-passphrase-note = Acest link are nevoie și de fraza de acces. Trimite-o pe alt canal.
zk-preview-intro = Acest secret a fost criptat în browserul expeditorului și este decriptat în al tău: serverul nu îl poate citi. Afișează-l doar când ești pregătit să-l salvezi într-un loc sigur.
zk-needs-js = Pentru a deschide acest link este nevoie de JavaScript: secretul este decriptat în browserul tău cu cheia din link, pe care serverul nu o primește niciodată. Nu s-a afișat și nu s-a consumat nimic. Activează JavaScript pentru acest site sau deschide linkul cu clientul hushlink din linia de comandă (hushlink get).
zk-needs-https = Această pagină nu poate decripta aici: browserele permit criptografia de care are nevoie doar prin HTTPS (sau pe localhost). Nu s-a afișat și nu s-a consumat nimic. Deschide linkul prin HTTPS sau cu clientul hushlink din linia de comandă (hushlink get).
zk-passphrase-label = Frază de acces
zk-working = Se decriptează…
zk-wrong-passphrase = Frază de acces greșită. Nu s-a afișat nimic, iar linkul încă funcționează. Încercări rămase: { $n }.
zk-destroyed = Prea multe fraze de acces greșite: secretul a fost distrus, iar linkul nu mai funcționează.
zk-decrypt-failed = Secretul a sosit, dar nu a putut fi decriptat: este posibil să fi fost modificat. Roagă expeditorul să-l partajeze din nou.
zk-binary = Acest secret este un fișier (date binare).
zk-download = Descarcă-l

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Autentificați-vă pentru a trimite un secret
signin-intro = Aici doar persoanele din această organizație pot crea secrete. Oricine are un link îl poate deschide în continuare, fără cont.
signin-button = Autentificare
signin-unavailable = Autentificarea nu este disponibilă acum, deci nu se pot crea secrete. Încercați din nou peste câteva minute.
signin-refused = Contul dvs. nu are voie să trimită secrete aici. Întrebați administratorul dacă aveți nevoie.
signin-failed = Autentificarea nu s-a încheiat. Începeți din nou.
signed-in-as = Autentificat ca
sign-out = Deconectare
keys-link = Cheile mele API
keys-heading = Cheile dvs. API
keys-intro = Chei pentru clientul în linie de comandă și scripturi: pot crea secrete, nimic altceva. O cheie nouă este afișată o singură dată.
keys-name-label = Numele cheii
keys-create = Creează cheia
keys-new = Noua dvs. cheie. Copiați-o acum: nu va mai fi afișată.
keys-none = Nu aveți încă nicio cheie API.
keys-revoke = Revocă
keys-invalid = Alegeți alt nume: 1–64 de litere, cifre, puncte, cratime sau liniuțe de subliniere, care nu e deja folosit.
