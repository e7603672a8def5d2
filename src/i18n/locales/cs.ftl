# hushlink: the pages' strings in Czech.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · sdílejte tajemství
brand = hushlink
tagline = Sdílejte tajemství odkazem, který funguje jen jednou.
footer = Šifrováno serverem (formát SnapPass). Klíč je jen v odkazu; server vidí tajemství, když ho vytváří a zobrazuje, a neuchovává nic, co by mohl přečíst.

form-heading = Sdílet tajemství
form-intro = Vložte heslo nebo jiné tajemství. Dostanete odkaz, který ho jednou zobrazí; potom se tajemství smaže.
form-secret-label = Tajemství
form-secret-placeholder = Napište nebo vložte tajemství sem
form-ttl-label = Platnost
ttl-two-weeks = Dva týdny
ttl-week = Jeden týden
ttl-day = Jeden den
ttl-hour = Jedna hodina
form-views-label = Povolená zobrazení
form-views-hint = Kolikrát lze odkaz otevřít, než se tajemství smaže.
form-submit = Vytvořit odkaz
form-too-large = Toto tajemství má { $size } B a tento server přijímá nejvýše { $limit } B. Nic se neuložilo: zkraťte ho, nebo ho rozdělte na části.
form-views-invalid = Počet povolených zobrazení musí být celé číslo od 1 do 100.
form-kept = Vaše tajemství je stále ve formuláři níže; nic se neuložilo.

link-heading = Váš odkaz je připraven
link-intro = Pošlete tento odkaz osobě, která tajemství potřebuje. Funguje jen tolikrát, kolikrát jste povolili, a sám vyprší.
link-label = Tajný odkaz
link-qr-label = QR kód odkazu
link-another = Sdílet další tajemství

copy = Kopírovat
copied = Zkopírováno

preview-heading = Někdo s vámi sdílí tajemství
preview-intro = Zobrazte ho, až když ho můžete uložit na bezpečné místo: po zobrazení může navždy zmizet.
preview-views-left = Zbývající zobrazení: { $n }
preview-reveal = Zobrazit tajemství

reveal-heading = Vaše tajemství
reveal-label = Tajemství
reveal-gone = Toto tajemství bylo právě smazáno ze serveru a odkaz už nefunguje. Než tuto stránku opustíte, uložte si ho na bezpečné místo.
reveal-views-left = Zbývající zobrazení tohoto odkazu: { $n }.

not-found-heading = Tajemství nenalezeno
not-found-body = Tento odkaz neobsahuje žádné tajemství. Možná už bylo zobrazeno, možná vypršelo, nebo nikdy neexistovalo.
not-found-hint = Pokud vám tento odkaz někdo poslal, požádejte ho, ať tajemství sdílí znovu.

damaged-heading = Tento odkaz je poškozený nebo neúplný
damaged-body = Odkaz vede k tajemství, ale jeho část chybí nebo byla změněna, takže tajemství nelze otevřít. Nebylo smazáno: zkopírujte znovu celý odkaz, nebo požádejte odesílatele, ať ho pošle znovu.

invalid-heading = Něco chybí
invalid-body = Zadejte tajemství a zvolte, jak dlouho má platit.

bad-request-heading = Na tento požadavek nelze odpovědět
bad-request-body = Tato adresa se takto nepoužívá, nebo požadavek uvedl hostitele, kterého tento server nemůže vložit do odkazu. Začněte znovu na úvodní stránce.

too-large-heading = Tajemství je příliš velké
too-large-body = Tento server přijímá tajemství o velikosti nejvýše { $limit } B. Nic se neuložilo: sdílejte menší tajemství, nebo ho rozdělte.

unavailable-heading = Dočasně nedostupné
unavailable-body = Server se teď nemůže spojit se svým úložištěm. Nic se nezměnilo. Zkuste to prosím za chvíli znovu.
over-quota-heading = Kvóta úložiště je vyčerpána
over-quota-body = Tento server už uchovává tolik tajemství, kolik mu kvóta úložiště dovoluje. Nic se neuložilo. Místo se uvolní, jakmile se tajemství otevřou nebo vyprší: zkuste to prosím později.
too-many-creates-heading = Příliš mnoho tajemství
too-many-creates-body = Z této adresy bylo vytvořeno příliš mnoho tajemství. Nic se neuložilo. Zkuste to prosím znovu za { $n } s.

