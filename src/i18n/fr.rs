//! French.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "fr",
    title: "hushlink · partager un secret",
    brand: "hushlink",
    tagline: "Partagez un secret grâce à un lien à usage unique.",
    footer: "La clé de votre secret se trouve uniquement dans le lien. Le serveur ne conserve rien qu’il puisse lire.",

    form_heading: "Partager un secret",
    form_intro: "Collez un mot de passe ou tout autre secret. Vous obtiendrez un lien qui l’affiche une seule fois ; le secret est ensuite supprimé.",
    form_secret_label: "Secret",
    form_secret_placeholder: "Saisissez ou collez le secret ici",
    form_ttl_label: "Durée de validité",
    ttl_two_weeks: "Deux semaines",
    ttl_week: "Une semaine",
    ttl_day: "Un jour",
    ttl_hour: "Une heure",
    form_views_label: "Consultations autorisées",
    form_views_hint: "Nombre de fois où le lien peut être ouvert avant que le secret ne soit supprimé.",
    form_submit: "Créer le lien",
    form_too_large: "Ce secret fait {size} octets, et ce serveur en accepte {limit} au plus. Rien n’a été enregistré : raccourcissez-le, ou découpez-le en plusieurs parties.",
    form_views_invalid: "Le nombre de consultations doit être un nombre entier de 1 à 100.",
    form_kept: "Votre secret est toujours dans le formulaire ci-dessous ; rien n’a été enregistré.",

    link_heading: "Votre lien est prêt",
    link_intro: "Envoyez ce lien à la personne qui a besoin du secret. Il ne fonctionne que le nombre de fois que vous avez autorisé, et il expire de lui-même.",
    link_label: "Lien secret",
    link_qr_label: "Code QR du lien",
    link_another: "Partager un autre secret",

    copy: "Copier",
    copied: "Copié",

    preview_heading: "Quelqu’un a partagé un secret avec vous",
    preview_intro: "Ne l’affichez que lorsque vous pouvez le conserver en lieu sûr : une fois affiché, il risque de disparaître définitivement.",
    preview_views_left: "Consultations restantes : {n}",
    preview_reveal: "Afficher le secret",

    reveal_heading: "Votre secret",
    reveal_label: "Secret",
    reveal_gone: "Ce secret vient d’être supprimé du serveur et le lien ne fonctionne plus. Enregistrez-le en lieu sûr avant de quitter cette page.",
    reveal_views_left: "Le lien peut encore être ouvert {n} fois.",

    not_found_heading: "Secret introuvable",
    not_found_body: "Ce lien ne contient aucun secret. Il a peut-être déjà été consulté, il a peut-être expiré, ou il n’a jamais existé.",
    not_found_hint: "Si quelqu’un vous a envoyé ce lien, demandez-lui de partager à nouveau le secret.",

    damaged_heading: "Ce lien est endommagé ou incomplet",
    damaged_body: "Le lien renvoie vers un secret, mais une partie manque ou a été modifiée, si bien que le secret ne peut pas être ouvert. Il n’a pas été supprimé : copiez à nouveau le lien en entier, ou demandez qu’on vous le renvoie.",

    invalid_heading: "Il manque quelque chose",
    invalid_body: "Veuillez saisir un secret et choisir sa durée de validité.",

    bad_request_heading: "Impossible de répondre à cette requête",
    bad_request_body: "Cette adresse ne s’utilise pas ainsi, ou la requête indiquait un hôte que ce serveur ne peut pas mettre dans un lien. Recommencez depuis la page d’accueil.",

    too_large_heading: "Ce secret est trop volumineux",
    too_large_body: "Ce serveur accepte des secrets de {limit} octets au plus. Rien n’a été enregistré : partagez un secret plus court, ou découpez-le en plusieurs parties.",

    unavailable_heading: "Temporairement indisponible",
    unavailable_body: "Le serveur ne parvient pas à accéder à son stockage pour le moment. Rien n’a été modifié. Veuillez réessayer dans un instant.",

    back_home: "Retour à l’accueil",
};
