# hushlink: the pages' strings in Polish.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · udostępnij sekret
brand = hushlink
tagline = Udostępnij sekret przez link, który działa tylko raz.
footer = Klucz do Twojego sekretu jest tylko w linku. Serwer nie przechowuje niczego, co mógłby odczytać.

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
