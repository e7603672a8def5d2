# hushlink: the pages' strings in Polish.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · udostępnij sekret
brand = hushlink
tagline = Udostępnij sekret przez link, który działa tylko raz.
footer = Zaszyfrowane przez serwer (format SnapPass). Klucz jest tylko w linku; serwer widzi sekret, gdy go tworzy i pokazuje, i nie przechowuje niczego, co mógłby odczytać.

form-heading = Udostępnij sekret
form-intro = Wklej hasło lub inny sekret. Otrzymasz link, który pokaże go jeden raz; potem sekret zostanie usunięty.
form-secret-label = Sekret
form-secret-placeholder = Wpisz lub wklej tutaj sekret
form-ttl-label = Wygasa po
ttl-two-weeks = Dwa tygodnie
ttl-week = Jeden tydzień
ttl-day = Jeden dzień
ttl-hour = Jedna godzina
form-views-label = Dozwolone wyświetlenia
form-views-hint = Ile razy można otworzyć link, zanim sekret zostanie usunięty.
form-submit = Utwórz link
form-too-large = Ten sekret ma { $size } B, a ten serwer przyjmuje najwyżej { $limit } B. Nic nie zostało zapisane: skróć go albo podziel na części.
form-views-invalid = Liczba dozwolonych wyświetleń musi być liczbą całkowitą od 1 do 100.
form-kept = Twój sekret nadal jest w formularzu poniżej; nic nie zostało zapisane.

link-heading = Twój link jest gotowy
link-intro = Wyślij ten link osobie, która potrzebuje sekretu. Działa tylko tyle razy, ile pozwolisz, i sam wygasa.
link-label = Link do sekretu
link-qr-label = Kod QR linku
link-another = Udostępnij kolejny sekret

copy = Kopiuj
copied = Skopiowano

preview-heading = Ktoś udostępnił Ci sekret
preview-intro = Wyświetl go dopiero wtedy, gdy możesz zapisać go w bezpiecznym miejscu: po wyświetleniu może zniknąć na zawsze.
preview-views-left = Pozostałe wyświetlenia: { $n }
preview-reveal = Pokaż sekret

reveal-heading = Twój sekret
reveal-label = Sekret
reveal-gone = Ten sekret został właśnie usunięty z serwera, a link przestał działać. Zapisz go w bezpiecznym miejscu, zanim opuścisz tę stronę.
reveal-views-left = Pozostałe wyświetlenia tego linku: { $n }.

not-found-heading = Nie znaleziono sekretu
not-found-body = Ten link nie zawiera żadnego sekretu. Mógł już zostać wyświetlony, mógł wygasnąć albo nigdy nie istniał.
not-found-hint = Jeśli ktoś wysłał Ci ten link, poproś go o ponowne udostępnienie sekretu.

damaged-heading = Ten link jest uszkodzony lub niepełny
damaged-body = Link prowadzi do sekretu, ale jego część jest brakująca lub zmieniona, więc sekretu nie da się otworzyć. Sekret nie został usunięty: skopiuj ponownie cały link albo poproś nadawcę o ponowne wysłanie.

invalid-heading = Czegoś brakuje
invalid-body = Wpisz sekret i wybierz, jak długo ma być dostępny.

bad-request-heading = Na to żądanie nie można odpowiedzieć
bad-request-body = Tego adresu nie używa się w ten sposób albo żądanie wskazało hosta, którego ten serwer nie może umieścić w linku. Zacznij od nowa na stronie głównej.

too-large-heading = Ten sekret jest za duży
too-large-body = Ten serwer przyjmuje sekrety o rozmiarze najwyżej { $limit } B. Nic nie zostało zapisane: udostępnij mniejszy sekret albo podziel go na części.

unavailable-heading = Chwilowo niedostępne
unavailable-body = Serwer nie może teraz połączyć się ze swoim magazynem danych. Nic nie zostało zmienione. Spróbuj ponownie za chwilę.
over-quota-heading = Osiągnięto limit miejsca
over-quota-body = Ten serwer przechowuje już tyle sekretów, ile pozwala jego limit miejsca. Nic nie zostało zapisane. Miejsce zwalnia się, gdy sekrety zostaną otwarte lub wygasną: spróbuj ponownie później.
too-many-creates-heading = Zbyt wiele sekretów
too-many-creates-body = Z tego adresu utworzono zbyt wiele sekretów. Nic nie zostało zapisane. Spróbuj ponownie za { $n } s.

