# hushlink: the pages' strings in Japanese.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · 秘密を共有
brand = hushlink
tagline = 一度だけ使えるリンクで秘密を共有します。
footer = サーバーで暗号化されます（SnapPass形式）。鍵はリンクの中にしかありません。サーバーは秘密を作成するときと表示するときにその内容を見ますが、自分で読めるものは何も保存しません。

form-heading = 秘密を共有する
form-intro = パスワードなどの秘密を貼り付けてください。一度だけ表示できるリンクが作成され、表示後に秘密は削除されます。
form-secret-label = 秘密
form-secret-placeholder = ここに秘密を入力または貼り付け
form-ttl-label = 有効期間
ttl-two-weeks = 2週間
ttl-week = 1週間
ttl-day = 1日
ttl-hour = 1時間
form-views-label = 表示できる回数
form-views-hint = 秘密が削除されるまでに、リンクを開ける回数です。
form-submit = リンクを作成
form-too-large = この秘密は{ $size }バイトですが、このサーバーが受け付けるのは最大{ $limit }バイトです。何も保存されていません。短くするか、いくつかに分割してください。
form-views-invalid = 表示できる回数は、1から100までの整数で指定してください。
form-kept = 秘密は下のフォームに残っています。何も保存されていません。

link-heading = リンクの準備ができました
link-intro = 秘密が必要な人にこのリンクを送ってください。許可した回数だけ使え、期限が来ると自動的に無効になります。
link-label = 秘密のリンク
link-qr-label = リンクのQRコード
link-another = 別の秘密を共有する

copy = コピー
copied = コピーしました

preview-heading = 秘密が共有されました
preview-intro = 安全な場所に保存できるときにだけ表示してください。一度表示すると、二度と見られないことがあります。
preview-views-left = 残りの表示回数：{ $n }
preview-reveal = 秘密を表示

reveal-heading = 共有された秘密
reveal-label = 秘密
reveal-gone = この秘密はサーバーから削除され、リンクはもう使えません。このページを離れる前に、安全な場所に保存してください。
reveal-views-left = このリンクの残りの表示回数：{ $n }

not-found-heading = 秘密が見つかりません
not-found-body = このリンクには秘密がありません。すでに表示されたか、期限が切れたか、最初から存在しなかった可能性があります。
not-found-hint = このリンクを受け取った場合は、送り主にもう一度共有してもらってください。

damaged-heading = このリンクは壊れているか、不完全です
damaged-body = このリンクは秘密を指していますが、一部が欠けているか変更されているため、秘密を開けません。秘密は削除されていません。リンク全体をもう一度コピーするか、送り主に送り直してもらってください。

invalid-heading = 入力が足りません
invalid-body = 秘密を入力し、有効期間を選んでください。

bad-request-heading = このリクエストには応答できません
bad-request-body = このアドレスはそのようには使えません。または、このサーバーがリンクに入れられないホストがリクエストで指定されています。トップページからやり直してください。

too-large-heading = 秘密が大きすぎます
too-large-body = このサーバーが受け付ける秘密の大きさは最大{ $limit }バイトです。何も保存されていません。小さな秘密を共有するか、分割してください。

unavailable-heading = 一時的に利用できません
unavailable-body = サーバーが現在ストレージに接続できません。何も変更されていません。しばらくしてからもう一度お試しください。
over-quota-heading = 保存容量の上限に達しました
over-quota-body = このサーバーは、保存容量の上限まで秘密をすでに保管しています。何も保存されていません。秘密が開かれるか期限切れになると空きができます。後でもう一度お試しください。
too-many-creates-heading = 秘密が多すぎます
too-many-creates-body = このアドレスから作成された秘密が多すぎます。何も保存されていません。{ $n }秒後にもう一度お試しください。

link-receipt = この秘密を追跡または削除する（このリンクは自分だけで保管してください）
receipt-heading = 秘密に起きたこと
receipt-intro = このページは送信者専用です。アドレスは他人に教えないでください。秘密に何が起きたかを表示しますが、秘密そのものや、誰が開いたかは表示しません。
receipt-state-available = まだ利用できます：リンクは有効です。
receipt-state-viewed = 表示済み：すべての表示回数が使われ、秘密は削除されました。
receipt-state-burned = 送信者が削除しました：リンクはもう使えません。
receipt-state-expired = 期限切れ：有効期限が過ぎ、秘密は削除されました。
receipt-state-destroyed = 誤ったパスフレーズが多すぎたため破棄されました：リンクはもう使えません。
receipt-created = 作成日時
receipt-expires = 有効期限
receipt-views-used = 使用済みの表示回数：{ $n }
receipt-history = 履歴
receipt-no-events = まだ何も起きていません。
event-viewed = 表示
event-passphrase-failed = 誤ったパスフレーズ
event-burned = 送信者が削除
event-expired = 期限切れ
event-destroyed = 破棄
receipt-delete = 今すぐ削除
receipt-delete-note = 削除は取り消せません。リンクは直ちに、誰にとっても使えなくなります。
receipt-not-found = 受領記録が見つかりません：存在しなかったか、保存期間を過ぎています。