link-receipt = Sledovat nebo smazat toto tajemství (tento odkaz si nechte pro sebe)
receipt-heading = Co se stalo s vaším tajemstvím
receipt-intro = Tato stránka je jen pro odesílatele: její adresu si nechte pro sebe. Ukazuje, co se s tajemstvím stalo, nikdy tajemství samotné ani to, kdo ho otevřel.
receipt-state-available = Stále dostupné: odkaz funguje.
receipt-state-viewed = Zobrazeno: všechna zobrazení byla využita a tajemství je smazané.
receipt-state-burned = Smazáno odesílatelem: odkaz už nefunguje.
receipt-state-expired = Vypršelo: jeho čas uplynul a tajemství je smazané.
receipt-state-destroyed = Zničeno po příliš mnoha chybných heslových frázích: odkaz už nefunguje.
receipt-created = Vytvořeno
receipt-expires = Vyprší
receipt-views-used = Využitá zobrazení: { $n }
receipt-history = Historie
receipt-no-events = Zatím se s ním nic nestalo.
event-viewed = Otevřeno
event-passphrase-failed = Chybná heslová fráze
event-burned = Smazáno odesílatelem
event-expired = Vypršelo
event-destroyed = Zničeno
receipt-delete = Smazat hned
receipt-delete-note = Smazání nelze vrátit: odkaz okamžitě přestane fungovat, pro všechny.
receipt-not-found = Potvrzení nenalezeno: nikdy neexistovalo, nebo je starší než doba jeho uchování.

back-home = Zpět na začátek

## Zero-knowledge links

footer-zk = Šifrováno v prohlížeči. Klíč je jen v odkazu, za znakem #, který prohlížeče nikdy neodesílají: server tajemství nikdy nevidí a neuchovává nic, co by mohl přečíst.
footer-form = Se zapnutým JavaScriptem tento formulář šifruje ve vašem prohlížeči a server tajemství nikdy nevidí. Bez něj šifruje server (formát SnapPass) a vidí tajemství, zatímco vyřizuje požadavek.
form-passphrase-label = Heslová fráze (nepovinné)
form-passphrase-hint = Příjemce ji bude muset zadat také. Nikdy neopustí váš prohlížeč; pošlete ji odděleně od odkazu.
form-working = Šifruje se ve vašem prohlížeči…
form-failed = Tajemství se nepodařilo vytvořit; nic se neuložilo. Zkuste to prosím znovu.
link-kind-zk = Odkaz s nulovou znalostí: zašifrovaný ve vašem prohlížeči. Klíč je část za znakem #, která se nikdy neodesílá na server.
link-kind-server = Odkaz šifrovaný serverem (formát SnapPass): tajemství zašifroval server. Viděl ho při vytváření odkazu a uvidí ho znovu, až se odkaz otevře; neuchovává nic, co by mohl přečíst.
link-passphrase-note = Tento odkaz potřebuje i heslovou frázi. Pošlete ji jiným kanálem.
zk-preview-intro = Toto tajemství bylo zašifrováno v prohlížeči odesílatele a dešifruje se ve vašem: server ho nemůže přečíst. Zobrazte ho, až když ho můžete uložit na bezpečné místo.
zk-needs-js = K otevření tohoto odkazu je potřeba JavaScript: tajemství se dešifruje ve vašem prohlížeči klíčem z odkazu, který server nikdy nedostane. Nic nebylo zobrazeno ani spotřebováno. Zapněte pro tento web JavaScript, nebo otevřete odkaz klientem hushlink pro příkazovou řádku (hushlink get).
zk-needs-https = Tato stránka tu nemůže dešifrovat: prohlížeče povolují potřebnou kryptografii jen přes HTTPS (nebo na localhost). Nic nebylo zobrazeno ani spotřebováno. Otevřete odkaz přes HTTPS, nebo klientem hushlink pro příkazovou řádku (hushlink get).
zk-passphrase-label = Heslová fráze
zk-working = Dešifruje se…
zk-wrong-passphrase = Chybná heslová fráze. Nic nebylo zobrazeno a odkaz stále funguje. Zbývající pokusy: { $n }.
zk-destroyed = Příliš mnoho chybných heslových frází: tajemství bylo zničeno a odkaz už nefunguje.
zk-decrypt-failed = Tajemství dorazilo, ale nepodařilo se ho dešifrovat: mohlo být změněno. Požádejte odesílatele, ať ho sdílí znovu.
zk-binary = Toto tajemství je soubor (binární data).
zk-download = Stáhnout

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Přihlaste se a pošlete tajemství
signin-intro = Tajemství zde mohou vytvářet jen lidé z této organizace. Kdokoli s odkazem jej stále může otevřít, bez účtu.
signin-button = Přihlásit se
signin-unavailable = Přihlášení teď není k dispozici, takže nelze vytvářet tajemství. Zkuste to znovu za pár minut.
signin-refused = Váš účet zde nesmí posílat tajemství. V případě potřeby se obraťte na správce.
signin-failed = Přihlášení nebylo dokončeno. Začněte znovu.
signed-in-as = Přihlášen(a) jako
sign-out = Odhlásit se
keys-link = Moje klíče API
keys-heading = Vaše klíče API
keys-intro = Klíče pro klienta příkazové řádky a skripty: mohou vytvářet tajemství, nic jiného. Nový klíč se zobrazí jen jednou.
keys-name-label = Název klíče
keys-create = Vytvořit klíč
keys-new = Váš nový klíč. Zkopírujte si ho hned: znovu se nezobrazí.
keys-none = Zatím nemáte žádné klíče API.
keys-revoke = Zrušit
keys-invalid = Zvolte jiný název: 1 až 64 písmen, číslic, teček, pomlček nebo podtržítek, dosud nepoužitý.
