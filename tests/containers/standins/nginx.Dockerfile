# Stand-in for nginx:1-alpine: Debian 12's nginx with the official image's
# layout (sites in /etc/nginx/conf.d, logs to the container's output, in
# the foreground). Built only because the test machine cannot reach Docker
# Hub.
FROM hushlink-ci/debian:bookworm
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
