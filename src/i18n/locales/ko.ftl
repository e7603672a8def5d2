# hushlink: the pages' strings in Korean.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · 비밀 공유
brand = hushlink
tagline = 한 번만 열리는 링크로 비밀을 공유하세요.
footer = 서버에서 암호화됩니다(SnapPass 형식). 키는 링크 안에만 있습니다. 서버는 비밀을 만들고 보여 주는 동안 비밀을 보며, 자신이 읽을 수 있는 것은 아무것도 보관하지 않습니다.

form-heading = 비밀 공유하기
form-intro = 비밀번호나 다른 비밀을 붙여 넣으세요. 한 번 보여 주는 링크가 만들어지고, 그 후 비밀은 삭제됩니다.
form-secret-label = 비밀
form-secret-placeholder = 여기에 비밀을 입력하거나 붙여 넣으세요
form-ttl-label = 만료 기간
ttl-two-weeks = 2주
ttl-week = 1주
ttl-day = 1일
ttl-hour = 1시간
form-views-label = 허용 조회 수
form-views-hint = 비밀이 삭제되기 전까지 링크를 열 수 있는 횟수입니다.
form-submit = 링크 만들기
form-too-large = 이 비밀의 크기는 { $size }바이트이지만, 이 서버는 최대 { $limit }바이트까지만 받습니다. 아무것도 저장되지 않았습니다. 줄이거나 여러 부분으로 나누세요.
form-views-invalid = 허용 조회 수는 1부터 100까지의 정수여야 합니다.
form-kept = 비밀은 아래 양식에 그대로 있습니다. 아무것도 저장되지 않았습니다.

link-heading = 링크가 준비되었습니다
link-intro = 비밀이 필요한 사람에게 이 링크를 보내세요. 허용한 횟수만큼만 열리며, 기간이 지나면 저절로 만료됩니다.
link-label = 비밀 링크
link-qr-label = 링크의 QR 코드
link-another = 다른 비밀 공유하기

copy = 복사
copied = 복사됨

preview-heading = 누군가 비밀을 공유했습니다
preview-intro = 안전한 곳에 저장할 준비가 되었을 때만 표시하세요. 한 번 표시하면 영영 사라질 수 있습니다.
preview-views-left = 남은 조회 수: { $n }
preview-reveal = 비밀 표시

reveal-heading = 공유된 비밀
reveal-label = 비밀
reveal-gone = 이 비밀은 이제 서버에서 삭제되었고, 링크는 더 이상 작동하지 않습니다. 이 페이지를 떠나기 전에 안전한 곳에 저장하세요.
reveal-views-left = 이 링크의 남은 조회 수: { $n }

not-found-heading = 비밀을 찾을 수 없습니다
not-found-body = 이 링크에는 비밀이 없습니다. 이미 조회되었거나, 만료되었거나, 처음부터 없었을 수 있습니다.
not-found-hint = 누군가 이 링크를 보냈다면, 비밀을 다시 공유해 달라고 요청하세요.

damaged-heading = 이 링크는 손상되었거나 불완전합니다
damaged-body = 이 링크는 비밀을 가리키지만 일부가 빠졌거나 바뀌어서 비밀을 열 수 없습니다. 비밀은 삭제되지 않았습니다. 링크 전체를 다시 복사하거나, 보낸 사람에게 다시 보내 달라고 요청하세요.

invalid-heading = 빠진 항목이 있습니다
invalid-body = 비밀을 입력하고 유지 기간을 선택하세요.

bad-request-heading = 이 요청에는 응답할 수 없습니다
bad-request-body = 이 주소는 그런 방식으로 쓰지 않거나, 요청에 이 서버가 링크에 넣을 수 없는 호스트가 지정되어 있습니다. 홈페이지에서 다시 시작하세요.

too-large-heading = 비밀이 너무 큽니다
too-large-body = 이 서버는 최대 { $limit }바이트까지의 비밀만 받습니다. 아무것도 저장되지 않았습니다. 더 작은 비밀을 공유하거나 나누어 공유하세요.

unavailable-heading = 일시적으로 사용할 수 없습니다
unavailable-body = 지금은 서버가 저장소에 연결할 수 없습니다. 아무것도 변경되지 않았습니다. 잠시 후 다시 시도하세요.
over-quota-heading = 저장 용량 한도에 도달했습니다
over-quota-body = 이 서버는 이미 저장 용량 한도만큼 비밀을 보관하고 있습니다. 아무것도 저장되지 않았습니다. 비밀이 열리거나 만료되면 공간이 생깁니다. 나중에 다시 시도하세요.
too-many-creates-heading = 비밀이 너무 많습니다
too-many-creates-body = 이 주소에서 너무 많은 비밀이 만들어졌습니다. 아무것도 저장되지 않았습니다. { $n }초 후에 다시 시도하세요.

