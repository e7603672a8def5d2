# hushlink: the pages' strings in Catalan.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · comparteix un secret
brand = hushlink
tagline = Comparteix un secret amb un enllaç que només funciona una vegada.
footer = Xifrat pel servidor (format SnapPass). La clau només és a l’enllaç; el servidor veu el secret mentre el crea i el mostra, i no guarda res que pugui llegir.

form-heading = Comparteix un secret
form-intro = Enganxa una contrasenya o qualsevol altre secret. Obtindràs un enllaç que el mostra una sola vegada; després, el secret s’elimina.
form-secret-label = Secret
form-secret-placeholder = Escriu o enganxa aquí el secret
form-ttl-label = Caduca al cap de
ttl-two-weeks = Dues setmanes
ttl-week = Una setmana
ttl-day = Un dia
ttl-hour = Una hora
form-views-label = Visualitzacions permeses
form-views-hint = Quantes vegades es pot obrir l’enllaç abans que s’elimini el secret.
form-submit = Crea l’enllaç
form-too-large = Aquest secret ocupa { $size } bytes i aquest servidor accepta com a màxim { $limit } bytes. No s’ha guardat res: escurça’l o divideix-lo en parts.
form-views-invalid = Les visualitzacions permeses han de ser un nombre enter de l’1 al 100.
form-kept = El teu secret encara és al formulari de sota; no s’ha guardat res.

link-heading = L’enllaç és a punt
link-intro = Envia aquest enllaç a la persona que necessita el secret. Només funciona tantes vegades com hagis permès i caduca sol.
link-label = Enllaç secret
link-qr-label = Codi QR de l’enllaç
link-another = Comparteix un altre secret

copy = Copia
copied = Copiat

preview-heading = Algú ha compartit un secret amb tu
preview-intro = Mostra’l només quan puguis desar-lo en un lloc segur: un cop mostrat, pot desaparèixer per sempre.
preview-views-left = Visualitzacions restants: { $n }
preview-reveal = Mostra el secret

reveal-heading = El teu secret
reveal-label = Secret
reveal-gone = Aquest secret s’ha eliminat del servidor i l’enllaç ja no funciona. Desa’l en un lloc segur abans de sortir d’aquesta pàgina.
reveal-views-left = Visualitzacions restants d’aquest enllaç: { $n }.

not-found-heading = No s’ha trobat el secret
not-found-body = Aquest enllaç no conté cap secret. Potser ja s’ha vist, potser ha caducat o potser no ha existit mai.
not-found-hint = Si algú t’ha enviat aquest enllaç, demana-li que torni a compartir el secret.

damaged-heading = Aquest enllaç està malmès o incomplet
damaged-body = L’enllaç apunta a un secret, però n’hi falta una part o s’ha alterat, així que el secret no es pot obrir. No s’ha eliminat: torna a copiar l’enllaç sencer o demana a qui te l’ha enviat que te’l torni a enviar.

invalid-heading = Falta alguna cosa
invalid-body = Escriu un secret i tria quant de temps ha de durar.

bad-request-heading = No es pot respondre aquesta sol·licitud
bad-request-body = Aquesta adreça no s’utilitza d’aquesta manera, o la sol·licitud indicava un amfitrió que aquest servidor no pot posar en un enllaç. Torna a començar des de la pàgina d’inici.

too-large-heading = Aquest secret és massa gran
too-large-body = Aquest servidor accepta secrets de com a màxim { $limit } bytes. No s’ha guardat res: comparteix un secret més petit o divideix-lo en parts.

unavailable-heading = No disponible temporalment
unavailable-body = El servidor no pot accedir al seu emmagatzematge ara mateix. No s’ha canviat res. Torna-ho a provar d’aquí a un moment.
over-quota-heading = S’ha arribat a la quota d’emmagatzematge
over-quota-body = Aquest servidor ja guarda tants secrets com permet la seva quota d’emmagatzematge. No s’ha guardat res. L’espai es recupera quan els secrets s’obren o caduquen: torna-ho a provar més tard.
too-many-creates-heading = Massa secrets
too-many-creates-body = S’han creat massa secrets des d’aquesta adreça. No s’ha guardat res. Torna-ho a provar d’aquí a { $n } segons.

