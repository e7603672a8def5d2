# hushlink: the pages' strings in Indonesian.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · bagikan rahasia
brand = hushlink
tagline = Bagikan rahasia lewat tautan yang hanya berfungsi sekali.
footer = Kunci rahasia Anda hanya ada di dalam tautan. Server tidak menyimpan apa pun yang dapat dibacanya.

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
