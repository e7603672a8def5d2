# hushlink: the pages' strings in Vietnamese.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · chia sẻ bí mật
brand = hushlink
tagline = Chia sẻ bí mật qua một liên kết chỉ dùng được một lần.
footer = Được máy chủ mã hóa (định dạng SnapPass). Khóa chỉ nằm trong liên kết; máy chủ thấy bí mật trong lúc tạo và hiển thị nó, và không lưu bất cứ thứ gì mà nó có thể đọc được.

form-heading = Chia sẻ bí mật
form-intro = Dán mật khẩu hoặc bất kỳ bí mật nào khác. Bạn sẽ nhận được một liên kết hiển thị nó một lần, sau đó bí mật bị xóa.
form-secret-label = Bí mật
form-secret-placeholder = Nhập hoặc dán bí mật vào đây
form-ttl-label = Hết hạn sau
ttl-two-weeks = Hai tuần
ttl-week = Một tuần
ttl-day = Một ngày
ttl-hour = Một giờ
form-views-label = Số lần xem cho phép
form-views-hint = Số lần liên kết có thể được mở trước khi bí mật bị xóa.
form-submit = Tạo liên kết
form-too-large = Bí mật này dài { $size } byte, trong khi máy chủ này chỉ nhận tối đa { $limit } byte. Chưa có gì được lưu: hãy rút ngắn nó hoặc chia nó thành nhiều phần.
form-views-invalid = Số lần xem cho phép phải là số nguyên từ 1 đến 100.
form-kept = Bí mật của bạn vẫn còn trong biểu mẫu bên dưới; chưa có gì được lưu.

link-heading = Liên kết của bạn đã sẵn sàng
link-intro = Gửi liên kết này cho người cần bí mật. Liên kết chỉ dùng được đúng số lần bạn cho phép và tự hết hạn.
link-label = Liên kết bí mật
link-qr-label = Mã QR của liên kết
link-another = Chia sẻ bí mật khác

copy = Sao chép
copied = Đã sao chép

preview-heading = Có người đã chia sẻ một bí mật với bạn
preview-intro = Chỉ hiển thị khi bạn sẵn sàng lưu nó ở nơi an toàn: một khi đã hiển thị, nó có thể mất vĩnh viễn.
preview-views-left = Số lần xem còn lại: { $n }
preview-reveal = Hiển thị bí mật

reveal-heading = Bí mật của bạn
reveal-label = Bí mật
reveal-gone = Bí mật này vừa bị xóa khỏi máy chủ và liên kết không còn hoạt động. Hãy lưu nó ở nơi an toàn trước khi rời trang này.
reveal-views-left = Số lần xem còn lại của liên kết này: { $n }.

not-found-heading = Không tìm thấy bí mật
not-found-body = Liên kết này không chứa bí mật nào. Có thể nó đã được xem, đã hết hạn hoặc chưa từng tồn tại.
not-found-hint = Nếu có người gửi cho bạn liên kết này, hãy nhờ họ chia sẻ lại bí mật.

damaged-heading = Liên kết này bị hỏng hoặc không đầy đủ
damaged-body = Liên kết trỏ đến một bí mật, nhưng một phần của nó bị thiếu hoặc bị thay đổi nên không thể mở bí mật. Bí mật chưa bị xóa: hãy sao chép lại toàn bộ liên kết, hoặc nhờ người gửi gửi lại.

invalid-heading = Còn thiếu thông tin
invalid-body = Hãy nhập bí mật và chọn thời gian tồn tại của nó.

bad-request-heading = Không thể trả lời yêu cầu này
bad-request-body = Địa chỉ này không được dùng theo cách đó, hoặc yêu cầu đã nêu một host mà máy chủ này không thể đưa vào liên kết. Hãy bắt đầu lại từ trang chủ.

too-large-heading = Bí mật quá lớn
too-large-body = Máy chủ này chỉ nhận bí mật có kích thước tối đa { $limit } byte. Chưa có gì được lưu: hãy chia sẻ bí mật nhỏ hơn hoặc chia nó thành nhiều phần.

unavailable-heading = Tạm thời không khả dụng
unavailable-body = Máy chủ hiện không thể kết nối với kho lưu trữ. Không có gì thay đổi. Vui lòng thử lại sau giây lát.
over-quota-heading = Đã đạt hạn mức lưu trữ
over-quota-body = Máy chủ này đã giữ số bí mật tối đa mà hạn mức lưu trữ cho phép. Không có gì được lưu. Chỗ trống sẽ có lại khi các bí mật được mở hoặc hết hạn: vui lòng thử lại sau.
too-many-creates-heading = Quá nhiều bí mật
too-many-creates-body = Đã có quá nhiều bí mật được tạo từ địa chỉ này. Không có gì được lưu. Vui lòng thử lại sau { $n } giây.

link-receipt = Theo dõi hoặc xóa bí mật này (hãy giữ liên kết này cho riêng bạn)
receipt-heading = Điều gì đã xảy ra với bí mật của bạn
receipt-intro = Trang này chỉ dành cho người gửi: hãy giữ địa chỉ của nó cho riêng bạn. Trang cho biết điều gì đã xảy ra với bí mật, không bao giờ hiện chính bí mật hay ai đã mở nó.
receipt-state-available = Vẫn còn dùng được: liên kết hoạt động.
receipt-state-viewed = Đã xem: mọi lượt xem đã được dùng và bí mật đã bị xóa.
receipt-state-burned = Người gửi đã xóa: liên kết không còn hoạt động.
receipt-state-expired = Đã hết hạn: thời gian đã hết và bí mật đã bị xóa.
receipt-state-destroyed = Đã bị hủy sau quá nhiều lần nhập sai cụm mật khẩu: liên kết không còn hoạt động.
receipt-created = Tạo lúc
receipt-expires = Hết hạn lúc
receipt-views-used = Số lượt xem đã dùng: { $n }
receipt-history = Lịch sử
receipt-no-events = Chưa có gì xảy ra với nó.
event-viewed = Đã mở
event-passphrase-failed = Sai cụm mật khẩu
event-burned = Người gửi đã xóa
event-expired = Đã hết hạn
event-destroyed = Đã bị hủy
receipt-delete = Xóa ngay
receipt-delete-note = Không thể hoàn tác việc xóa: liên kết ngừng hoạt động ngay lập tức, với mọi người.
receipt-not-found = Không tìm thấy biên nhận: nó chưa từng tồn tại, hoặc đã quá thời hạn lưu giữ.

