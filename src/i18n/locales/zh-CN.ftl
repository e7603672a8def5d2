# hushlink: the pages' strings in Chinese (Simplified); also offered to
# readers asking for other Chinese variants.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · 分享秘密
brand = hushlink
tagline = 通过只能使用一次的链接分享秘密。
footer = 由服务器加密（SnapPass 格式）。密钥只存在于链接中；服务器在创建和显示秘密时能看到它，但不保存任何它能读取的内容。

form-heading = 分享秘密
form-intro = 粘贴密码或其他秘密。你会得到一个只能显示一次的链接，显示后秘密即被删除。
form-secret-label = 秘密
form-secret-placeholder = 在此输入或粘贴秘密
form-ttl-label = 有效期
ttl-two-weeks = 两周
ttl-week = 一周
ttl-day = 一天
ttl-hour = 一小时
form-views-label = 允许查看次数
form-views-hint = 秘密被删除前，链接可以打开的次数。
form-submit = 创建链接
form-too-large = 此秘密大小为{ $size }字节，而此服务器最多接受{ $limit }字节。未保存任何内容：请缩短它，或将其拆分成几部分。
form-views-invalid = 允许查看次数必须是1到100之间的整数。
form-kept = 你的秘密仍在下方的表单中；未保存任何内容。

link-heading = 链接已生成
link-intro = 把这个链接发给需要秘密的人。它只能按你允许的次数使用，到期后自动失效。
link-label = 秘密链接
link-qr-label = 链接的二维码
link-another = 再分享一个秘密

copy = 复制
copied = 已复制

preview-heading = 有人与你分享了一个秘密
preview-intro = 请在准备好将其保存到安全位置时再显示：一旦显示，它可能就永远消失了。
preview-views-left = 剩余查看次数：{ $n }
preview-reveal = 显示秘密

reveal-heading = 你的秘密
reveal-label = 秘密
reveal-gone = 此秘密已从服务器删除，链接已失效。离开此页面前，请将它保存到安全的地方。
reveal-views-left = 此链接剩余查看次数：{ $n }。

not-found-heading = 未找到秘密
not-found-body = 此链接中没有秘密。它可能已被查看、已过期，或从未存在。
not-found-hint = 如果是别人发给你的链接，请让对方重新分享一次。

damaged-heading = 此链接已损坏或不完整
damaged-body = 此链接指向一个秘密，但其中一部分缺失或被改动，因此无法打开秘密。秘密没有被删除：请重新复制完整的链接，或请发送者再发一次。

invalid-heading = 缺少内容
invalid-body = 请输入秘密，并选择它的有效期。

bad-request-heading = 无法响应此请求
bad-request-body = 此地址不能这样使用，或者请求中指定的主机无法被此服务器放入链接。请从首页重新开始。

too-large-heading = 秘密太大
too-large-body = 此服务器只接受不超过{ $limit }字节的秘密。未保存任何内容：请分享较小的秘密，或将其拆分。

unavailable-heading = 暂时无法使用
unavailable-body = 服务器目前无法连接到其存储。没有任何更改。请稍后再试。
over-quota-heading = 已达到存储配额
over-quota-body = 此服务器保存的秘密已达到其存储配额允许的上限。未保存任何内容。秘密被打开或过期后会腾出空间，请稍后再试。
too-many-creates-heading = 秘密太多
too-many-creates-body = 从此地址创建的秘密太多。未保存任何内容。请在 { $n } 秒后再试。

