# hushlink: the pages' strings in German.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · Geheimnis teilen
brand = hushlink
tagline = Teilen Sie ein Geheimnis über einen Link, der nur einmal funktioniert.
footer = Der Schlüssel zu Ihrem Geheimnis steckt nur im Link. Der Server speichert nichts, was er lesen könnte.

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

back-home = Zurück zur Startseite