back-home = Quay lại trang đầu

## Zero-knowledge links

footer-zk = Được mã hóa trong trình duyệt. Khóa chỉ nằm trong liên kết, sau dấu #, phần mà trình duyệt không bao giờ gửi đi: máy chủ không bao giờ thấy bí mật và không lưu bất cứ thứ gì mà nó có thể đọc được.
footer-form = Khi bật JavaScript, biểu mẫu này mã hóa trong trình duyệt của bạn và máy chủ không bao giờ thấy bí mật. Khi không có JavaScript, máy chủ mã hóa (định dạng SnapPass) và thấy bí mật trong lúc xử lý yêu cầu.
form-passphrase-label = Cụm mật khẩu (không bắt buộc)
form-passphrase-hint = Người nhận cũng phải nhập cụm này. Nó không bao giờ rời khỏi trình duyệt của bạn; hãy gửi nó riêng, không kèm liên kết.
form-working = Đang mã hóa trong trình duyệt của bạn…
form-failed = Không thể tạo bí mật; chưa có gì được lưu. Vui lòng thử lại.
link-kind-zk = Liên kết không tiết lộ (zero-knowledge): được mã hóa trong trình duyệt của bạn. Khóa là phần sau dấu #, phần này không bao giờ được gửi đến máy chủ.
link-kind-server = Liên kết do máy chủ mã hóa (định dạng SnapPass): máy chủ đã mã hóa bí mật. Máy chủ đã thấy bí mật khi tạo liên kết và sẽ thấy lại khi liên kết được mở; nó không lưu bất cứ thứ gì mà nó có thể đọc được.
link-passphrase-note = Liên kết này còn cần cụm mật khẩu. Hãy gửi cụm mật khẩu qua một kênh khác.
zk-preview-intro = Bí mật này được mã hóa trong trình duyệt của người gửi và được giải mã trong trình duyệt của bạn: máy chủ không thể đọc nó. Chỉ hiển thị khi bạn sẵn sàng lưu nó ở nơi an toàn.
zk-needs-js = Cần JavaScript để mở liên kết này: bí mật được giải mã trong trình duyệt của bạn bằng khóa trong liên kết, thứ mà máy chủ không bao giờ nhận được. Chưa có gì được hiển thị hay sử dụng. Hãy bật JavaScript cho trang này, hoặc mở liên kết bằng ứng dụng dòng lệnh hushlink (hushlink get).
zk-needs-https = Trang này không thể giải mã tại đây: trình duyệt chỉ cho phép các chức năng mật mã mà trang cần trên HTTPS (hoặc localhost). Chưa có gì được hiển thị hay sử dụng. Hãy mở liên kết qua HTTPS, hoặc bằng ứng dụng dòng lệnh hushlink (hushlink get).
zk-passphrase-label = Cụm mật khẩu
zk-working = Đang giải mã…
zk-wrong-passphrase = Sai cụm mật khẩu. Chưa có gì được hiển thị và liên kết vẫn hoạt động. Số lần thử còn lại: { $n }.
zk-destroyed = Nhập sai cụm mật khẩu quá nhiều lần: bí mật đã bị hủy và liên kết không còn hoạt động.
zk-decrypt-failed = Bí mật đã đến nhưng không thể giải mã: có thể nó đã bị thay đổi. Hãy nhờ người gửi chia sẻ lại.
zk-binary = Bí mật này là một tệp (dữ liệu nhị phân).
zk-download = Tải xuống

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Đăng nhập để gửi bí mật
signin-intro = Chỉ người của tổ chức này mới có thể tạo bí mật ở đây. Bất kỳ ai có liên kết vẫn có thể mở nó mà không cần tài khoản.
signin-button = Đăng nhập
signin-unavailable = Hiện không thể đăng nhập nên chưa tạo được bí mật. Vui lòng thử lại sau vài phút.
signin-refused = Tài khoản của bạn không được phép gửi bí mật ở đây. Hãy hỏi quản trị viên nếu cần.
signin-failed = Đăng nhập chưa hoàn tất. Vui lòng bắt đầu lại.
signed-in-as = Đã đăng nhập với
sign-out = Đăng xuất
keys-link = Khóa API của tôi
keys-heading = Khóa API của bạn
keys-intro = Khóa cho ứng dụng dòng lệnh và tập lệnh: chỉ có thể tạo bí mật, không làm gì khác. Khóa mới chỉ được hiển thị một lần.
keys-name-label = Tên khóa
keys-create = Tạo khóa
keys-new = Khóa mới của bạn. Hãy sao chép ngay: khóa sẽ không được hiển thị lại.
keys-none = Bạn chưa có khóa API nào.
keys-revoke = Thu hồi
keys-invalid = Hãy chọn tên khác: 1 đến 64 chữ cái, chữ số, dấu chấm, gạch nối hoặc gạch dưới, chưa được dùng.
