# hushlink: the pages' strings in French.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · partager un secret
brand = hushlink
tagline = Partagez un secret grâce à un lien à usage unique.
footer = La clé de votre secret se trouve uniquement dans le lien. Le serveur ne conserve rien qu’il puisse lire.

form-heading = Partager un secret
form-intro = Collez un mot de passe ou tout autre secret. Vous obtiendrez un lien qui l’affiche une seule fois ; le secret est ensuite supprimé.
form-secret-label = Secret
form-secret-placeholder = Saisissez ou collez le secret ici
form-ttl-label = Durée de validité
ttl-two-weeks = Deux semaines
ttl-week = Une semaine
ttl-day = Un jour
ttl-hour = Une heure
form-views-label = Consultations autorisées
form-views-hint = Nombre de fois où le lien peut être ouvert avant que le secret ne soit supprimé.
form-submit = Créer le lien
form-too-large = Ce secret fait { $size } octets, et ce serveur en accepte { $limit } au plus. Rien n’a été enregistré : raccourcissez-le, ou découpez-le en plusieurs parties.
form-views-invalid = Le nombre de consultations doit être un nombre entier de 1 à 100.
form-kept = Votre secret est toujours dans le formulaire ci-dessous ; rien n’a été enregistré.

link-heading = Votre lien est prêt
link-intro = Envoyez ce lien à la personne qui a besoin du secret. Il ne fonctionne que le nombre de fois que vous avez autorisé, et il expire de lui-même.
link-label = Lien secret
link-qr-label = Code QR du lien
link-another = Partager un autre secret

copy = Copier
copied = Copié

preview-heading = Quelqu’un a partagé un secret avec vous
preview-intro = Ne l’affichez que lorsque vous pouvez le conserver en lieu sûr : une fois affiché, il risque de disparaître définitivement.
preview-views-left = Consultations restantes : { $n }
preview-reveal = Afficher le secret

reveal-heading = Votre secret
reveal-label = Secret
reveal-gone = Ce secret vient d’être supprimé du serveur et le lien ne fonctionne plus. Enregistrez-le en lieu sûr avant de quitter cette page.
reveal-views-left = Le lien peut encore être ouvert { $n } fois.

not-found-heading = Secret introuvable
not-found-body = Ce lien ne contient aucun secret. Il a peut-être déjà été consulté, il a peut-être expiré, ou il n’a jamais existé.
not-found-hint = Si quelqu’un vous a envoyé ce lien, demandez-lui de partager à nouveau le secret.

damaged-heading = Ce lien est endommagé ou incomplet
damaged-body = Le lien renvoie vers un secret, mais une partie manque ou a été modifiée, si bien que le secret ne peut pas être ouvert. Il n’a pas été supprimé : copiez à nouveau le lien en entier, ou demandez qu’on vous le renvoie.

invalid-heading = Il manque quelque chose
invalid-body = Veuillez saisir un secret et choisir sa durée de validité.

bad-request-heading = Impossible de répondre à cette requête
bad-request-body = Cette adresse ne s’utilise pas ainsi, ou la requête indiquait un hôte que ce serveur ne peut pas mettre dans un lien. Recommencez depuis la page d’accueil.

too-large-heading = Ce secret est trop volumineux
too-large-body = Ce serveur accepte des secrets de { $limit } octets au plus. Rien n’a été enregistré : partagez un secret plus court, ou découpez-le en plusieurs parties.

unavailable-heading = Temporairement indisponible
unavailable-body = Le serveur ne parvient pas à accéder à son stockage pour le moment. Rien n’a été modifié. Veuillez réessayer dans un instant.

back-home = Retour à l’accueil