back-home = 最初に戻る

## Zero-knowledge links

footer-zk = ブラウザーで暗号化されます。鍵はリンクの中の#より後ろの部分にしかなく、ブラウザーはこの部分を決して送信しません。サーバーが秘密を見ることは決してなく、自分で読めるものは何も保存しません。
footer-form = JavaScriptが有効なら、このフォームはお使いのブラウザーで暗号化し、サーバーが秘密を見ることは決してありません。無効な場合はサーバーが暗号化し（SnapPass形式）、リクエストを処理する間は秘密を見ます。
form-passphrase-label = パスフレーズ（任意）
form-passphrase-hint = 受け取る人もこれを入力する必要があります。お使いのブラウザーの外には出ません。リンクとは別に送ってください。
form-working = ブラウザーで暗号化しています…
form-failed = 秘密を作成できませんでした。何も保存されていません。もう一度お試しください。
link-kind-zk = ゼロ知識リンク：お使いのブラウザーで暗号化されています。鍵は#より後ろの部分で、サーバーに送信されることはありません。
link-kind-server = サーバー暗号化リンク（SnapPass形式）：サーバーが秘密を暗号化しました。サーバーはリンクの作成時に秘密を見ており、リンクが開かれるときにも再び見ます。自分で読めるものは何も保存しません。
link-passphrase-note = このリンクにはパスフレーズも必要です。パスフレーズは別の経路で送ってください。
zk-preview-intro = この秘密は送り主のブラウザーで暗号化され、あなたのブラウザーで復号されます。サーバーは読めません。安全な場所に保存できるときにだけ表示してください。
zk-needs-js = このリンクを開くにはJavaScriptが必要です。秘密はリンク内の鍵を使ってお使いのブラウザーで復号され、その鍵をサーバーが受け取ることはありません。まだ何も表示も消費もされていません。このサイトでJavaScriptを有効にするか、hushlinkのコマンドラインクライアント（hushlink get）でリンクを開いてください。
zk-needs-https = このページはここでは復号できません。必要な暗号機能をブラウザーが許可するのはHTTPS（またはlocalhost）の場合だけです。まだ何も表示も消費もされていません。HTTPSでリンクを開くか、hushlinkのコマンドラインクライアント（hushlink get）で開いてください。
zk-passphrase-label = パスフレーズ
zk-working = 復号しています…
zk-wrong-passphrase = パスフレーズが違います。何も表示されておらず、リンクはまだ使えます。残りの試行回数：{ $n }
zk-destroyed = パスフレーズの誤りが多すぎたため、秘密は破棄され、リンクはもう使えません。
zk-decrypt-failed = 秘密は届きましたが、復号できませんでした。改ざんされた可能性があります。送り主にもう一度共有してもらってください。
zk-binary = この秘密はファイル（バイナリデータ）です。
zk-download = ダウンロードする

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = シークレットを送るにはサインインしてください
signin-intro = ここでシークレットを作成できるのはこの組織のメンバーだけです。リンクを持っている人は、アカウントなしで引き続き開けます。
signin-button = サインイン
signin-unavailable = 現在サインインできないため、シークレットを作成できません。数分後にもう一度お試しください。
signin-refused = このアカウントにはここでシークレットを送る権限がありません。必要な場合は管理者にお問い合わせください。
signin-failed = サインインが完了しませんでした。最初からやり直してください。
signed-in-as = サインイン中:
sign-out = サインアウト
keys-link = 自分の API キー
keys-heading = あなたの API キー
keys-intro = コマンドラインクライアントやスクリプト用のキーです。シークレットの作成だけができます。新しいキーは一度だけ表示されます。
keys-name-label = キーの名前
keys-create = キーを作成
keys-new = 新しいキーです。今すぐコピーしてください。二度と表示されません。
keys-none = API キーはまだありません。
keys-revoke = 無効にする
keys-invalid = 別の名前を選んでください。英数字・ピリオド・ハイフン・アンダースコアで 1〜64 文字、未使用のもの。
