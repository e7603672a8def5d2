# hushlink: the pages' strings in Finnish.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · jaa salaisuus
brand = hushlink
tagline = Jaa salaisuus linkillä, joka toimii vain kerran.
footer = Palvelimen salaama (SnapPass-muoto). Avain on vain linkissä; palvelin näkee salaisuuden luodessaan ja näyttäessään sen, eikä se säilytä mitään, mitä se voisi lukea.

form-heading = Jaa salaisuus
form-intro = Liitä salasana tai muu salaisuus. Saat linkin, joka näyttää sen kerran, minkä jälkeen salaisuus poistetaan.
form-secret-label = Salaisuus
form-secret-placeholder = Kirjoita tai liitä salaisuus tähän
form-ttl-label = Vanhenee
ttl-two-weeks = Kahden viikon päästä
ttl-week = Viikon päästä
ttl-day = Päivän päästä
ttl-hour = Tunnin päästä
form-views-label = Sallitut katselukerrat
form-views-hint = Kuinka monta kertaa linkin voi avata, ennen kuin salaisuus poistetaan.
form-submit = Luo linkki
form-too-large = Tämä salaisuus on { $size } tavua, ja tämä palvelin hyväksyy enintään { $limit } tavua. Mitään ei tallennettu: lyhennä sitä tai jaa se osiin.
form-views-invalid = Sallittujen katselukertojen on oltava kokonaisluku väliltä 1–100.
form-kept = Salaisuutesi on yhä alla olevassa lomakkeessa; mitään ei tallennettu.

link-heading = Linkkisi on valmis
link-intro = Lähetä tämä linkki henkilölle, joka tarvitsee salaisuuden. Se toimii vain niin monta kertaa kuin sallit, ja se vanhenee itsestään.
link-label = Salainen linkki
link-qr-label = Linkin QR-koodi
link-another = Jaa toinen salaisuus

copy = Kopioi
copied = Kopioitu

preview-heading = Joku jakoi kanssasi salaisuuden
preview-intro = Näytä se vasta, kun voit tallentaa sen turvalliseen paikkaan: kun se on näytetty, se voi kadota lopullisesti.
preview-views-left = Katselukertoja jäljellä: { $n }
preview-reveal = Näytä salaisuus

reveal-heading = Salaisuutesi
reveal-label = Salaisuus
reveal-gone = Tämä salaisuus on nyt poistettu palvelimelta, eikä linkki enää toimi. Tallenna se turvalliseen paikkaan ennen kuin poistut sivulta.
reveal-views-left = Linkin katselukertoja jäljellä: { $n }.

not-found-heading = Salaisuutta ei löytynyt
not-found-body = Tämän linkin takana ei ole salaisuutta. Se on ehkä jo katsottu, se on ehkä vanhentunut, tai sitä ei ole koskaan ollut.
not-found-hint = Jos joku lähetti sinulle tämän linkin, pyydä häntä jakamaan salaisuus uudelleen.

damaged-heading = Linkki on vioittunut tai puutteellinen
damaged-body = Linkki osoittaa salaisuuteen, mutta osa siitä puuttuu tai on muuttunut, joten salaisuutta ei voi avata. Sitä ei ole poistettu: kopioi koko linkki uudelleen tai pyydä lähettäjää lähettämään se uudelleen.

invalid-heading = Jotain puuttuu
invalid-body = Kirjoita salaisuus ja valitse, kuinka kauan se on voimassa.

bad-request-heading = Tähän pyyntöön ei voi vastata
bad-request-body = Tätä osoitetta ei käytetä näin, tai pyynnössä oli isäntänimi, jota tämä palvelin ei voi laittaa linkkiin. Aloita alusta etusivulta.

too-large-heading = Salaisuus on liian suuri
too-large-body = Tämä palvelin hyväksyy salaisuuksia, joiden koko on enintään { $limit } tavua. Mitään ei tallennettu: jaa pienempi salaisuus tai jaa se osiin.

unavailable-heading = Tilapäisesti poissa käytöstä
unavailable-body = Palvelin ei juuri nyt saa yhteyttä tallennustilaansa. Mitään ei muutettu. Yritä hetken päästä uudelleen.
over-quota-heading = Tallennuskiintiö on täynnä
over-quota-body = Tämä palvelin säilyttää jo niin monta salaisuutta kuin sen tallennuskiintiö sallii. Mitään ei tallennettu. Tilaa vapautuu, kun salaisuuksia avataan tai ne vanhenevat: yritä myöhemmin uudelleen.
too-many-creates-heading = Liikaa salaisuuksia
too-many-creates-body = Tästä osoitteesta on luotu liikaa salaisuuksia. Mitään ei tallennettu. Yritä uudelleen { $n } sekunnin kuluttua.