link-receipt = 跟踪或删除此秘密（请自己保管此链接）
receipt-heading = 你的秘密怎么样了
receipt-intro = 此页面仅供发送者使用：请勿把它的地址告诉别人。它显示秘密发生了什么，但绝不显示秘密本身或打开它的人。
receipt-state-available = 仍然可用：链接有效。
receipt-state-viewed = 已查看：所有查看次数已用完，秘密已删除。
receipt-state-burned = 已被发送者删除：链接不再有效。
receipt-state-expired = 已过期：时间已到，秘密已删除。
receipt-state-destroyed = 因错误的密码短语过多而被销毁：链接不再有效。
receipt-created = 创建时间
receipt-expires = 过期时间
receipt-views-used = 已用查看次数：{ $n }
receipt-history = 历史记录
receipt-no-events = 目前还没有发生任何事。
event-viewed = 已打开
event-passphrase-failed = 密码短语错误
event-burned = 被发送者删除
event-expired = 已过期
event-destroyed = 已销毁
receipt-delete = 立即删除
receipt-delete-note = 删除无法撤销：链接会立即对所有人失效。
receipt-not-found = 未找到回执：它从未存在，或已超过保留期限。

back-home = 返回首页

## Zero-knowledge links

footer-zk = 在浏览器中加密。密钥只存在于链接中 # 之后的部分，浏览器从不发送这部分：服务器从不看到秘密，也不保存任何它能读取的内容。
footer-form = 启用 JavaScript 时，此表单在你的浏览器中加密，服务器从不看到秘密。未启用时，由服务器加密（SnapPass 格式），服务器在处理请求期间能看到秘密。
form-passphrase-label = 口令短语（可选）
form-passphrase-hint = 接收者也必须输入它。它从不离开你的浏览器；请与链接分开发送。
form-working = 正在你的浏览器中加密…
form-failed = 无法创建秘密；未保存任何内容。请重试。
link-kind-zk = 零知识链接：在你的浏览器中加密。密钥是 # 之后的部分，它从不会发送到服务器。
link-kind-server = 服务器加密链接（SnapPass 格式）：服务器加密了这个秘密。它在生成链接时看到了秘密，链接被打开时还会再次看到；它不保存任何它能读取的内容。
link-passphrase-note = 此链接还需要口令短语。请通过其他渠道发送它。
zk-preview-intro = 这个秘密在发送者的浏览器中加密，并在你的浏览器中解密：服务器无法读取它。请在准备好将其保存到安全位置时再显示。
zk-needs-js = 打开此链接需要 JavaScript：秘密在你的浏览器中用链接里的密钥解密，服务器从不会收到该密钥。尚未显示或消耗任何内容。请为此网站启用 JavaScript，或用 hushlink 命令行客户端打开链接（hushlink get）。
zk-needs-https = 此页面无法在这里解密：浏览器只在 HTTPS（或 localhost）上允许它所需的密码学功能。尚未显示或消耗任何内容。请通过 HTTPS 打开链接，或使用 hushlink 命令行客户端（hushlink get）。
zk-passphrase-label = 口令短语
zk-working = 正在解密…
zk-wrong-passphrase = 口令短语错误。未显示任何内容，链接仍然有效。剩余尝试次数：{ $n }。
zk-destroyed = 口令短语错误次数过多：秘密已被销毁，链接已失效。
zk-decrypt-failed = 秘密已送达，但无法解密：它可能已被篡改。请发送者重新分享。
zk-binary = 这个秘密是一个文件（二进制数据）。
zk-download = 下载

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = 登录后发送机密
signin-intro = 只有本组织的人员才能在此创建机密。持有链接的任何人仍可打开它，无需账户。
signin-button = 登录
signin-unavailable = 登录暂时不可用，因此无法创建机密。请几分钟后重试。
signin-refused = 您的账户无权在此发送机密。如有需要，请联系管理员。
signin-failed = 登录未完成。请重新开始。
signed-in-as = 当前登录：
sign-out = 退出登录
keys-link = 我的 API 密钥
keys-heading = 您的 API 密钥
keys-intro = 供命令行客户端和脚本使用的密钥：只能创建机密，不能做别的。新密钥只显示一次。
keys-name-label = 密钥名称
keys-create = 创建密钥
keys-new = 这是您的新密钥。请立即复制：它不会再次显示。
keys-none = 您还没有 API 密钥。
keys-revoke = 吊销
keys-invalid = 请换一个名称：1 到 64 个字母、数字、点、连字符或下划线，且未被使用。
