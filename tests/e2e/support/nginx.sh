#!/usr/bin/env bash
# Serves a Folio build with the nginx recipe of docs/deployment.md, under a base path, in the foreground:
# nginx.sh SITE_ROOT PORT BASE   (SITE_ROOT holds BASE's folder, e.g. SITE_ROOT/folio/index.html)
set -euo pipefail
root=$(cd "$1" && pwd)
port=$2
base=$3
tmp=$(mktemp -d /tmp/folio-nginx.XXXXXX)
chmod 755 "$tmp"
cat > "$tmp/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $tmp/nginx.pid;
error_log stderr warn;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $root;
    charset utf-8;
    gzip on;
    gzip_types text/css application/javascript application/json application/xml image/svg+xml;
    location / { try_files \$uri \$uri/ =404; }
    location ~ ^${base}(assets|data)/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
    location ~ ^${base}media/ {
      add_header Cache-Control "public, max-age=31536000, immutable";
      add_header Content-Security-Policy "sandbox";
      add_header X-Content-Type-Options "nosniff";
    }
    error_page 404 ${base}404.html;
  }
}
CONF
exec nginx -c "$tmp/nginx.conf" -p "$tmp"
