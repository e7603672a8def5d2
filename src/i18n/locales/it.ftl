# hushlink: the pages' strings in Italian.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · condividi un segreto
brand = hushlink
tagline = Condividi un segreto con un link che funziona una sola volta.
footer = Cifrato dal server (formato SnapPass). La chiave si trova solo nel link; il server vede il segreto mentre lo crea e lo mostra, e non conserva nulla che possa leggere.

form-heading = Condividi un segreto
form-intro = Incolla una password o qualsiasi altro segreto. Riceverai un link che lo mostra una volta; poi il segreto viene eliminato.
form-secret-label = Segreto
form-secret-placeholder = Scrivi o incolla qui il segreto
form-ttl-label = Scade dopo
ttl-two-weeks = Due settimane
ttl-week = Una settimana
ttl-day = Un giorno
ttl-hour = Un'ora
form-views-label = Visualizzazioni consentite
form-views-hint = Quante volte il link può essere aperto prima che il segreto venga eliminato.
form-submit = Crea link
form-too-large = Questo segreto occupa { $size } byte e questo server accetta al massimo { $limit } byte. Non è stato conservato nulla: accorcialo oppure dividilo in parti.
form-views-invalid = Le visualizzazioni consentite devono essere un numero intero da 1 a 100.
form-kept = Il tuo segreto è ancora nel modulo qui sotto; non è stato conservato nulla.

link-heading = Il tuo link è pronto
link-intro = Invia questo link alla persona che ha bisogno del segreto. Funziona solo tante volte quante ne hai consentite e scade da solo.
link-label = Link segreto
link-qr-label = Codice QR del link
link-another = Condividi un altro segreto

copy = Copia
copied = Copiato

preview-heading = Qualcuno ha condiviso un segreto con te
preview-intro = Mostralo solo quando sei pronto a conservarlo in un posto sicuro: una volta mostrato, potrebbe sparire per sempre.
preview-views-left = Visualizzazioni rimaste: { $n }
preview-reveal = Mostra il segreto

reveal-heading = Il tuo segreto
reveal-label = Segreto
reveal-gone = Questo segreto è stato eliminato dal server e il link non funziona più. Salvalo in un posto sicuro prima di lasciare questa pagina.
reveal-views-left = Visualizzazioni rimaste per questo link: { $n }.

not-found-heading = Segreto non trovato
not-found-body = Questo link non contiene alcun segreto. Potrebbe essere già stato visualizzato, essere scaduto o non essere mai esistito.
not-found-hint = Se qualcuno ti ha inviato questo link, chiedigli di condividere di nuovo il segreto.

damaged-heading = Questo link è danneggiato o incompleto
damaged-body = Il link rimanda a un segreto, ma una parte manca o è stata modificata, quindi il segreto non può essere aperto. Non è stato eliminato: copia di nuovo il link completo oppure chiedi al mittente di inviarlo di nuovo.

invalid-heading = Manca qualcosa
invalid-body = Inserisci un segreto e scegli per quanto tempo deve restare disponibile.

bad-request-heading = Impossibile rispondere a questa richiesta
bad-request-body = Questo indirizzo non si usa in questo modo, oppure la richiesta indicava un host che questo server non può inserire in un link. Ricomincia dalla pagina iniziale.

too-large-heading = Il segreto è troppo grande
too-large-body = Questo server accetta segreti di al massimo { $limit } byte. Non è stato conservato nulla: condividi un segreto più piccolo oppure dividilo in parti.

unavailable-heading = Temporaneamente non disponibile
unavailable-body = Il server al momento non riesce a raggiungere il suo archivio. Non è stato modificato nulla. Riprova tra un momento.
over-quota-heading = Quota di archiviazione raggiunta
over-quota-body = Questo server conserva già tutti i segreti che la sua quota di archiviazione consente. Non è stato conservato nulla. Lo spazio si libera quando i segreti vengono aperti o scadono: riprova più tardi.
too-many-creates-heading = Troppi segreti
too-many-creates-body = Da questo indirizzo sono stati creati troppi segreti. Non è stato conservato nulla. Riprova tra { $n } secondi.

