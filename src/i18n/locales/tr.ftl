# hushlink: the pages' strings in Turkish.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · bir sır paylaşın
brand = hushlink
tagline = Bir sırrı yalnızca bir kez çalışan bir bağlantıyla paylaşın.
footer = Sunucu tarafından şifrelenir (SnapPass biçimi). Anahtar yalnızca bağlantının içindedir; sunucu sırrı oluştururken ve gösterirken görür, okuyabileceği hiçbir şey saklamaz.

form-heading = Bir sır paylaşın
form-intro = Bir parola ya da başka bir sır yapıştırın. Onu bir kez gösteren bir bağlantı alırsınız; ardından sır silinir.
form-secret-label = Sır
form-secret-placeholder = Sırrı buraya yazın ya da yapıştırın
form-ttl-label = Geçerlilik süresi
ttl-two-weeks = İki hafta
ttl-week = Bir hafta
ttl-day = Bir gün
ttl-hour = Bir saat
form-views-label = İzin verilen görüntüleme
form-views-hint = Sır silinmeden önce bağlantının kaç kez açılabileceği.
form-submit = Bağlantı oluştur
form-too-large = Bu sır { $size } bayt uzunluğunda ve bu sunucu en fazla { $limit } bayt kabul ediyor. Hiçbir şey saklanmadı: sırrı kısaltın ya da parçalara bölün.
form-views-invalid = İzin verilen görüntüleme sayısı 1 ile 100 arasında bir tam sayı olmalıdır.
form-kept = Sırrınız hâlâ aşağıdaki formda; hiçbir şey saklanmadı.

link-heading = Bağlantınız hazır
link-intro = Bu bağlantıyı sırra ihtiyacı olan kişiye gönderin. Yalnızca izin verdiğiniz sayıda çalışır ve süresi dolunca kendiliğinden geçersiz olur.
link-label = Gizli bağlantı
link-qr-label = Bağlantının QR kodu
link-another = Başka bir sır paylaşın

copy = Kopyala
copied = Kopyalandı

preview-heading = Biri sizinle bir sır paylaştı
preview-intro = Yalnızca güvenli bir yere kaydetmeye hazır olduğunuzda gösterin: bir kez gösterildikten sonra sonsuza dek kaybolabilir.
preview-views-left = Kalan görüntüleme: { $n }
preview-reveal = Sırrı göster

reveal-heading = Sırrınız
reveal-label = Sır
reveal-gone = Bu sır artık sunucudan silindi ve bağlantı bundan sonra çalışmaz. Bu sayfadan ayrılmadan önce onu güvenli bir yere kaydedin.
reveal-views-left = Bu bağlantı için kalan görüntüleme: { $n }.

not-found-heading = Sır bulunamadı
not-found-body = Bu bağlantıda sır yok. Daha önce görüntülenmiş, süresi dolmuş ya da hiç var olmamış olabilir.
not-found-hint = Bu bağlantıyı size biri gönderdiyse, sırrı yeniden paylaşmasını isteyin.

damaged-heading = Bu bağlantı bozuk ya da eksik
damaged-body = Bağlantı bir sırrı gösteriyor, ancak bir kısmı eksik ya da değiştirilmiş, bu yüzden sır açılamıyor. Sır silinmedi: bağlantının tamamını yeniden kopyalayın ya da gönderenden yeniden göndermesini isteyin.

invalid-heading = Bir şey eksik
invalid-body = Lütfen bir sır girin ve ne kadar süre geçerli olacağını seçin.

bad-request-heading = Bu isteğe yanıt verilemiyor
bad-request-body = Bu adres bu şekilde kullanılmaz ya da istek, bu sunucunun bir bağlantıya koyamayacağı bir ana makine adı belirtti. Ana sayfadan yeniden başlayın.

too-large-heading = Bu sır çok büyük
too-large-body = Bu sunucu en fazla { $limit } bayt boyutundaki sırları kabul eder. Hiçbir şey saklanmadı: daha küçük bir sır paylaşın ya da onu parçalara bölün.

unavailable-heading = Geçici olarak kullanılamıyor
unavailable-body = Sunucu şu anda depolama alanına ulaşamıyor. Hiçbir şey değişmedi. Lütfen biraz sonra yeniden deneyin.
over-quota-heading = Depolama kotası doldu
over-quota-body = Bu sunucu, depolama kotasının izin verdiği kadar sırrı zaten saklıyor. Hiçbir şey kaydedilmedi. Sırlar açıldıkça veya süreleri doldukça yer açılır: lütfen daha sonra yeniden deneyin.
too-many-creates-heading = Çok fazla sır
too-many-creates-body = Bu adresten çok fazla sır oluşturuldu. Hiçbir şey kaydedilmedi. Lütfen { $n } saniye sonra yeniden deneyin.