link-receipt = Segueix o elimina aquest secret (guarda aquest enllaç per a tu)
receipt-heading = Què ha passat amb el teu secret
receipt-intro = Aquesta pàgina és només per a qui va enviar el secret: no en comparteixis l’adreça. Mostra què ha passat amb el secret, mai el secret ni qui l’ha obert.
receipt-state-available = Encara disponible: l’enllaç funciona.
receipt-state-viewed = Vist: s’han fet servir totes les visualitzacions i el secret s’ha eliminat.
receipt-state-burned = Eliminat per qui el va enviar: l’enllaç ja no funciona.
receipt-state-expired = Caducat: se li ha acabat el temps i el secret s’ha eliminat.
receipt-state-destroyed = Destruït després de massa frases de contrasenya incorrectes: l’enllaç ja no funciona.
receipt-created = Creat
receipt-expires = Caduca
receipt-views-used = Visualitzacions fetes: { $n }
receipt-history = Historial
receipt-no-events = Encara no li ha passat res.
event-viewed = Obert
event-passphrase-failed = Frase de contrasenya incorrecta
event-burned = Eliminat per qui el va enviar
event-expired = Caducat
event-destroyed = Destruït
receipt-delete = Elimina’l ara
receipt-delete-note = No es pot desfer: l’enllaç deixa de funcionar a l’instant, per a tothom.
receipt-not-found = No s’ha trobat el rebut: no ha existit mai o és més antic que el seu període de conservació.

back-home = Torna a l’inici

## Zero-knowledge links

footer-zk = Xifrat al navegador. La clau només és a l’enllaç, després del #, que els navegadors no envien mai: el servidor no veu mai el secret i no guarda res que pugui llegir.
footer-form = Amb JavaScript activat, aquest formulari xifra al teu navegador i el servidor no veu mai el secret. Sense JavaScript, xifra el servidor (format SnapPass) i veu el secret mentre atén la sol·licitud.
form-passphrase-label = Frase de pas (opcional)
form-passphrase-hint = Qui el rebi també l’haurà d’escriure. No surt mai del teu navegador; envia-la per separat de l’enllaç.
form-working = S’està xifrant al teu navegador…
form-failed = No s’ha pogut crear el secret; no s’ha guardat res. Torna-ho a provar.
link-kind-zk = Enllaç de coneixement zero: xifrat al teu navegador. La clau és la part després del #, que no s’envia mai al servidor.
link-kind-server = Enllaç xifrat pel servidor (format SnapPass): el servidor ha xifrat el secret. L’ha vist en crear l’enllaç i el tornarà a veure quan s’obri l’enllaç; no guarda res que pugui llegir.
link-passphrase-note = Aquest enllaç també necessita la frase de pas. Envia-la per un altre canal.
zk-preview-intro = Aquest secret s’ha xifrat al navegador de qui l’ha enviat i es desxifra al teu: el servidor no el pot llegir. Mostra’l només quan puguis desar-lo en un lloc segur.
zk-needs-js = Per obrir aquest enllaç cal JavaScript: el secret es desxifra al teu navegador amb la clau de l’enllaç, que el servidor no rep mai. No s’ha mostrat ni gastat res. Activa JavaScript per a aquest lloc o obre l’enllaç amb el client de línia d’ordres de hushlink (hushlink get).
zk-needs-https = Aquesta pàgina no pot desxifrar aquí: els navegadors només permeten la criptografia que necessita amb HTTPS (o localhost). No s’ha mostrat ni gastat res. Obre l’enllaç per HTTPS o amb el client de línia d’ordres de hushlink (hushlink get).
zk-passphrase-label = Frase de pas
zk-working = S’està desxifrant…
zk-wrong-passphrase = Frase de pas incorrecta. No s’ha mostrat res i l’enllaç encara funciona. Intents restants: { $n }.
zk-destroyed = Massa frases de pas incorrectes: el secret s’ha destruït i l’enllaç ja no funciona.
zk-decrypt-failed = El secret ha arribat però no s’ha pogut desxifrar: potser s’ha alterat. Demana a qui te l’ha enviat que el torni a compartir.
zk-binary = Aquest secret és un fitxer (dades binàries).
zk-download = Descarrega’l

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Inicieu la sessió per enviar un secret
signin-intro = Aquí només les persones d’aquesta organització poden crear secrets. Qualsevol amb un enllaç el pot obrir igualment, sense compte.
signin-button = Inicia la sessió
signin-unavailable = L’inici de sessió no està disponible ara, així que no es poden crear secrets. Torneu-ho a provar d’aquí a uns minuts.
signin-refused = El vostre compte no té permís per enviar secrets aquí. Consulteu l’administrador si cal.
signin-failed = L’inici de sessió no s’ha completat. Torneu a començar.
signed-in-as = Sessió iniciada com a
sign-out = Tanca la sessió
keys-link = Les meves claus d’API
keys-heading = Les vostres claus d’API
keys-intro = Claus per al client de línia d’ordres i els scripts: poden crear secrets i res més. Una clau nova només es mostra una vegada.
keys-name-label = Nom de la clau
keys-create = Crea la clau
keys-new = La vostra clau nova. Copieu-la ara: no es tornarà a mostrar.
keys-none = Encara no teniu cap clau d’API.
keys-revoke = Revoca
keys-invalid = Trieu un altre nom: d’1 a 64 lletres, xifres, punts, guions o guions baixos, que no estigui en ús.
