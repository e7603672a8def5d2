"""Writes, in Redis's protocol, N store operations the way hushlink sends them
on one Redis (bench/redis_ops.sh feeds them to a private redis-server and
reads its CPU time). The Lua bodies are read from src/store/redis.rs, so the
figures follow the code.

    python3 bench/redis_ops.py load|create_script|create_multi|take|verified|create_snappass|fallback N OUT

`take` is the reveal in two round trips (the `MGET` peek, then the conditional
take script), as for a secret without a key verifier (SnapPass's); `verified`
the one-call reveal of a secret hushlink made; `fallback` the reveal of a secret
SnapPass wrote (`create_snappass`): the one call answers "unverifiable", then
the conditional take.
"""

import hashlib
import re
import sys

SOURCE = open("src/store/redis.rs", encoding="utf-8").read()


def body(name):
    return re.search(r'const %s: &str = r"\n(.*?)";' % name, SOURCE, re.S).group(1)


# The scripts as `receipts::Scripts::new` assembles them (no quota).
CREATE = "local k, a = 0, 0\n" + body("CREATE_BODY") + "return {1, 0, 0}\n"
TAKE = ("local k, a = 0, 0\n" + body("TAKE_READ") + body("EXPECTED") + body("TAKE_DECIDE")
        + "return {left, ttl}\n")
VERIFIED = ("local k, a = 0, 0\n" + body("TAKE_READ") + body("VERIFY") + body("TAKE_DECIDE")
            + "return {left, ttl, v}\n")
VERIFIER = "0123456789abcdef" * 2  # a key's verifier, as the create writes it


def sha(script):
    return hashlib.sha1(script.encode()).hexdigest()


def resp(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = str(a).encode() if not isinstance(a, bytes) else a
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


def main():
    what, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    value = "gAAAAAB" + "x" * 140  # a Fernet token's length for a short secret
    out = []
    if what == "load":
        out = [resp("SCRIPT", "LOAD", s) for s in (CREATE, TAKE, VERIFIED)]
    for i in range(n if what != "load" else 0):
        key = "snappass%032x" % i
        index = "snappass:receipt:%064x" % i
        counter, receipt = "{%s}:views" % key, "{%s}:receipt" % key
        fields = ["h", "ab" * 32, "c", 1700000000, "x", 1700003600, "n", 1, "u", 0, "s", "a", "e", "",
                  "k", VERIFIER]
        if what == "create_script":
            out.append(resp("EVALSHA", sha(CREATE), 4, index, key, counter, receipt,
                            key, value, 3600, 1, 3600 + 86400, *fields))
        elif what == "create_multi":
            out += [resp("MULTI"), resp("SETEX", index, 3600 + 86400, key),
                    resp("SETEX", key, 3600, value), resp("HMSET", receipt, *fields),
                    resp("EXPIRE", receipt, 3600 + 86400), resp("EXEC")]
        elif what == "take":
            out.append(resp("MGET", key, counter))  # the peek
            out.append(resp("EVALSHA", sha(TAKE), 3, key, counter, receipt, value, 1700000100, 0))
        elif what == "verified":
            out.append(resp("EVALSHA", sha(VERIFIED), 3, key, counter, receipt, VERIFIER, 1700000100, 0))
        elif what == "create_snappass":  # SnapPass's own create: no receipt
            out.append(resp("SETEX", key, 3600, value))
        elif what == "fallback":  # a reveal of it: "unverifiable", then the take
            out.append(resp("EVALSHA", sha(VERIFIED), 3, key, counter, receipt, VERIFIER, 1700000100, 0))
            out.append(resp("EVALSHA", sha(TAKE), 3, key, counter, receipt, value, 1700000100, 0))
    open(path, "wb").write(b"".join(out))


main()