link-receipt = Seuraa tai poista tämä salaisuus (pidä tämä linkki itselläsi)
receipt-heading = Mitä salaisuudellesi tapahtui
receipt-intro = Tämä sivu on vain lähettäjälle: pidä sen osoite itselläsi. Se näyttää, mitä salaisuudelle tapahtui, mutta ei koskaan itse salaisuutta eikä sitä, kuka sen avasi.
receipt-state-available = Yhä saatavilla: linkki toimii.
receipt-state-viewed = Katsottu: kaikki katselukerrat on käytetty ja salaisuus on poistettu.
receipt-state-burned = Lähettäjä poisti sen: linkki ei enää toimi.
receipt-state-expired = Vanhentunut: aika loppui ja salaisuus on poistettu.
receipt-state-destroyed = Tuhottu liian monen väärän tunnuslauseen jälkeen: linkki ei enää toimi.
receipt-created = Luotu
receipt-expires = Vanhenee
receipt-views-used = Käytetyt katselukerrat: { $n }
receipt-history = Historia
receipt-no-events = Sille ei ole vielä tapahtunut mitään.
event-viewed = Avattu
event-passphrase-failed = Väärä tunnuslause
event-burned = Lähettäjä poisti
event-expired = Vanhentunut
event-destroyed = Tuhottu
receipt-delete = Poista nyt
receipt-delete-note = Poistoa ei voi perua: linkki lakkaa heti toimimasta kaikilta.
receipt-not-found = Kuittia ei löytynyt: sitä ei ole koskaan ollut, tai se on säilytysaikaansa vanhempi.

back-home = Takaisin alkuun

## Zero-knowledge links

footer-zk = Salattu selaimessa. Avain on vain linkissä, merkin # jälkeisessä osassa, jota selaimet eivät koskaan lähetä: palvelin ei koskaan näe salaisuutta eikä säilytä mitään, mitä se voisi lukea.
footer-form = Kun JavaScript on käytössä, tämä lomake salaa selaimessasi, eikä palvelin koskaan näe salaisuutta. Ilman sitä palvelin salaa (SnapPass-muoto) ja näkee salaisuuden käsitellessään pyyntöä.
form-passphrase-label = Tunnuslause (valinnainen)
form-passphrase-hint = Vastaanottajan on kirjoitettava se myös. Se ei koskaan poistu selaimestasi; lähetä se erillään linkistä.
form-working = Salataan selaimessasi…
form-failed = Salaisuutta ei voitu luoda; mitään ei tallennettu. Yritä uudelleen.
link-kind-zk = Nollatietolinkki: salattu selaimessasi. Avain on merkin # jälkeinen osa, jota ei koskaan lähetetä palvelimelle.
link-kind-server = Palvelimen salaama linkki (SnapPass-muoto): palvelin salasi salaisuuden. Se näki salaisuuden linkkiä luodessaan ja näkee sen uudelleen, kun linkki avataan; se ei säilytä mitään, mitä se voisi lukea.
link-passphrase-note = Tämä linkki tarvitsee myös tunnuslauseen. Lähetä se toista kanavaa pitkin.
zk-preview-intro = Tämä salaisuus salattiin lähettäjän selaimessa, ja sen salaus puretaan sinun selaimessasi: palvelin ei voi lukea sitä. Näytä se vasta, kun voit tallentaa sen turvalliseen paikkaan.
zk-needs-js = Tämän linkin avaaminen vaatii JavaScriptin: salaisuuden salaus puretaan selaimessasi linkissä olevalla avaimella, jota palvelin ei koskaan saa. Mitään ei ole näytetty eikä käytetty. Ota JavaScript käyttöön tällä sivustolla tai avaa linkki hushlink-komentoriviasiakkaalla (hushlink get).
zk-needs-https = Tämä sivu ei voi purkaa salausta täällä: selaimet sallivat tarvittavan kryptografian vain HTTPS-yhteydellä (tai localhost-osoitteessa). Mitään ei ole näytetty eikä käytetty. Avaa linkki HTTPS-yhteydellä tai hushlink-komentoriviasiakkaalla (hushlink get).
zk-passphrase-label = Tunnuslause
zk-working = Puretaan salausta…
zk-wrong-passphrase = Väärä tunnuslause. Mitään ei näytetty, ja linkki toimii yhä. Yrityksiä jäljellä: { $n }.
zk-destroyed = Liian monta väärää tunnuslausetta: salaisuus on tuhottu, eikä linkki enää toimi.
zk-decrypt-failed = Salaisuus saapui, mutta sen salausta ei voitu purkaa: sitä on ehkä muutettu. Pyydä lähettäjää jakamaan se uudelleen.
zk-binary = Tämä salaisuus on tiedosto (binääridataa).
zk-download = Lataa se

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Kirjaudu sisään lähettääksesi salaisuuden
signin-intro = Vain tämän organisaation henkilöt voivat luoda salaisuuksia täällä. Kuka tahansa, jolla on linkki, voi silti avata sen ilman tiliä.
signin-button = Kirjaudu sisään
signin-unavailable = Kirjautuminen ei ole juuri nyt käytettävissä, joten salaisuuksia ei voi luoda. Yritä uudelleen muutaman minuutin kuluttua.
signin-refused = Tilisi ei saa lähettää salaisuuksia täällä. Kysy tarvittaessa ylläpitäjältäsi.
signin-failed = Kirjautuminen ei valmistunut. Aloita alusta.
signed-in-as = Kirjautuneena:
sign-out = Kirjaudu ulos
keys-link = Omat API-avaimeni
keys-heading = API-avaimesi
keys-intro = Avaimia komentoriviasiakkaalle ja skripteille: niillä voi luoda salaisuuksia, ei muuta. Uusi avain näytetään vain kerran.
keys-name-label = Avaimen nimi
keys-create = Luo avain
keys-new = Uusi avaimesi. Kopioi se nyt: sitä ei näytetä uudelleen.
keys-none = Sinulla ei ole vielä API-avaimia.
keys-revoke = Peruuta
keys-invalid = Valitse toinen nimi: 1–64 kirjainta, numeroa, pistettä, yhdysviivaa tai alaviivaa, ei jo käytössä.
