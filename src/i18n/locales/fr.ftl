# hushlink: the pages' strings in French.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · partager un secret
brand = hushlink
tagline = Partagez un secret grâce à un lien à usage unique.
footer = Chiffré par le serveur (format SnapPass). La clé se trouve uniquement dans le lien ; le serveur voit le secret pendant qu’il le crée et le révèle, et ne conserve rien qu’il puisse lire.

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
over-quota-heading = Quota de stockage atteint
over-quota-body = Ce serveur conserve déjà autant de secrets que son quota de stockage le permet. Rien n’a été enregistré. De la place se libère quand des secrets sont ouverts ou expirent : veuillez réessayer plus tard.
too-many-creates-heading = Trop de secrets
too-many-creates-body = Trop de secrets ont été créés depuis cette adresse. Rien n’a été enregistré. Veuillez réessayer dans { $n } secondes.

link-receipt = Suivre ou supprimer ce secret (gardez ce lien pour vous)
receipt-heading = Ce qu’il est advenu de votre secret
receipt-intro = Cette page est réservée à l’expéditeur : gardez son adresse pour vous. Elle montre ce qu’il est advenu du secret, jamais le secret lui-même ni qui l’a ouvert.
receipt-state-available = Toujours disponible : le lien fonctionne.
receipt-state-viewed = Consulté : toutes les consultations ont été utilisées et le secret est supprimé.
receipt-state-burned = Supprimé par l’expéditeur : le lien ne fonctionne plus.
receipt-state-expired = Expiré : son délai est écoulé et le secret est supprimé.
receipt-state-destroyed = Détruit après trop de phrases secrètes incorrectes : le lien ne fonctionne plus.
receipt-created = Créé
receipt-expires = Expire
receipt-views-used = Consultations utilisées : { $n }
receipt-history = Historique
receipt-no-events = Rien ne lui est encore arrivé.
event-viewed = Ouvert
event-passphrase-failed = Phrase secrète incorrecte
event-burned = Supprimé par l’expéditeur
event-expired = Expiré
event-destroyed = Détruit
receipt-delete = Supprimer maintenant
receipt-delete-note = La suppression est définitive : le lien cesse aussitôt de fonctionner, pour tout le monde.
receipt-not-found = Reçu introuvable : il n’a jamais existé, ou il est plus ancien que sa durée de conservation.

back-home = Retour à l’accueil

## Zero-knowledge links

footer-zk = Chiffré dans le navigateur. La clé se trouve uniquement dans le lien, après le #, que les navigateurs n’envoient jamais : le serveur ne voit jamais le secret et ne conserve rien qu’il puisse lire.
footer-form = Avec JavaScript, ce formulaire chiffre dans votre navigateur et le serveur ne voit jamais le secret. Sans JavaScript, le serveur chiffre (format SnapPass) et voit le secret pendant qu’il traite la requête.
form-passphrase-label = Phrase secrète (facultative)
form-passphrase-hint = Le destinataire devra aussi la saisir. Elle ne quitte jamais votre navigateur ; envoyez-la séparément du lien.
form-working = Chiffrement dans votre navigateur…
form-failed = Le secret n’a pas pu être créé ; rien n’a été enregistré. Veuillez réessayer.
link-kind-zk = Lien à divulgation nulle : chiffré dans votre navigateur. La clé est la partie après le #, qui n’est jamais envoyée au serveur.
link-kind-server = Lien chiffré par le serveur (format SnapPass) : le serveur a chiffré le secret. Il l’a vu en créant le lien et le verra de nouveau à son ouverture ; il ne conserve rien qu’il puisse lire.
link-passphrase-note = Ce lien demande aussi la phrase secrète. Envoyez-la par un autre canal.
zk-preview-intro = Ce secret a été chiffré dans le navigateur de l’expéditeur et sera déchiffré dans le vôtre : le serveur ne peut pas le lire. Ne le révélez que lorsque vous êtes prêt à le conserver en lieu sûr.
zk-needs-js = Ce lien nécessite JavaScript : le secret est déchiffré dans votre navigateur avec la clé contenue dans le lien, que le serveur ne reçoit jamais. Rien n’a été révélé ni consommé. Activez JavaScript pour ce site, ou ouvrez le lien avec le client en ligne de commande (hushlink get).
zk-needs-https = Cette page ne peut pas déchiffrer ici : les navigateurs n’autorisent la cryptographie nécessaire qu’en HTTPS (ou sur localhost). Rien n’a été révélé ni consommé. Ouvrez le lien en HTTPS, ou avec le client en ligne de commande (hushlink get).
zk-passphrase-label = Phrase secrète
zk-working = Déchiffrement…
zk-wrong-passphrase = Phrase secrète incorrecte. Rien n’a été révélé et le lien fonctionne toujours. Essais restants : { $n }.
zk-destroyed = Trop de phrases secrètes incorrectes : le secret a été détruit et le lien ne fonctionne plus.
zk-decrypt-failed = Le secret est arrivé mais n’a pas pu être déchiffré : il a peut-être été modifié. Demandez à l’expéditeur de le partager à nouveau.
zk-binary = Ce secret est un fichier (données binaires).
zk-download = Le télécharger

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Connectez-vous pour envoyer un secret
signin-intro = Seules les personnes de cette organisation peuvent créer des secrets ici. Toute personne disposant d’un lien peut l’ouvrir, sans compte.
signin-button = Se connecter
signin-unavailable = La connexion est indisponible pour le moment : impossible de créer des secrets. Réessayez dans quelques minutes.
signin-refused = Votre compte n’est pas autorisé à envoyer des secrets ici. Adressez-vous à votre administrateur si nécessaire.
signin-failed = La connexion n’a pas abouti. Veuillez recommencer.
signed-in-as = Connecté en tant que
sign-out = Se déconnecter
keys-link = Mes clés d’API
keys-heading = Vos clés d’API
keys-intro = Des clés pour le client en ligne de commande et les scripts : elles créent des secrets, rien d’autre. Une nouvelle clé n’est affichée qu’une fois.
keys-name-label = Nom de la clé
keys-create = Créer la clé
keys-new = Votre nouvelle clé. Copiez-la maintenant : elle ne sera plus affichée.
keys-none = Vous n’avez encore aucune clé d’API.
keys-revoke = Révoquer
keys-invalid = Choisissez un autre nom : 1 à 64 lettres, chiffres, points, tirets ou soulignés, pas déjà utilisé.
