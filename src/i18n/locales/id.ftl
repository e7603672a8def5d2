# hushlink: the pages' strings in Indonesian.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · bagikan rahasia
brand = hushlink
tagline = Bagikan rahasia lewat tautan yang hanya berfungsi sekali.
footer = Dienkripsi oleh server (format SnapPass). Kunci hanya ada di dalam tautan; server melihat rahasia saat membuat dan menampilkannya, dan tidak menyimpan apa pun yang dapat dibacanya.

form-heading = Bagikan rahasia
form-intro = Tempel kata sandi atau rahasia lainnya. Anda akan mendapat tautan yang menampilkannya sekali, lalu rahasia itu dihapus.
form-secret-label = Rahasia
form-secret-placeholder = Ketik atau tempel rahasia di sini
form-ttl-label = Kedaluwarsa setelah
ttl-two-weeks = Dua minggu
ttl-week = Satu minggu
ttl-day = Satu hari
ttl-hour = Satu jam
form-views-label = Jumlah tampilan yang diizinkan
form-views-hint = Berapa kali tautan boleh dibuka sebelum rahasia dihapus.
form-submit = Buat tautan
form-too-large = Rahasia ini berukuran { $size } byte, sedangkan server ini hanya menerima maksimal { $limit } byte. Tidak ada yang disimpan: perpendek rahasia itu, atau pecah menjadi beberapa bagian.
form-views-invalid = Jumlah tampilan yang diizinkan harus berupa bilangan bulat dari 1 sampai 100.
form-kept = Rahasia Anda masih ada di formulir di bawah; tidak ada yang disimpan.

link-heading = Tautan Anda sudah siap
link-intro = Kirim tautan ini kepada orang yang membutuhkan rahasia itu. Tautan hanya berfungsi sebanyak yang Anda izinkan, dan kedaluwarsa dengan sendirinya.
link-label = Tautan rahasia
link-qr-label = Kode QR tautan
link-another = Bagikan rahasia lain

copy = Salin
copied = Tersalin

preview-heading = Seseorang membagikan rahasia kepada Anda
preview-intro = Tampilkan hanya jika Anda siap menyimpannya di tempat yang aman: setelah ditampilkan, rahasia ini mungkin hilang selamanya.
preview-views-left = Sisa tampilan: { $n }
preview-reveal = Tampilkan rahasia

reveal-heading = Rahasia Anda
reveal-label = Rahasia
reveal-gone = Rahasia ini kini telah dihapus dari server, dan tautannya tidak berfungsi lagi. Simpan di tempat yang aman sebelum meninggalkan halaman ini.
reveal-views-left = Sisa tampilan untuk tautan ini: { $n }.

not-found-heading = Rahasia tidak ditemukan
not-found-body = Tautan ini tidak berisi rahasia. Mungkin sudah dilihat, sudah kedaluwarsa, atau memang tidak pernah ada.
not-found-hint = Jika seseorang mengirimi Anda tautan ini, minta dia membagikan rahasia itu lagi.

damaged-heading = Tautan ini rusak atau tidak lengkap
damaged-body = Tautan ini mengarah ke sebuah rahasia, tetapi sebagiannya hilang atau berubah, sehingga rahasia tidak dapat dibuka. Rahasia tidak dihapus: salin lagi tautan secara utuh, atau minta pengirim mengirimkannya kembali.

invalid-heading = Ada yang kurang
invalid-body = Masukkan rahasia dan pilih berapa lama rahasia itu berlaku.

bad-request-heading = Permintaan ini tidak dapat dijawab
bad-request-body = Alamat ini tidak digunakan dengan cara itu, atau permintaan menyebut host yang tidak dapat dimasukkan server ini ke dalam tautan. Mulai lagi dari halaman beranda.

too-large-heading = Rahasia terlalu besar
too-large-body = Server ini menerima rahasia berukuran maksimal { $limit } byte. Tidak ada yang disimpan: bagikan rahasia yang lebih kecil, atau pecah menjadi beberapa bagian.

unavailable-heading = Tidak tersedia untuk sementara
unavailable-body = Server tidak dapat menjangkau penyimpanannya saat ini. Tidak ada yang diubah. Silakan coba lagi sebentar lagi.
over-quota-heading = Kuota penyimpanan sudah penuh
over-quota-body = Server ini sudah menyimpan rahasia sebanyak yang diizinkan kuota penyimpanannya. Tidak ada yang disimpan. Ruang akan tersedia lagi saat rahasia dibuka atau kedaluwarsa: silakan coba lagi nanti.
too-many-creates-heading = Terlalu banyak rahasia
too-many-creates-body = Terlalu banyak rahasia dibuat dari alamat ini. Tidak ada yang disimpan. Silakan coba lagi dalam { $n } detik.

