# hushlink: the pages' strings in German.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · Geheimnis teilen
brand = hushlink
tagline = Teilen Sie ein Geheimnis über einen Link, der nur einmal funktioniert.
footer = Vom Server verschlüsselt (SnapPass-Format). Der Schlüssel steckt nur im Link; der Server sieht das Geheimnis beim Erstellen und Anzeigen und speichert nichts, was er lesen könnte.

form-heading = Geheimnis teilen
form-intro = Fügen Sie ein Passwort oder ein anderes Geheimnis ein. Sie erhalten einen Link, der es einmal anzeigt; danach wird das Geheimnis gelöscht.
form-secret-label = Geheimnis
form-secret-placeholder = Geheimnis hier eingeben oder einfügen
form-ttl-label = Gültigkeitsdauer
ttl-two-weeks = Zwei Wochen
ttl-week = Eine Woche
ttl-day = Ein Tag
ttl-hour = Eine Stunde
form-views-label = Erlaubte Aufrufe
form-views-hint = Wie oft der Link geöffnet werden darf, bevor das Geheimnis gelöscht wird.
form-submit = Link erstellen
form-too-large = Dieses Geheimnis ist { $size } Bytes lang, dieser Server nimmt höchstens { $limit } Bytes an. Es wurde nichts gespeichert: Kürzen Sie es, oder zerlegen Sie es in mehrere Teile.
form-views-invalid = Die erlaubten Aufrufe müssen eine ganze Zahl von 1 bis 100 sein.
form-kept = Ihr Geheimnis steht noch im Formular unten; es wurde nichts gespeichert.

link-heading = Ihr Link ist bereit
link-intro = Senden Sie diesen Link an die Person, die das Geheimnis benötigt. Er funktioniert nur so oft, wie Sie es erlaubt haben, und läuft von selbst ab.
link-label = Geheimer Link
link-qr-label = QR-Code des Links
link-another = Weiteres Geheimnis teilen

copy = Kopieren
copied = Kopiert

preview-heading = Jemand hat ein Geheimnis mit Ihnen geteilt
preview-intro = Zeigen Sie es erst an, wenn Sie es sicher aufbewahren können: Nach dem Anzeigen ist es möglicherweise endgültig weg.
preview-views-left = Verbleibende Aufrufe: { $n }
preview-reveal = Geheimnis anzeigen

reveal-heading = Ihr Geheimnis
reveal-label = Geheimnis
reveal-gone = Dieses Geheimnis wurde soeben vom Server gelöscht, und der Link funktioniert nicht mehr. Speichern Sie es an einem sicheren Ort, bevor Sie diese Seite verlassen.
reveal-views-left = Der Link kann noch { $n }-mal geöffnet werden.

not-found-heading = Geheimnis nicht gefunden
not-found-body = Unter diesem Link ist kein Geheimnis hinterlegt. Möglicherweise wurde es bereits angesehen, ist abgelaufen oder hat nie existiert.
not-found-hint = Wenn Ihnen jemand diesen Link geschickt hat, bitten Sie die Person, das Geheimnis erneut zu teilen.

damaged-heading = Dieser Link ist beschädigt oder unvollständig
damaged-body = Der Link verweist auf ein Geheimnis, doch ein Teil davon fehlt oder wurde verändert, sodass sich das Geheimnis nicht öffnen lässt. Es wurde nicht gelöscht: Kopieren Sie den vollständigen Link erneut, oder lassen Sie ihn sich noch einmal schicken.

invalid-heading = Es fehlt etwas
invalid-body = Bitte geben Sie ein Geheimnis ein und wählen Sie, wie lange es gültig sein soll.

bad-request-heading = Diese Anfrage kann nicht beantwortet werden
bad-request-body = Diese Adresse wird so nicht verwendet, oder die Anfrage nannte einen Host, den dieser Server nicht in einen Link setzen kann. Beginnen Sie noch einmal auf der Startseite.

too-large-heading = Dieses Geheimnis ist zu groß
too-large-body = Dieser Server nimmt Geheimnisse bis höchstens { $limit } Bytes an. Es wurde nichts gespeichert: Teilen Sie ein kleineres Geheimnis, oder zerlegen Sie es in mehrere Teile.

unavailable-heading = Vorübergehend nicht verfügbar
unavailable-body = Der Server kann seinen Speicher gerade nicht erreichen. Es wurde nichts geändert. Bitte versuchen Sie es gleich noch einmal.
over-quota-heading = Speicherkontingent erreicht
over-quota-body = Dieser Server hält bereits so viele Geheimnisse, wie sein Speicherkontingent erlaubt. Es wurde nichts gespeichert. Platz wird frei, sobald Geheimnisse geöffnet werden oder ablaufen: Bitte versuchen Sie es später noch einmal.
too-many-creates-heading = Zu viele Geheimnisse
too-many-creates-body = Von dieser Adresse wurden zu viele Geheimnisse erstellt. Es wurde nichts gespeichert. Bitte versuchen Sie es in { $n } Sekunden noch einmal.

