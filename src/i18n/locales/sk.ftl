# hushlink: the pages' strings in Slovak.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · zdieľajte tajomstvo
brand = hushlink
tagline = Zdieľajte tajomstvo odkazom, ktorý funguje iba raz.
footer = Šifrované serverom (formát SnapPass). Kľúč je iba v odkaze; server vidí tajomstvo, keď ho vytvára a zobrazuje, a neuchováva nič, čo by dokázal prečítať.

form-heading = Zdieľať tajomstvo
form-intro = Vložte heslo alebo iné tajomstvo. Dostanete odkaz, ktorý ho raz zobrazí; potom sa tajomstvo vymaže.
form-secret-label = Tajomstvo
form-secret-placeholder = Napíšte alebo vložte tajomstvo sem
form-ttl-label = Platnosť
ttl-two-weeks = Dva týždne
ttl-week = Jeden týždeň
ttl-day = Jeden deň
ttl-hour = Jedna hodina
form-views-label = Povolené zobrazenia
form-views-hint = Koľkokrát možno odkaz otvoriť, kým sa tajomstvo vymaže.
form-submit = Vytvoriť odkaz
form-too-large = Toto tajomstvo má { $size } B a tento server prijíma najviac { $limit } B. Nič sa neuložilo: skráťte ho alebo ho rozdeľte na časti.
form-views-invalid = Počet povolených zobrazení musí byť celé číslo od 1 do 100.
form-kept = Vaše tajomstvo je stále vo formulári nižšie; nič sa neuložilo.

link-heading = Váš odkaz je pripravený
link-intro = Pošlite tento odkaz osobe, ktorá tajomstvo potrebuje. Funguje iba toľkokrát, koľkokrát ste povolili, a jeho platnosť vyprší sama.
link-label = Tajný odkaz
link-qr-label = QR kód odkazu
link-another = Zdieľať ďalšie tajomstvo

copy = Kopírovať
copied = Skopírované

preview-heading = Niekto s vami zdieľa tajomstvo
preview-intro = Zobrazte ho, až keď ho môžete uložiť na bezpečné miesto: po zobrazení môže navždy zmiznúť.
preview-views-left = Zostávajúce zobrazenia: { $n }
preview-reveal = Zobraziť tajomstvo

reveal-heading = Vaše tajomstvo
reveal-label = Tajomstvo
reveal-gone = Toto tajomstvo bolo práve vymazané zo servera a odkaz už nefunguje. Skôr než opustíte túto stránku, uložte si ho na bezpečné miesto.
reveal-views-left = Zostávajúce zobrazenia tohto odkazu: { $n }.

not-found-heading = Tajomstvo sa nenašlo
not-found-body = Tento odkaz neobsahuje žiadne tajomstvo. Možno už bolo zobrazené, možno mu vypršala platnosť, alebo nikdy neexistovalo.
not-found-hint = Ak vám tento odkaz niekto poslal, požiadajte ho, aby tajomstvo zdieľal znova.

damaged-heading = Tento odkaz je poškodený alebo neúplný
damaged-body = Odkaz vedie k tajomstvu, ale jeho časť chýba alebo bola zmenená, takže tajomstvo nemožno otvoriť. Nebolo vymazané: skopírujte znova celý odkaz alebo požiadajte odosielateľa, aby ho poslal znova.

invalid-heading = Niečo chýba
invalid-body = Zadajte tajomstvo a zvoľte, ako dlho má platiť.

bad-request-heading = Na túto požiadavku nemožno odpovedať
bad-request-body = Táto adresa sa takto nepoužíva alebo požiadavka uviedla hostiteľa, ktorého tento server nemôže vložiť do odkazu. Začnite znova na úvodnej stránke.

too-large-heading = Tajomstvo je príliš veľké
too-large-body = Tento server prijíma tajomstvá s veľkosťou najviac { $limit } B. Nič sa neuložilo: zdieľajte menšie tajomstvo alebo ho rozdeľte.

unavailable-heading = Dočasne nedostupné
unavailable-body = Server sa teraz nemôže spojiť so svojím úložiskom. Nič sa nezmenilo. Skúste to znova o chvíľu.
over-quota-heading = Kvóta úložiska je vyčerpaná
over-quota-body = Tento server už uchováva toľko tajomstiev, koľko mu kvóta úložiska dovoľuje. Nič sa neuložilo. Miesto sa uvoľní, keď sa tajomstvá otvoria alebo vypršia: skúste to prosím neskôr.
too-many-creates-heading = Priveľa tajomstiev
too-many-creates-body = Z tejto adresy bolo vytvorených priveľa tajomstiev. Nič sa neuložilo. Skúste to prosím znova o { $n } s.

