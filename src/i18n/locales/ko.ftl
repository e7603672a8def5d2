# hushlink: the pages' strings in Korean.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · 비밀 공유
brand = hushlink
tagline = 한 번만 열리는 링크로 비밀을 공유하세요.
footer = 비밀을 여는 키는 링크 안에만 있습니다. 서버는 자신이 읽을 수 있는 것을 아무것도 보관하지 않습니다.

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