link-receipt = Segui o elimina questo segreto (tieni questo link per te)
receipt-heading = Che cosa è successo al tuo segreto
receipt-intro = Questa pagina è solo per chi ha inviato il segreto: tieni per te il suo indirizzo. Mostra che cosa è successo al segreto, mai il segreto stesso né chi lo ha aperto.
receipt-state-available = Ancora disponibile: il link funziona.
receipt-state-viewed = Visualizzato: tutte le visualizzazioni sono state usate e il segreto è stato eliminato.
receipt-state-burned = Eliminato da chi lo ha inviato: il link non funziona più.
receipt-state-expired = Scaduto: il tempo è finito e il segreto è stato eliminato.
receipt-state-destroyed = Distrutto dopo troppe passphrase errate: il link non funziona più.
receipt-created = Creato
receipt-expires = Scade
receipt-views-used = Visualizzazioni usate: { $n }
receipt-history = Cronologia
receipt-no-events = Non gli è ancora successo nulla.
event-viewed = Aperto
event-passphrase-failed = Passphrase errata
event-burned = Eliminato da chi lo ha inviato
event-expired = Scaduto
event-destroyed = Distrutto
receipt-delete = Elimina ora
receipt-delete-note = L’eliminazione non si può annullare: il link smette subito di funzionare, per tutti.
receipt-not-found = Ricevuta non trovata: non è mai esistita o è più vecchia del suo periodo di conservazione.

back-home = Torna all'inizio

## Zero-knowledge links

footer-zk = Cifrato nel browser. La chiave si trova solo nel link, dopo il #, che i browser non inviano mai: il server non vede mai il segreto e non conserva nulla che possa leggere.
footer-form = Con JavaScript attivo, questo modulo cifra nel tuo browser e il server non vede mai il segreto. Senza JavaScript, cifra il server (formato SnapPass) e vede il segreto mentre gestisce la richiesta.
form-passphrase-label = Frase di accesso (facoltativa)
form-passphrase-hint = Anche chi lo riceve dovrà digitarla. Non lascia mai il tuo browser; inviala separatamente dal link.
form-working = Cifratura nel tuo browser…
form-failed = Non è stato possibile creare il segreto; non è stato conservato nulla. Riprova.
link-kind-zk = Link a conoscenza zero: cifrato nel tuo browser. La chiave è la parte dopo il #, che non viene mai inviata al server.
link-kind-server = Link cifrato dal server (formato SnapPass): il server ha cifrato il segreto. Lo ha visto creando il link e lo vedrà di nuovo quando il link verrà aperto; non conserva nulla che possa leggere.
link-passphrase-note = Questo link richiede anche la frase di accesso. Inviala tramite un altro canale.
zk-preview-intro = Questo segreto è stato cifrato nel browser del mittente e viene decifrato nel tuo: il server non può leggerlo. Mostralo solo quando sei pronto a conservarlo in un posto sicuro.
zk-needs-js = Per aprire questo link serve JavaScript: il segreto viene decifrato nel tuo browser con la chiave contenuta nel link, che il server non riceve mai. Non è stato mostrato né consumato nulla. Attiva JavaScript per questo sito, oppure apri il link con il client a riga di comando di hushlink (hushlink get).
zk-needs-https = Questa pagina non può decifrare qui: i browser consentono la crittografia necessaria solo su HTTPS (o localhost). Non è stato mostrato né consumato nulla. Apri il link tramite HTTPS, oppure con il client a riga di comando di hushlink (hushlink get).
zk-passphrase-label = Frase di accesso
zk-working = Decifratura…
zk-wrong-passphrase = Frase di accesso errata. Non è stato mostrato nulla e il link funziona ancora. Tentativi rimasti: { $n }.
zk-destroyed = Troppe frasi di accesso errate: il segreto è stato distrutto e il link non funziona più.
zk-decrypt-failed = Il segreto è arrivato ma non è stato possibile decifrarlo: potrebbe essere stato modificato. Chiedi al mittente di condividerlo di nuovo.
zk-binary = Questo segreto è un file (dati binari).
zk-download = Scaricalo

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Accedi per inviare un segreto
signin-intro = Qui solo le persone di questa organizzazione possono creare segreti. Chiunque abbia un link può comunque aprirlo, senza account.
signin-button = Accedi
signin-unavailable = L’accesso non è disponibile al momento, quindi non è possibile creare segreti. Riprova tra qualche minuto.
signin-refused = Il tuo account non è autorizzato a inviare segreti qui. Se necessario, chiedi al tuo amministratore.
signin-failed = L’accesso non è stato completato. Ricomincia.
signed-in-as = Accesso effettuato come
sign-out = Esci
keys-link = Le mie chiavi API
keys-heading = Le tue chiavi API
keys-intro = Chiavi per il client a riga di comando e gli script: possono creare segreti, nient’altro. Una nuova chiave viene mostrata una sola volta.
keys-name-label = Nome della chiave
keys-create = Crea chiave
keys-new = La tua nuova chiave. Copiala ora: non verrà mostrata di nuovo.
keys-none = Non hai ancora chiavi API.
keys-revoke = Revoca
keys-invalid = Scegli un altro nome: da 1 a 64 lettere, cifre, punti, trattini o trattini bassi, non già in uso.
