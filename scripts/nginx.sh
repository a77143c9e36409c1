#!/usr/bin/env bash
# nginx in front of several portal instances, as scripts/two-instances.sh and scripts/load-test.sh (DATABASE=postgres) run
# it: `source scripts/nginx.sh`, then `nginx_start WORK PORT PREFIX CERT KEY INSTANCE_PORT…` writes WORK/nginx.conf and
# starts nginx on 127.0.0.1:PORT with TLS (CERT, KEY), round robin over the instances on 127.0.0.1:INSTANCE_PORT, under
# PREFIX ("" for the root; the prefix is passed through). nginx_stop WORK stops it. Each answer says which instance gave it
# (X-Upstream). A request that cannot reach an instance goes to the next one (the default proxy_next_upstream), but not
# a POST already sent (non_idempotent is off): that one gets a 502, and the client cannot know whether it was saved.
nginx_start() {
    local work="$1" port="$2" prefix="$3" cert="$4" key="$5" servers="" instance
    shift 5
    for instance in "$@"; do servers="$servers        server 127.0.0.1:$instance max_fails=1 fail_timeout=3s;"$'\n'; done
    local redirect=""
    [ -n "$prefix" ] && redirect="location = $prefix { return 301 $prefix/; }"
    cat >"$work/nginx.conf" <<EOF
worker_processes 1;
error_log $work/nginx-error.log warn;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    fastcgi_temp_path $work/nginx-fastcgi;
    uwsgi_temp_path $work/nginx-uwsgi;
    scgi_temp_path $work/nginx-scgi;
    upstream portal {
$servers        keepalive 32;
    }
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $cert;
        ssl_certificate_key $key;
        $redirect
        location $prefix/ {
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host:\$server_port;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
EOF
    "$(command -v nginx || echo /usr/sbin/nginx)" -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log"
}

nginx_stop() {
    [ -f "$1/nginx.pid" ] && kill "$(cat "$1/nginx.pid")" 2>/dev/null || true
}