link-receipt = Sledovať alebo vymazať toto tajomstvo (tento odkaz si nechajte pre seba)
receipt-heading = Čo sa stalo s vaším tajomstvom
receipt-intro = Táto stránka je len pre odosielateľa: jej adresu si nechajte pre seba. Ukazuje, čo sa s tajomstvom stalo, nikdy samotné tajomstvo ani to, kto ho otvoril.
receipt-state-available = Stále dostupné: odkaz funguje.
receipt-state-viewed = Zobrazené: všetky zobrazenia sa využili a tajomstvo je vymazané.
receipt-state-burned = Vymazané odosielateľom: odkaz už nefunguje.
receipt-state-expired = Vypršalo: jeho čas uplynul a tajomstvo je vymazané.
receipt-state-destroyed = Zničené po príliš mnohých chybných prístupových frázach: odkaz už nefunguje.
receipt-created = Vytvorené
receipt-expires = Vyprší
receipt-views-used = Využité zobrazenia: { $n }
receipt-history = História
receipt-no-events = Zatiaľ sa s ním nič nestalo.
event-viewed = Otvorené
event-passphrase-failed = Chybná prístupová fráza
event-burned = Vymazané odosielateľom
event-expired = Vypršalo
event-destroyed = Zničené
receipt-delete = Vymazať hneď
receipt-delete-note = Vymazanie sa nedá vrátiť: odkaz okamžite prestane fungovať, pre všetkých.
receipt-not-found = Potvrdenie sa nenašlo: nikdy neexistovalo alebo je staršie ako doba jeho uchovania.

back-home = Späť na začiatok

## Zero-knowledge links

footer-zk = Šifrované v prehliadači. Kľúč je iba v odkaze, za znakom #, ktorý prehliadače nikdy neodosielajú: server tajomstvo nikdy nevidí a neuchováva nič, čo by dokázal prečítať.
footer-form = So zapnutým JavaScriptom tento formulár šifruje vo vašom prehliadači a server tajomstvo nikdy nevidí. Bez neho šifruje server (formát SnapPass) a vidí tajomstvo, kým vybavuje požiadavku.
form-passphrase-label = Heslová fráza (nepovinné)
form-passphrase-hint = Príjemca ju bude musieť zadať tiež. Nikdy neopustí váš prehliadač; pošlite ju oddelene od odkazu.
form-working = Šifruje sa vo vašom prehliadači…
form-failed = Tajomstvo sa nepodarilo vytvoriť; nič sa neuložilo. Skúste to znova.
link-kind-zk = Odkaz s nulovou znalosťou: zašifrovaný vo vašom prehliadači. Kľúč je časť za znakom #, ktorá sa nikdy neodosiela na server.
link-kind-server = Odkaz šifrovaný serverom (formát SnapPass): tajomstvo zašifroval server. Videl ho pri vytváraní odkazu a uvidí ho znova, keď sa odkaz otvorí; neuchováva nič, čo by dokázal prečítať.
link-passphrase-note = Tento odkaz potrebuje aj heslovú frázu. Pošlite ju iným kanálom.
zk-preview-intro = Toto tajomstvo bolo zašifrované v prehliadači odosielateľa a dešifruje sa vo vašom: server ho nemôže prečítať. Zobrazte ho, až keď ho môžete uložiť na bezpečné miesto.
zk-needs-js = Na otvorenie tohto odkazu je potrebný JavaScript: tajomstvo sa dešifruje vo vašom prehliadači kľúčom z odkazu, ktorý server nikdy nedostane. Nič nebolo zobrazené ani spotrebované. Zapnite pre túto stránku JavaScript alebo otvorte odkaz klientom hushlink pre príkazový riadok (hushlink get).
zk-needs-https = Táto stránka tu nemôže dešifrovať: prehliadače povoľujú potrebnú kryptografiu iba cez HTTPS (alebo na localhost). Nič nebolo zobrazené ani spotrebované. Otvorte odkaz cez HTTPS alebo klientom hushlink pre príkazový riadok (hushlink get).
zk-passphrase-label = Heslová fráza
zk-working = Dešifruje sa…
zk-wrong-passphrase = Nesprávna heslová fráza. Nič nebolo zobrazené a odkaz stále funguje. Zostávajúce pokusy: { $n }.
zk-destroyed = Príliš veľa nesprávnych heslových fráz: tajomstvo bolo zničené a odkaz už nefunguje.
zk-decrypt-failed = Tajomstvo dorazilo, ale nepodarilo sa ho dešifrovať: mohlo byť zmenené. Požiadajte odosielateľa, aby ho zdieľal znova.
zk-binary = Toto tajomstvo je súbor (binárne dáta).
zk-download = Stiahnuť

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Prihláste sa a pošlite tajomstvo
signin-intro = Tajomstvá tu môžu vytvárať len ľudia z tejto organizácie. Ktokoľvek s odkazom ho stále môže otvoriť, bez účtu.
signin-button = Prihlásiť sa
signin-unavailable = Prihlásenie teraz nie je dostupné, takže nemožno vytvárať tajomstvá. Skúste to znova o pár minút.
signin-refused = Váš účet tu nesmie posielať tajomstvá. V prípade potreby sa obráťte na správcu.
signin-failed = Prihlásenie sa nedokončilo. Začnite znova.
signed-in-as = Prihlásený(á) ako
sign-out = Odhlásiť sa
keys-link = Moje kľúče API
keys-heading = Vaše kľúče API
keys-intro = Kľúče pre klienta príkazového riadka a skripty: môžu vytvárať tajomstvá, nič iné. Nový kľúč sa zobrazí len raz.
keys-name-label = Názov kľúča
keys-create = Vytvoriť kľúč
keys-new = Váš nový kľúč. Skopírujte si ho hneď: znova sa nezobrazí.
keys-none = Zatiaľ nemáte žiadne kľúče API.
keys-revoke = Zrušiť
keys-invalid = Zvoľte iný názov: 1 až 64 písmen, číslic, bodiek, pomlčiek alebo podčiarkovníkov, ešte nepoužitý.
