//! French.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "fr",
    title: "hushlink · partager un secret",
    brand: "hushlink",
    tagline: "Partagez un secret grâce à un lien à usage unique.",
    footer: "Chiffré par le serveur (format SnapPass). La clé se trouve uniquement dans le lien ; le serveur voit le secret pendant qu’il le crée et le révèle, et ne conserve rien qu’il puisse lire.",
    footer_zk: "Chiffré dans le navigateur. La clé se trouve uniquement dans le lien, après le #, que les navigateurs n’envoient jamais : le serveur ne voit jamais le secret et ne conserve rien qu’il puisse lire.",
    footer_form: "Avec JavaScript, ce formulaire chiffre dans votre navigateur et le serveur ne voit jamais le secret. Sans JavaScript, le serveur chiffre (format SnapPass) et voit le secret pendant qu’il traite la requête.",

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

    too_large_heading: "Ce secret est trop volumineux",
    too_large_body: "Ce serveur n’accepte les secrets que jusqu’à une taille maximale. Partagez un secret plus court, ou découpez-le en plusieurs parties.",

    unavailable_heading: "Temporairement indisponible",
    unavailable_body: "Le serveur ne parvient pas à accéder à son stockage pour le moment. Rien n’a été modifié. Veuillez réessayer dans un instant.",

    form_passphrase_label: "Phrase secrète (facultative)",
    form_passphrase_hint: "Le destinataire devra aussi la saisir. Elle ne quitte jamais votre navigateur ; envoyez-la séparément du lien.",
    form_working: "Chiffrement dans votre navigateur…",
    form_failed: "Le secret n’a pas pu être créé ; rien n’a été enregistré. Veuillez réessayer.",
    link_kind_zk: "Lien à divulgation nulle : chiffré dans votre navigateur. La clé est la partie après le #, qui n’est jamais envoyée au serveur.",
    link_kind_server: "Lien chiffré par le serveur (format SnapPass) : le serveur a chiffré le secret. Il l’a vu en créant le lien et le verra de nouveau à son ouverture ; il ne conserve rien qu’il puisse lire.",
    link_passphrase_note: "Ce lien demande aussi la phrase secrète. Envoyez-la par un autre canal.",
    zk_preview_intro: "Ce secret a été chiffré dans le navigateur de l’expéditeur et sera déchiffré dans le vôtre : le serveur ne peut pas le lire. Ne le révélez que lorsque vous êtes prêt à le conserver en lieu sûr.",
    zk_needs_js: "Ce lien nécessite JavaScript : le secret est déchiffré dans votre navigateur avec la clé contenue dans le lien, que le serveur ne reçoit jamais. Rien n’a été révélé ni consommé. Activez JavaScript pour ce site, ou ouvrez le lien avec le client en ligne de commande (hushlink get).",
    zk_needs_https: "Cette page ne peut pas déchiffrer ici : les navigateurs n’autorisent la cryptographie nécessaire qu’en HTTPS (ou sur localhost). Rien n’a été révélé ni consommé. Ouvrez le lien en HTTPS, ou avec le client en ligne de commande (hushlink get).",
    zk_passphrase_label: "Phrase secrète",
    zk_working: "Déchiffrement…",
    zk_wrong_passphrase: "Phrase secrète incorrecte. Rien n’a été révélé et le lien fonctionne toujours. Essais restants : {n}.",
    zk_destroyed: "Trop de phrases secrètes incorrectes : le secret a été détruit et le lien ne fonctionne plus.",
    zk_decrypt_failed: "Le secret est arrivé mais n’a pas pu être déchiffré : il a peut-être été modifié. Demandez à l’expéditeur de le partager à nouveau.",
    zk_binary: "Ce secret est un fichier (données binaires).",
    zk_download: "Le télécharger",
    back_home: "Retour à l’accueil",
};
