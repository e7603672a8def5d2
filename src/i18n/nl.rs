//! Dutch.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "nl",
    title: "hushlink · een geheim delen",
    brand: "hushlink",
    tagline: "Deel een geheim via een link die maar één keer werkt.",
    footer: "De sleutel van je geheim zit alleen in de link. De server bewaart niets wat hij zou kunnen lezen.",

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
    form_too_large: "Dit geheim is {size} bytes lang, en deze server accepteert hoogstens {limit} bytes. Er is niets opgeslagen: maak het korter of splits het op.",
    form_views_invalid: "Het aantal toegestane keren openen moet een geheel getal van 1 tot 100 zijn.",
    form_kept: "Uw geheim staat nog in het formulier hieronder; er is niets opgeslagen.",

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

    bad_request_heading: "Dit verzoek kan niet worden beantwoord",
    bad_request_body: "Dit adres wordt niet zo gebruikt, of het verzoek noemde een host die deze server niet in een link kan zetten. Begin opnieuw op de startpagina.",

    too_large_heading: "Dat geheim is te groot",
    too_large_body: "Deze server accepteert geheimen van hoogstens {limit} bytes. Er is niets opgeslagen: deel een kleiner geheim of splits het op.",

    unavailable_heading: "Tijdelijk niet beschikbaar",
    unavailable_body: "De server kan zijn opslag op dit moment niet bereiken. Er is niets gewijzigd. Probeer het zo nog eens.",

    back_home: "Terug naar de startpagina",
};
