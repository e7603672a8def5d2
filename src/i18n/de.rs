//! German.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "de",
    title: "hushlink · Geheimnis teilen",
    brand: "hushlink",
    tagline: "Teilen Sie ein Geheimnis über einen Link, der nur einmal funktioniert.",
    footer: "Vom Server verschlüsselt (SnapPass-Format). Der Schlüssel steckt nur im Link; der Server sieht das Geheimnis beim Erstellen und Anzeigen und speichert nichts, was er lesen könnte.",
    footer_zk: "Im Browser verschlüsselt. Der Schlüssel steckt nur im Link, hinter dem #, den Browser nie senden: Der Server sieht das Geheimnis nie und speichert nichts, was er lesen könnte.",
    footer_form: "Mit JavaScript verschlüsselt dieses Formular in Ihrem Browser, und der Server sieht das Geheimnis nie. Ohne JavaScript verschlüsselt der Server (SnapPass-Format) und sieht das Geheimnis, während er die Anfrage bearbeitet.",

    form_heading: "Geheimnis teilen",
    form_intro: "Fügen Sie ein Passwort oder ein anderes Geheimnis ein. Sie erhalten einen Link, der es einmal anzeigt; danach wird das Geheimnis gelöscht.",
    form_secret_label: "Geheimnis",
    form_secret_placeholder: "Geheimnis hier eingeben oder einfügen",
    form_ttl_label: "Gültigkeitsdauer",
    ttl_two_weeks: "Zwei Wochen",
    ttl_week: "Eine Woche",
    ttl_day: "Ein Tag",
    ttl_hour: "Eine Stunde",
    form_views_label: "Erlaubte Aufrufe",
    form_views_hint: "Wie oft der Link geöffnet werden darf, bevor das Geheimnis gelöscht wird.",
    form_submit: "Link erstellen",

    link_heading: "Ihr Link ist bereit",
    link_intro: "Senden Sie diesen Link an die Person, die das Geheimnis benötigt. Er funktioniert nur so oft, wie Sie es erlaubt haben, und läuft von selbst ab.",
    link_label: "Geheimer Link",
    link_qr_label: "QR-Code des Links",
    link_another: "Weiteres Geheimnis teilen",

    copy: "Kopieren",
    copied: "Kopiert",

    preview_heading: "Jemand hat ein Geheimnis mit Ihnen geteilt",
    preview_intro: "Zeigen Sie es erst an, wenn Sie es sicher aufbewahren können: Nach dem Anzeigen ist es möglicherweise endgültig weg.",
    preview_views_left: "Verbleibende Aufrufe: {n}",
    preview_reveal: "Geheimnis anzeigen",

    reveal_heading: "Ihr Geheimnis",
    reveal_label: "Geheimnis",
    reveal_gone: "Dieses Geheimnis wurde soeben vom Server gelöscht, und der Link funktioniert nicht mehr. Speichern Sie es an einem sicheren Ort, bevor Sie diese Seite verlassen.",
    reveal_views_left: "Der Link kann noch {n}-mal geöffnet werden.",

    not_found_heading: "Geheimnis nicht gefunden",
    not_found_body: "Unter diesem Link ist kein Geheimnis hinterlegt. Möglicherweise wurde es bereits angesehen, ist abgelaufen oder hat nie existiert.",
    not_found_hint: "Wenn Ihnen jemand diesen Link geschickt hat, bitten Sie die Person, das Geheimnis erneut zu teilen.",

    damaged_heading: "Dieser Link ist beschädigt oder unvollständig",
    damaged_body: "Der Link verweist auf ein Geheimnis, doch ein Teil davon fehlt oder wurde verändert, sodass sich das Geheimnis nicht öffnen lässt. Es wurde nicht gelöscht: Kopieren Sie den vollständigen Link erneut, oder lassen Sie ihn sich noch einmal schicken.",

    invalid_heading: "Es fehlt etwas",
    invalid_body: "Bitte geben Sie ein Geheimnis ein und wählen Sie, wie lange es gültig sein soll.",

    too_large_heading: "Dieses Geheimnis ist zu groß",
    too_large_body: "Dieser Server nimmt Geheimnisse nur bis zu einer festen Größe an. Teilen Sie ein kleineres Geheimnis, oder zerlegen Sie es in mehrere Teile.",

    unavailable_heading: "Vorübergehend nicht verfügbar",
    unavailable_body: "Der Server kann seinen Speicher gerade nicht erreichen. Es wurde nichts geändert. Bitte versuchen Sie es gleich noch einmal.",

    form_passphrase_label: "Passphrase (optional)",
    form_passphrase_hint: "Die empfangende Person muss sie ebenfalls eingeben. Sie verlässt Ihren Browser nie; senden Sie sie getrennt vom Link.",
    form_working: "Wird in Ihrem Browser verschlüsselt …",
    form_failed: "Das Geheimnis konnte nicht erstellt werden; nichts wurde gespeichert. Bitte erneut versuchen.",
    link_kind_zk: "Zero-Knowledge-Link: in Ihrem Browser verschlüsselt. Der Schlüssel ist der Teil hinter dem #, der nie an den Server gesendet wird.",
    link_kind_server: "Vom Server verschlüsselter Link (SnapPass-Format): Der Server hat das Geheimnis verschlüsselt. Er hat es beim Erstellen gesehen und sieht es wieder, wenn der Link geöffnet wird; er speichert nichts, was er lesen könnte.",
    link_passphrase_note: "Dieser Link braucht außerdem die Passphrase. Senden Sie sie über einen anderen Kanal.",
    zk_preview_intro: "Dieses Geheimnis wurde im Browser des Absenders verschlüsselt und wird in Ihrem entschlüsselt: Der Server kann es nicht lesen. Zeigen Sie es erst an, wenn Sie es sicher ablegen können.",
    zk_needs_js: "Zum Öffnen dieses Links wird JavaScript benötigt: Das Geheimnis wird in Ihrem Browser mit dem Schlüssel aus dem Link entschlüsselt, den der Server nie erhält. Nichts wurde angezeigt oder verbraucht. Aktivieren Sie JavaScript für diese Seite oder öffnen Sie den Link mit dem Kommandozeilen-Client (hushlink get).",
    zk_needs_https: "Diese Seite kann hier nicht entschlüsseln: Browser erlauben die nötige Kryptografie nur über HTTPS (oder localhost). Nichts wurde angezeigt oder verbraucht. Öffnen Sie den Link über HTTPS oder mit dem Kommandozeilen-Client (hushlink get).",
    zk_passphrase_label: "Passphrase",
    zk_working: "Wird entschlüsselt …",
    zk_wrong_passphrase: "Falsche Passphrase. Nichts wurde angezeigt, der Link funktioniert weiter. Verbleibende Versuche: {n}.",
    zk_destroyed: "Zu viele falsche Passphrasen: Das Geheimnis wurde vernichtet, der Link funktioniert nicht mehr.",
    zk_decrypt_failed: "Das Geheimnis ist angekommen, ließ sich aber nicht entschlüsseln: Es wurde möglicherweise verändert. Bitten Sie den Absender, es erneut zu teilen.",
    zk_binary: "Dieses Geheimnis ist eine Datei (Binärdaten).",
    zk_download: "Herunterladen",
    back_home: "Zurück zur Startseite",
};