link-receipt = Śledź lub usuń ten sekret (zachowaj ten link dla siebie)
receipt-heading = Co stało się z twoim sekretem
receipt-intro = Ta strona jest tylko dla nadawcy: zachowaj jej adres dla siebie. Pokazuje, co stało się z sekretem, nigdy sam sekret ani to, kto go otworzył.
receipt-state-available = Nadal dostępny: link działa.
receipt-state-viewed = Wyświetlony: wykorzystano wszystkie wyświetlenia, a sekret został usunięty.
receipt-state-burned = Usunięty przez nadawcę: link już nie działa.
receipt-state-expired = Wygasł: jego czas minął, a sekret został usunięty.
receipt-state-destroyed = Zniszczony po zbyt wielu błędnych frazach dostępu: link już nie działa.
receipt-created = Utworzono
receipt-expires = Wygasa
receipt-views-used = Wykorzystane wyświetlenia: { $n }
receipt-history = Historia
receipt-no-events = Na razie nic się z nim nie stało.
event-viewed = Otwarty
event-passphrase-failed = Błędna fraza dostępu
event-burned = Usunięty przez nadawcę
event-expired = Wygasł
event-destroyed = Zniszczony
receipt-delete = Usuń teraz
receipt-delete-note = Usunięcia nie można cofnąć: link natychmiast przestaje działać, dla wszystkich.
receipt-not-found = Nie znaleziono potwierdzenia: nigdy nie istniało albo jest starsze niż okres przechowywania.

back-home = Wróć na początek

## Zero-knowledge links

footer-zk = Zaszyfrowane w przeglądarce. Klucz jest tylko w linku, po znaku #, którego przeglądarki nigdy nie wysyłają: serwer nigdy nie widzi sekretu i nie przechowuje niczego, co mógłby odczytać.
footer-form = Gdy obsługa JavaScript jest włączona, ten formularz szyfruje w Twojej przeglądarce i serwer nigdy nie widzi sekretu. Bez niej szyfruje serwer (format SnapPass) i widzi sekret podczas obsługi żądania.
form-passphrase-label = Fraza hasła (opcjonalnie)
form-passphrase-hint = Odbiorca też musi ją wpisać. Nigdy nie opuszcza Twojej przeglądarki; wyślij ją osobno, nie razem z linkiem.
form-working = Szyfrowanie w Twojej przeglądarce…
form-failed = Nie udało się utworzyć sekretu; nic nie zostało zapisane. Spróbuj ponownie.
link-kind-zk = Link z wiedzą zerową: zaszyfrowany w Twojej przeglądarce. Klucz to część po znaku #, która nigdy nie jest wysyłana do serwera.
link-kind-server = Link szyfrowany przez serwer (format SnapPass): serwer zaszyfrował sekret. Widział go podczas tworzenia linku i zobaczy go ponownie, gdy link zostanie otwarty; nie przechowuje niczego, co mógłby odczytać.
link-passphrase-note = Ten link wymaga też frazy hasła. Wyślij ją innym kanałem.
zk-preview-intro = Ten sekret został zaszyfrowany w przeglądarce nadawcy i jest odszyfrowywany w Twojej: serwer nie może go odczytać. Wyświetl go dopiero wtedy, gdy możesz zapisać go w bezpiecznym miejscu.
zk-needs-js = Do otwarcia tego linku potrzebny jest JavaScript: sekret jest odszyfrowywany w Twojej przeglądarce kluczem z linku, którego serwer nigdy nie otrzymuje. Nic nie zostało pokazane ani zużyte. Włącz JavaScript dla tej strony albo otwórz link klientem wiersza poleceń hushlink (hushlink get).
zk-needs-https = Ta strona nie może tu odszyfrować: przeglądarki pozwalają na potrzebną jej kryptografię tylko przez HTTPS (lub na localhost). Nic nie zostało pokazane ani zużyte. Otwórz link przez HTTPS albo klientem wiersza poleceń hushlink (hushlink get).
zk-passphrase-label = Fraza hasła
zk-working = Odszyfrowywanie…
zk-wrong-passphrase = Błędna fraza hasła. Nic nie zostało pokazane, a link nadal działa. Pozostałe próby: { $n }.
zk-destroyed = Zbyt wiele błędnych fraz hasła: sekret został zniszczony, a link przestał działać.
zk-decrypt-failed = Sekret dotarł, ale nie udało się go odszyfrować: mógł zostać zmieniony. Poproś nadawcę, aby udostępnił go ponownie.
zk-binary = Ten sekret jest plikiem (dane binarne).
zk-download = Pobierz go

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Zaloguj się, aby wysłać sekret
signin-intro = Tylko osoby z tej organizacji mogą tu tworzyć sekrety. Każdy, kto ma link, nadal może go otworzyć bez konta.
signin-button = Zaloguj się
signin-unavailable = Logowanie jest teraz niedostępne, więc nie można tworzyć sekretów. Spróbuj ponownie za kilka minut.
signin-refused = Twoje konto nie może wysyłać tu sekretów. W razie potrzeby zapytaj administratora.
signin-failed = Logowanie nie zostało ukończone. Zacznij od nowa.
signed-in-as = Zalogowano jako
sign-out = Wyloguj się
keys-link = Moje klucze API
keys-heading = Twoje klucze API
keys-intro = Klucze dla klienta wiersza poleceń i skryptów: mogą tworzyć sekrety, nic więcej. Nowy klucz jest pokazywany tylko raz.
keys-name-label = Nazwa klucza
keys-create = Utwórz klucz
keys-new = Twój nowy klucz. Skopiuj go teraz: nie zostanie pokazany ponownie.
keys-none = Nie masz jeszcze kluczy API.
keys-revoke = Unieważnij
keys-invalid = Wybierz inną nazwę: od 1 do 64 liter, cyfr, kropek, myślników lub podkreśleń, jeszcze nieużywaną.
