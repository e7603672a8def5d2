# Stand-in for gcr.io/distroless/cc-debian12:nonroot, made the way
# distroless makes it: the files of a few Debian 12 packages (glibc,
# libgcc_s, libstdc++, libgomp, CA certificates, time zones), the users
# root, nobody and nonroot (65532), and nothing else: no shell, no package
# manager. Built only because the test machine cannot reach gcr.io.
FROM hushlink-ci/debian:bookworm AS packages
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ca-certificates >/dev/null \
 && mkdir /debs /rootfs && cd /debs \
 && apt-get download -qq base-files netbase tzdata libc6 libgcc-s1 libgomp1 libstdc++6 \
 && for deb in /debs/*.deb; do dpkg-deb -x "$deb" /rootfs; done \
 && rm -rf /rootfs/usr/share/doc /rootfs/usr/share/man /rootfs/usr/share/lintian \
 && mkdir -p /rootfs/etc/ssl/certs /rootfs/tmp /rootfs/home/nonroot /rootfs/root \
 && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/ \
 && chmod 1777 /rootfs/tmp && chown 65532:65532 /rootfs/home/nonroot && chmod 700 /rootfs/root \
 && printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' \
      'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
      'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' > /rootfs/etc/passwd \
 && printf '%s\n' 'root:x:0:' 'nobody:x:65534:' 'tty:x:5:' 'staff:x:50:' 'nonroot:x:65532:' > /rootfs/etc/group

FROM scratch
COPY --from=packages /rootfs/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
USER 65532:65532
WORKDIR /home/nonroot
