# hushlink: the pages' strings in Czech.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · sdílejte tajemství
brand = hushlink
tagline = Sdílejte tajemství odkazem, který funguje jen jednou.
footer = Klíč k vašemu tajemství je jen v odkazu. Server neuchovává nic, co by mohl přečíst.

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
