# hushlink: one static-ish binary on a distroless base, run as a non-root user.
#   docker build -t hushlink .
#   docker run -p 5000:5000 -v hushlink-data:/data hushlink            # embedded store
#   docker run -p 5000:5000 -e REDIS_HOST=redis -e NO_SSL=true hushlink  # SnapPass's variables
# The embedded store lives in /data (a volume); with Redis nothing is written.
#
# Both base images can be replaced, for a registry mirror or an air-gapped
# build: --build-arg BUILD_IMAGE=... (any Debian 12 image with a Rust
# toolchain and a C linker) and --build-arg RUNTIME_IMAGE=... (glibc,
# libgcc_s and CA certificates, user 65532).
ARG BUILD_IMAGE=rust:1-bookworm
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Dependencies first, so a change to hushlink's code does not rebuild them.
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
 && cargo build --release --locked && rm -rf src
COPY src src
# build.rs hands the linker link-order.txt: the code a server runs, placed
# together, so that less of the binary is paged in (CONTRIBUTING.md, "Memory").
COPY build.rs link-order.txt ./
COPY templates templates
COPY assets assets
RUN touch src/main.rs src/lib.rs && cargo build --release --locked \
 && strip target/release/hushlink \
 && mkdir -p /data

# glibc, libgcc and CA certificates (for rediss://), no shell, user 65532.
FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="hushlink" \
      org.opencontainers.image.description="Share a secret through a link that works once: a drop-in replacement for SnapPass" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /src/target/release/hushlink /usr/local/bin/hushlink
COPY --from=build --chown=65532:65532 /data /data
ENV SNAPPASS_BIND_ADDRESS=0.0.0.0 \
    SNAPPASS_PORT=5000 \
    HUSHLINK_DATA_DIR=/data \
    HUSHLINK_LOG_FORMAT=json
USER 65532:65532
VOLUME /data
EXPOSE 5000
# No shell or curl in the image: the binary checks its own health route.
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["/usr/local/bin/hushlink", "healthcheck"]
# SnapPass's compose file stops it with SIGINT; SIGTERM works the same here.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/hushlink"]
CMD ["serve"]