link-receipt = Bu sırrı izleyin ya da silin (bu bağlantıyı kendinize saklayın)
receipt-heading = Sırrınıza ne oldu
receipt-intro = Bu sayfa yalnızca gönderen içindir: adresini kendinize saklayın. Sırra ne olduğunu gösterir; sırrın kendisini ya da onu kimin açtığını asla göstermez.
receipt-state-available = Hâlâ kullanılabilir: bağlantı çalışıyor.
receipt-state-viewed = Görüntülendi: tüm görüntüleme hakları kullanıldı ve sır silindi.
receipt-state-burned = Gönderen tarafından silindi: bağlantı artık çalışmıyor.
receipt-state-expired = Süresi doldu: zamanı bitti ve sır silindi.
receipt-state-destroyed = Çok fazla yanlış parola ifadesi nedeniyle yok edildi: bağlantı artık çalışmıyor.
receipt-created = Oluşturuldu
receipt-expires = Sona eriyor
receipt-views-used = Kullanılan görüntüleme: { $n }
receipt-history = Geçmiş
receipt-no-events = Henüz hiçbir şey olmadı.
event-viewed = Açıldı
event-passphrase-failed = Yanlış parola ifadesi
event-burned = Gönderen tarafından silindi
event-expired = Süresi doldu
event-destroyed = Yok edildi
receipt-delete = Şimdi sil
receipt-delete-note = Silme geri alınamaz: bağlantı herkes için hemen çalışmayı bırakır.
receipt-not-found = Makbuz bulunamadı: hiç var olmadı ya da saklama süresinden daha eski.

back-home = Başa dön

## Zero-knowledge links

footer-zk = Tarayıcıda şifrelenir. Anahtar yalnızca bağlantının içinde, tarayıcıların hiçbir zaman göndermediği # işaretinden sonraki kısımdadır: sunucu sırrı hiçbir zaman görmez ve okuyabileceği hiçbir şey saklamaz.
footer-form = JavaScript açıkken bu form tarayıcınızda şifreler ve sunucu sırrı hiçbir zaman görmez. JavaScript olmadan sunucu şifreler (SnapPass biçimi) ve isteği işlerken sırrı görür.
form-passphrase-label = Parola ifadesi (isteğe bağlı)
form-passphrase-hint = Alıcının da bunu yazması gerekir. Tarayıcınızdan hiçbir zaman çıkmaz; bağlantıdan ayrı olarak gönderin.
form-working = Tarayıcınızda şifreleniyor…
form-failed = Sır oluşturulamadı; hiçbir şey saklanmadı. Lütfen yeniden deneyin.
link-kind-zk = Sıfır bilgili bağlantı: tarayıcınızda şifrelendi. Anahtar, # işaretinden sonraki kısımdır ve sunucuya hiçbir zaman gönderilmez.
link-kind-server = Sunucu tarafından şifrelenmiş bağlantı (SnapPass biçimi): sırrı sunucu şifreledi. Sunucu sırrı bağlantıyı oluştururken gördü ve bağlantı açıldığında yeniden görecek; okuyabileceği hiçbir şey saklamaz.
link-passphrase-note = Bu bağlantı için parola ifadesi de gerekir. Onu başka bir kanaldan gönderin.
zk-preview-intro = Bu sır, gönderenin tarayıcısında şifrelendi ve sizinkinde çözülür: sunucu onu okuyamaz. Yalnızca güvenli bir yere kaydetmeye hazır olduğunuzda gösterin.
zk-needs-js = Bu bağlantıyı açmak için JavaScript gerekir: sır, bağlantıdaki anahtarla tarayıcınızda çözülür ve sunucu bu anahtarı hiçbir zaman almaz. Hiçbir şey gösterilmedi veya kullanılmadı. Bu sitede JavaScript özelliğini açın ya da bağlantıyı hushlink komut satırı istemcisiyle açın (hushlink get).
zk-needs-https = Bu sayfa burada şifre çözemez: tarayıcılar gereken kriptografiye yalnızca HTTPS üzerinde (veya localhost için) izin verir. Hiçbir şey gösterilmedi veya kullanılmadı. Bağlantıyı HTTPS üzerinden ya da hushlink komut satırı istemcisiyle açın (hushlink get).
zk-passphrase-label = Parola ifadesi
zk-working = Şifre çözülüyor…
zk-wrong-passphrase = Yanlış parola ifadesi. Hiçbir şey gösterilmedi ve bağlantı hâlâ çalışıyor. Kalan deneme: { $n }.
zk-destroyed = Çok fazla yanlış parola ifadesi: sır yok edildi ve bağlantı artık çalışmıyor.
zk-decrypt-failed = Sır ulaştı ancak şifresi çözülemedi: değiştirilmiş olabilir. Gönderenden yeniden paylaşmasını isteyin.
zk-binary = Bu sır bir dosyadır (ikili veri).
zk-download = İndir

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Sır göndermek için oturum açın
signin-intro = Burada yalnızca bu kuruluşun çalışanları sır oluşturabilir. Bağlantıya sahip herkes hesap olmadan da açabilir.
signin-button = Oturum aç
signin-unavailable = Oturum açma şu anda kullanılamıyor, bu yüzden sır oluşturulamıyor. Birkaç dakika sonra yeniden deneyin.
signin-refused = Hesabınızın burada sır göndermesine izin verilmiyor. Gerekirse yöneticinize danışın.
signin-failed = Oturum açma tamamlanmadı. Lütfen baştan başlayın.
signed-in-as = Oturum açan:
sign-out = Oturumu kapat
keys-link = API anahtarlarım
keys-heading = API anahtarlarınız
keys-intro = Komut satırı istemcisi ve betikler için anahtarlar: yalnızca sır oluşturabilirler. Yeni bir anahtar yalnızca bir kez gösterilir.
keys-name-label = Anahtar adı
keys-create = Anahtar oluştur
keys-new = Yeni anahtarınız. Şimdi kopyalayın: bir daha gösterilmeyecek.
keys-none = Henüz API anahtarınız yok.
keys-revoke = İptal et
keys-invalid = Başka bir ad seçin: 1 ile 64 arası harf, rakam, nokta, tire veya alt çizgi; henüz kullanılmayan.