link-receipt = Dieses Geheimnis verfolgen oder löschen (behalten Sie diesen Link für sich)
receipt-heading = Was mit Ihrem Geheimnis geschehen ist
receipt-intro = Diese Seite ist nur für den Absender: Behalten Sie ihre Adresse für sich. Sie zeigt, was mit dem Geheimnis geschehen ist, nie das Geheimnis selbst oder wer es geöffnet hat.
receipt-state-available = Noch verfügbar: Der Link funktioniert.
receipt-state-viewed = Angesehen: Alle Aufrufe sind verbraucht und das Geheimnis ist gelöscht.
receipt-state-burned = Vom Absender gelöscht: Der Link funktioniert nicht mehr.
receipt-state-expired = Abgelaufen: Seine Zeit ist um und das Geheimnis ist gelöscht.
receipt-state-destroyed = Nach zu vielen falschen Passphrasen vernichtet: Der Link funktioniert nicht mehr.
receipt-created = Erstellt
receipt-expires = Läuft ab
receipt-views-used = Verbrauchte Aufrufe: { $n }
receipt-history = Verlauf
receipt-no-events = Bisher ist nichts damit geschehen.
event-viewed = Geöffnet
event-passphrase-failed = Falsche Passphrase
event-burned = Vom Absender gelöscht
event-expired = Abgelaufen
event-destroyed = Vernichtet
receipt-delete = Jetzt löschen
receipt-delete-note = Das Löschen lässt sich nicht rückgängig machen: Der Link funktioniert sofort für niemanden mehr.
receipt-not-found = Beleg nicht gefunden: Er hat nie existiert oder ist älter als seine Aufbewahrungsfrist.

back-home = Zurück zur Startseite

## Zero-knowledge links

footer-zk = Im Browser verschlüsselt. Der Schlüssel steckt nur im Link, hinter dem #, den Browser nie senden: Der Server sieht das Geheimnis nie und speichert nichts, was er lesen könnte.
footer-form = Mit JavaScript verschlüsselt dieses Formular in Ihrem Browser, und der Server sieht das Geheimnis nie. Ohne JavaScript verschlüsselt der Server (SnapPass-Format) und sieht das Geheimnis, während er die Anfrage bearbeitet.
form-passphrase-label = Passphrase (optional)
form-passphrase-hint = Die empfangende Person muss sie ebenfalls eingeben. Sie verlässt Ihren Browser nie; senden Sie sie getrennt vom Link.
form-working = Wird in Ihrem Browser verschlüsselt …
form-failed = Das Geheimnis konnte nicht erstellt werden; nichts wurde gespeichert. Bitte erneut versuchen.
link-kind-zk = Zero-Knowledge-Link: in Ihrem Browser verschlüsselt. Der Schlüssel ist der Teil hinter dem #, der nie an den Server gesendet wird.
link-kind-server = Vom Server verschlüsselter Link (SnapPass-Format): Der Server hat das Geheimnis verschlüsselt. Er hat es beim Erstellen gesehen und sieht es wieder, wenn der Link geöffnet wird; er speichert nichts, was er lesen könnte.
link-passphrase-note = Dieser Link braucht außerdem die Passphrase. Senden Sie sie über einen anderen Kanal.
zk-preview-intro = Dieses Geheimnis wurde im Browser des Absenders verschlüsselt und wird in Ihrem entschlüsselt: Der Server kann es nicht lesen. Zeigen Sie es erst an, wenn Sie es sicher ablegen können.
zk-needs-js = Zum Öffnen dieses Links wird JavaScript benötigt: Das Geheimnis wird in Ihrem Browser mit dem Schlüssel aus dem Link entschlüsselt, den der Server nie erhält. Nichts wurde angezeigt oder verbraucht. Aktivieren Sie JavaScript für diese Seite oder öffnen Sie den Link mit dem Kommandozeilen-Client (hushlink get).
zk-needs-https = Diese Seite kann hier nicht entschlüsseln: Browser erlauben die nötige Kryptografie nur über HTTPS (oder localhost). Nichts wurde angezeigt oder verbraucht. Öffnen Sie den Link über HTTPS oder mit dem Kommandozeilen-Client (hushlink get).
zk-passphrase-label = Passphrase
zk-working = Wird entschlüsselt …
zk-wrong-passphrase = Falsche Passphrase. Nichts wurde angezeigt, der Link funktioniert weiter. Verbleibende Versuche: { $n }.
zk-destroyed = Zu viele falsche Passphrasen: Das Geheimnis wurde vernichtet, der Link funktioniert nicht mehr.
zk-decrypt-failed = Das Geheimnis ist angekommen, ließ sich aber nicht entschlüsseln: Es wurde möglicherweise verändert. Bitten Sie den Absender, es erneut zu teilen.
zk-binary = Dieses Geheimnis ist eine Datei (Binärdaten).
zk-download = Herunterladen

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Melden Sie sich an, um ein Geheimnis zu senden
signin-intro = Nur Personen dieser Organisation können hier Geheimnisse erstellen. Wer einen Link hat, kann ihn weiterhin ohne Konto öffnen.
signin-button = Anmelden
signin-unavailable = Die Anmeldung ist gerade nicht verfügbar, daher können keine Geheimnisse erstellt werden. Bitte versuchen Sie es in ein paar Minuten erneut.
signin-refused = Ihr Konto darf hier keine Geheimnisse senden. Wenden Sie sich bei Bedarf an Ihre Administration.
signin-failed = Die Anmeldung wurde nicht abgeschlossen. Bitte beginnen Sie erneut.
signed-in-as = Angemeldet als
sign-out = Abmelden
keys-link = Meine API-Schlüssel
keys-heading = Ihre API-Schlüssel
keys-intro = Schlüssel für den Kommandozeilen-Client und Skripte: Sie können Geheimnisse erstellen, sonst nichts. Ein neuer Schlüssel wird nur einmal angezeigt.
keys-name-label = Name des Schlüssels
keys-create = Schlüssel erstellen
keys-new = Ihr neuer Schlüssel. Kopieren Sie ihn jetzt: Er wird nicht noch einmal angezeigt.
keys-none = Sie haben noch keine API-Schlüssel.
keys-revoke = Widerrufen
keys-invalid = Wählen Sie einen anderen Namen: 1 bis 64 Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche, noch nicht vergeben.
