//! Dutch.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "nl",
    title: "hushlink · een geheim delen",
    brand: "hushlink",
    tagline: "Deel een geheim via een link die maar één keer werkt.",
    footer: "Versleuteld door de server (SnapPass-formaat). De sleutel zit alleen in de link; de server ziet het geheim tijdens het maken en tonen, en bewaart niets wat hij zou kunnen lezen.",
    footer_zk: "Versleuteld in de browser. De sleutel zit alleen in de link, na de #, die browsers nooit versturen: de server ziet het geheim nooit en bewaart niets wat hij zou kunnen lezen.",
    footer_form: "Met JavaScript aan versleutelt dit formulier in je browser en ziet de server het geheim nooit. Zonder JavaScript versleutelt de server (SnapPass-formaat) en ziet hij het geheim terwijl hij het verzoek afhandelt.",

    form_heading: "Een geheim delen",
    form_intro: "Plak een wachtwoord of een ander geheim. Je krijgt een link die het één keer toont; daarna wordt het geheim verwijderd.",
    form_secret_label: "Geheim",
    form_secret_placeholder: "Typ of plak hier het geheim",
    form_ttl_label: "Verloopt na",
    ttl_two_weeks: "Twee weken",
    ttl_week: "Eén week",
    ttl_day: "Eén dag",
    ttl_hour: "Eén uur",
    form_views_label: "Toegestane weergaven",
    form_views_hint: "Hoe vaak de link geopend mag worden voordat het geheim wordt verwijderd.",
    form_submit: "Link maken",

    link_heading: "Je link is klaar",
    link_intro: "Stuur deze link naar de persoon die het geheim nodig heeft. Hij werkt alleen zo vaak als je hebt toegestaan en verloopt vanzelf.",
    link_label: "Geheime link",
    link_qr_label: "QR-code van de link",
    link_another: "Nog een geheim delen",

    copy: "Kopiëren",
    copied: "Gekopieerd",

    preview_heading: "Iemand heeft een geheim met je gedeeld",
    preview_intro: "Toon het pas als je het direct veilig kunt opslaan: na het tonen kan het voorgoed verdwenen zijn.",
    preview_views_left: "Resterende weergaven: {n}",
    preview_reveal: "Geheim tonen",

    reveal_heading: "Je geheim",
    reveal_label: "Geheim",
    reveal_gone: "Dit geheim is nu van de server verwijderd en de link werkt niet meer. Bewaar het op een veilige plek voordat je deze pagina verlaat.",
    reveal_views_left: "De link kan nog {n} keer worden geopend.",

    not_found_heading: "Geheim niet gevonden",
    not_found_body: "Achter deze link zit geen geheim. Misschien is het al bekeken of verlopen, of heeft het nooit bestaan.",
    not_found_hint: "Heeft iemand je deze link gestuurd? Vraag die persoon dan om het geheim opnieuw te delen.",

    damaged_heading: "Deze link is beschadigd of onvolledig",
    damaged_body: "De link verwijst naar een geheim, maar een deel ervan ontbreekt of is gewijzigd, waardoor het geheim niet geopend kan worden. Het is niet verwijderd: kopieer de volledige link opnieuw of vraag de afzender om hem nog eens te sturen.",

    invalid_heading: "Er ontbreekt iets",
    invalid_body: "Vul een geheim in en kies hoe lang het beschikbaar moet blijven.",

    too_large_heading: "Dat geheim is te groot",
    too_large_body: "Deze server accepteert geheimen tot een vaste maximale grootte. Deel een kleiner geheim of splits het op.",

    unavailable_heading: "Tijdelijk niet beschikbaar",
    unavailable_body: "De server kan zijn opslag op dit moment niet bereiken. Er is niets gewijzigd. Probeer het zo nog eens.",

    form_passphrase_label: "Wachtzin (optioneel)",
    form_passphrase_hint: "De ontvanger moet hem ook intypen. Hij verlaat je browser nooit; stuur hem los van de link.",
    form_working: "Bezig met versleutelen in je browser…",
    form_failed: "Het geheim kon niet worden gemaakt; er is niets bewaard. Probeer het opnieuw.",
    link_kind_zk: "Zero-knowledge-link: versleuteld in je browser. De sleutel is het deel na de #, dat nooit naar de server gaat.",
    link_kind_server: "Door de server versleutelde link (SnapPass-formaat): de server heeft het geheim versleuteld. Hij zag het geheim bij het maken van de link en ziet het weer als de link wordt geopend; hij bewaart niets wat hij zou kunnen lezen.",
    link_passphrase_note: "Voor deze link is ook de wachtzin nodig. Stuur die via een ander kanaal.",
    zk_preview_intro: "Dit geheim is versleuteld in de browser van de afzender en wordt in de jouwe ontsleuteld: de server kan het niet lezen. Toon het pas als je het veilig kunt opslaan.",
    zk_needs_js: "Voor deze link is JavaScript nodig: het geheim wordt in je browser ontsleuteld met de sleutel uit de link, die de server nooit ontvangt. Er is niets getoond of verbruikt. Zet JavaScript aan voor deze site, of open de link met de opdrachtregelclient (hushlink get).",
    zk_needs_https: "Deze pagina kan hier niet ontsleutelen: browsers staan de benodigde cryptografie alleen toe via HTTPS (of localhost). Er is niets getoond of verbruikt. Open de link via HTTPS, of met de opdrachtregelclient (hushlink get).",
    zk_passphrase_label: "Wachtzin",
    zk_working: "Bezig met ontsleutelen…",
    zk_wrong_passphrase: "Verkeerde wachtzin. Er is niets getoond en de link werkt nog. Resterende pogingen: {n}.",
    zk_destroyed: "Te veel verkeerde wachtzinnen: het geheim is vernietigd en de link werkt niet meer.",
    zk_decrypt_failed: "Het geheim is aangekomen maar kon niet worden ontsleuteld: het is mogelijk gewijzigd. Vraag de afzender het opnieuw te delen.",
    zk_binary: "Dit geheim is een bestand (binaire gegevens).",
    zk_download: "Downloaden",
    back_home: "Terug naar de startpagina",
};