link-receipt = Lacak atau hapus rahasia ini (simpan tautan ini untuk Anda sendiri)
receipt-heading = Apa yang terjadi pada rahasia Anda
receipt-intro = Halaman ini hanya untuk pengirim: simpan alamatnya untuk Anda sendiri. Halaman ini menunjukkan apa yang terjadi pada rahasia, tidak pernah rahasianya sendiri atau siapa yang membukanya.
receipt-state-available = Masih tersedia: tautan berfungsi.
receipt-state-viewed = Dilihat: semua tampilan sudah terpakai dan rahasia telah dihapus.
receipt-state-burned = Dihapus oleh pengirim: tautan tidak berfungsi lagi.
receipt-state-expired = Kedaluwarsa: waktunya habis dan rahasia telah dihapus.
receipt-state-destroyed = Dimusnahkan setelah terlalu banyak frasa sandi yang salah: tautan tidak berfungsi lagi.
receipt-created = Dibuat
receipt-expires = Kedaluwarsa pada
receipt-views-used = Tampilan terpakai: { $n }
receipt-history = Riwayat
receipt-no-events = Belum ada yang terjadi padanya.
event-viewed = Dibuka
event-passphrase-failed = Frasa sandi salah
event-burned = Dihapus oleh pengirim
event-expired = Kedaluwarsa
event-destroyed = Dimusnahkan
receipt-delete = Hapus sekarang
receipt-delete-note = Penghapusan tidak dapat dibatalkan: tautan langsung berhenti berfungsi, untuk semua orang.
receipt-not-found = Tanda terima tidak ditemukan: tidak pernah ada, atau sudah melewati masa simpannya.

back-home = Kembali ke awal

## Zero-knowledge links

footer-zk = Dienkripsi di browser. Kunci hanya ada di dalam tautan, setelah tanda #, yang tidak pernah dikirim oleh browser: server tidak pernah melihat rahasia dan tidak menyimpan apa pun yang dapat dibacanya.
footer-form = Jika JavaScript aktif, formulir ini mengenkripsi di browser Anda dan server tidak pernah melihat rahasia. Tanpa JavaScript, server yang mengenkripsi (format SnapPass) dan melihat rahasia selama melayani permintaan.
form-passphrase-label = Frasa sandi (opsional)
form-passphrase-hint = Penerima juga harus mengetikkannya. Frasa ini tidak pernah meninggalkan browser Anda; kirimkan terpisah dari tautan.
form-working = Mengenkripsi di browser Anda…
form-failed = Rahasia tidak dapat dibuat; tidak ada yang disimpan. Silakan coba lagi.
link-kind-zk = Tautan tanpa pengetahuan (zero-knowledge): dienkripsi di browser Anda. Kuncinya adalah bagian setelah tanda #, yang tidak pernah dikirim ke server.
link-kind-server = Tautan yang dienkripsi server (format SnapPass): server mengenkripsi rahasia ini. Server melihat rahasia saat membuat tautan dan akan melihatnya lagi saat tautan dibuka; server tidak menyimpan apa pun yang dapat dibacanya.
link-passphrase-note = Tautan ini juga memerlukan frasa sandi. Kirimkan melalui saluran lain.
zk-preview-intro = Rahasia ini dienkripsi di browser pengirim dan didekripsi di browser Anda: server tidak dapat membacanya. Tampilkan hanya jika Anda siap menyimpannya di tempat yang aman.
zk-needs-js = Membuka tautan ini memerlukan JavaScript: rahasia didekripsi di browser Anda dengan kunci di dalam tautan, yang tidak pernah diterima server. Belum ada yang ditampilkan atau dipakai. Aktifkan JavaScript untuk situs ini, atau buka tautan dengan klien baris perintah hushlink (hushlink get).
zk-needs-https = Halaman ini tidak dapat mendekripsi di sini: browser hanya mengizinkan kriptografi yang dibutuhkannya melalui HTTPS (atau di localhost). Belum ada yang ditampilkan atau dipakai. Buka tautan melalui HTTPS, atau dengan klien baris perintah hushlink (hushlink get).
zk-passphrase-label = Frasa sandi
zk-working = Mendekripsi…
zk-wrong-passphrase = Frasa sandi salah. Tidak ada yang ditampilkan dan tautan masih berfungsi. Sisa percobaan: { $n }.
zk-destroyed = Terlalu banyak frasa sandi yang salah: rahasia telah dimusnahkan dan tautan tidak berfungsi lagi.
zk-decrypt-failed = Rahasia sudah diterima tetapi tidak dapat didekripsi: mungkin telah diubah. Minta pengirim membagikannya lagi.
zk-binary = Rahasia ini berupa berkas (data biner).
zk-download = Unduh

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Masuk untuk mengirim rahasia
signin-intro = Hanya orang dari organisasi ini yang dapat membuat rahasia di sini. Siapa pun yang memegang tautan tetap dapat membukanya, tanpa akun.
signin-button = Masuk
signin-unavailable = Masuk sedang tidak tersedia, jadi rahasia tidak dapat dibuat. Coba lagi dalam beberapa menit.
signin-refused = Akun Anda tidak diizinkan mengirim rahasia di sini. Tanyakan kepada administrator jika perlu.
signin-failed = Proses masuk tidak selesai. Silakan mulai lagi.
signed-in-as = Masuk sebagai
sign-out = Keluar
keys-link = Kunci API saya
keys-heading = Kunci API Anda
keys-intro = Kunci untuk klien baris perintah dan skrip: hanya dapat membuat rahasia, tidak lebih. Kunci baru hanya ditampilkan sekali.
keys-name-label = Nama kunci
keys-create = Buat kunci
keys-new = Kunci baru Anda. Salin sekarang: kunci ini tidak akan ditampilkan lagi.
keys-none = Anda belum memiliki kunci API.
keys-revoke = Cabut
keys-invalid = Pilih nama lain: 1 sampai 64 huruf, angka, titik, tanda hubung, atau garis bawah, yang belum dipakai.
