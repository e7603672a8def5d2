# Stand-in for rust:1-bookworm: Debian 12 with gcc and this machine's own
# Rust toolchain (copied into the build context as toolchain/ by run.sh),
# trusting the certificate authorities this machine trusts: its way out to
# crates.io may be a TLS-inspecting proxy. Built only because the test
# machine cannot reach Docker Hub.
FROM hushlink-ci/debian:bookworm
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      gcc libc6-dev ca-certificates >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY toolchain /usr/local/rust
ENV PATH=/usr/local/rust/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    CARGO_HOME=/usr/local/cargo