link-receipt = 이 비밀 추적 또는 삭제 (이 링크는 혼자만 보관하세요)
receipt-heading = 비밀에 일어난 일
receipt-intro = 이 페이지는 보낸 사람 전용입니다. 주소를 다른 사람과 공유하지 마세요. 비밀에 무슨 일이 있었는지 보여 주지만, 비밀 자체나 누가 열었는지는 절대 보여 주지 않습니다.
receipt-state-available = 아직 사용 가능: 링크가 작동합니다.
receipt-state-viewed = 조회됨: 모든 조회 횟수를 사용했고 비밀은 삭제되었습니다.
receipt-state-burned = 보낸 사람이 삭제함: 링크가 더 이상 작동하지 않습니다.
receipt-state-expired = 만료됨: 시간이 다 되어 비밀이 삭제되었습니다.
receipt-state-destroyed = 잘못된 암호 문구가 너무 많아 파기됨: 링크가 더 이상 작동하지 않습니다.
receipt-created = 생성
receipt-expires = 만료
receipt-views-used = 사용한 조회 수: { $n }
receipt-history = 기록
receipt-no-events = 아직 아무 일도 없었습니다.
event-viewed = 열림
event-passphrase-failed = 잘못된 암호 문구
event-burned = 보낸 사람이 삭제함
event-expired = 만료됨
event-destroyed = 파기됨
receipt-delete = 지금 삭제
receipt-delete-note = 삭제는 되돌릴 수 없습니다. 링크는 즉시 모든 사람에게 작동을 멈춥니다.
receipt-not-found = 영수증을 찾을 수 없습니다. 처음부터 없었거나 보관 기간이 지났습니다.

back-home = 처음으로 돌아가기

## Zero-knowledge links

footer-zk = 브라우저에서 암호화됩니다. 키는 링크 안의 # 뒤 부분에만 있으며, 브라우저는 이 부분을 절대 보내지 않습니다. 서버는 비밀을 절대 보지 않으며, 자신이 읽을 수 있는 것은 아무것도 보관하지 않습니다.
footer-form = JavaScript가 켜져 있으면 이 양식은 브라우저에서 암호화하며 서버는 비밀을 절대 보지 않습니다. JavaScript가 없으면 서버가 암호화하고(SnapPass 형식) 요청을 처리하는 동안 비밀을 봅니다.
form-passphrase-label = 암호 문구(선택 사항)
form-passphrase-hint = 받는 사람도 이것을 입력해야 합니다. 브라우저 밖으로 절대 나가지 않습니다. 링크와 따로 보내세요.
form-working = 브라우저에서 암호화하는 중…
form-failed = 비밀을 만들 수 없었습니다. 아무것도 저장되지 않았습니다. 다시 시도하세요.
link-kind-zk = 영지식 링크: 브라우저에서 암호화되었습니다. 키는 # 뒤의 부분이며, 서버로 절대 전송되지 않습니다.
link-kind-server = 서버 암호화 링크(SnapPass 형식): 서버가 비밀을 암호화했습니다. 서버는 링크를 만들 때 비밀을 보았고, 링크가 열릴 때 다시 보게 됩니다. 자신이 읽을 수 있는 것은 아무것도 보관하지 않습니다.
link-passphrase-note = 이 링크에는 암호 문구도 필요합니다. 암호 문구는 다른 경로로 보내세요.
zk-preview-intro = 이 비밀은 보낸 사람의 브라우저에서 암호화되었고 지금 사용하는 브라우저에서 복호화됩니다. 서버는 이를 읽을 수 없습니다. 안전한 곳에 저장할 준비가 되었을 때만 표시하세요.
zk-needs-js = 이 링크를 열려면 JavaScript가 필요합니다. 비밀은 링크 안의 키로 브라우저에서 복호화되며, 서버는 이 키를 절대 받지 않습니다. 아무것도 표시되거나 사용되지 않았습니다. 이 사이트에서 JavaScript를 켜거나, hushlink 명령줄 클라이언트(hushlink get)로 링크를 여세요.
zk-needs-https = 이 페이지는 여기서 복호화할 수 없습니다. 브라우저는 필요한 암호 기능을 HTTPS(또는 localhost)에서만 허용합니다. 아무것도 표시되거나 사용되지 않았습니다. HTTPS로 링크를 열거나, hushlink 명령줄 클라이언트(hushlink get)로 여세요.
zk-passphrase-label = 암호 문구
zk-working = 복호화하는 중…
zk-wrong-passphrase = 암호 문구가 틀렸습니다. 아무것도 표시되지 않았으며 링크는 아직 작동합니다. 남은 시도 횟수: { $n }
zk-destroyed = 암호 문구를 너무 많이 틀렸습니다. 비밀은 파기되었고 링크는 더 이상 작동하지 않습니다.
zk-decrypt-failed = 비밀이 도착했지만 복호화할 수 없었습니다. 변조되었을 수 있습니다. 보낸 사람에게 다시 공유해 달라고 요청하세요.
zk-binary = 이 비밀은 파일(바이너리 데이터)입니다.
zk-download = 다운로드

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = 비밀을 보내려면 로그인하세요
signin-intro = 여기서는 이 조직의 구성원만 비밀을 만들 수 있습니다. 링크가 있는 사람은 누구나 계정 없이 계속 열 수 있습니다.
signin-button = 로그인
signin-unavailable = 지금은 로그인할 수 없어 비밀을 만들 수 없습니다. 몇 분 후에 다시 시도하세요.
signin-refused = 이 계정은 여기서 비밀을 보낼 수 없습니다. 필요하면 관리자에게 문의하세요.
signin-failed = 로그인이 완료되지 않았습니다. 처음부터 다시 시작하세요.
signed-in-as = 로그인한 사용자:
sign-out = 로그아웃
keys-link = 내 API 키
keys-heading = 내 API 키 목록
keys-intro = 명령줄 클라이언트와 스크립트용 키입니다. 비밀을 만드는 것만 할 수 있습니다. 새 키는 한 번만 표시됩니다.
keys-name-label = 키 이름
keys-create = 키 만들기
keys-new = 새 키입니다. 지금 복사하세요. 다시 표시되지 않습니다.
keys-none = 아직 API 키가 없습니다.
keys-revoke = 폐기
keys-invalid = 다른 이름을 고르세요. 영문자, 숫자, 마침표, 하이픈, 밑줄 1~64자이며 아직 쓰이지 않은 이름이어야 합니다.
