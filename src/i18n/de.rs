//! German.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "de",
    title: "hushlink · Geheimnis teilen",
    brand: "hushlink",
    tagline: "Teilen Sie ein Geheimnis über einen Link, der nur einmal funktioniert.",
    footer: "Der Schlüssel zu Ihrem Geheimnis steckt nur im Link. Der Server speichert nichts, was er lesen könnte.",

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
    form_too_large: "Dieses Geheimnis ist {size} Bytes lang, dieser Server nimmt höchstens {limit} Bytes an. Es wurde nichts gespeichert: Kürzen Sie es, oder zerlegen Sie es in mehrere Teile.",
    form_views_invalid: "Die erlaubten Aufrufe müssen eine ganze Zahl von 1 bis 100 sein.",
    form_kept: "Ihr Geheimnis steht noch im Formular unten; es wurde nichts gespeichert.",

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

    bad_request_heading: "Diese Anfrage kann nicht beantwortet werden",
    bad_request_body: "Diese Adresse wird so nicht verwendet, oder die Anfrage nannte einen Host, den dieser Server nicht in einen Link setzen kann. Beginnen Sie noch einmal auf der Startseite.",

    too_large_heading: "Dieses Geheimnis ist zu groß",
    too_large_body: "Dieser Server nimmt Geheimnisse bis höchstens {limit} Bytes an. Es wurde nichts gespeichert: Teilen Sie ein kleineres Geheimnis, oder zerlegen Sie es in mehrere Teile.",

    unavailable_heading: "Vorübergehend nicht verfügbar",
    unavailable_body: "Der Server kann seinen Speicher gerade nicht erreichen. Es wurde nichts geändert. Bitte versuchen Sie es gleich noch einmal.",

    back_home: "Zurück zur Startseite",
};
