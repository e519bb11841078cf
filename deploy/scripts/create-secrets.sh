#!/usr/bin/env bash
# Generates every secret of an ATC deployment and prints them as Kubernetes Secret manifests, for the
# chart (its default secrets.create=false) and for deploy/k8s. Nothing is written to disk outside a
# private temporary directory, removed on exit. docs/deploy.md, "Secrets", says how each is rotated.
#
#   deploy/scripts/create-secrets.sh --database-ca rds-ca.pem --broker-host mqtt.example.com \
#     [--release atc] [--prefix atc] | kubectl apply -n atc -f -
#
# --prefix: Secret names are <prefix>-<group> (the chart's fullname: "atc" for a release named atc).
# --database-ca: the PEM CA bundle that signs the database's certificate (sslmode verify-full).
# --broker-host: a DNS name (repeatable) of the broker's device listeners, for its TLS certificate,
#   issued by the generated device root CA (devices already trust it). Use --no-broker-tls when
#   cert-manager or your own CA issues that certificate instead.
# Requires openssl (1.1.1+) and kubectl (client only: nothing is sent to a cluster).
set -euo pipefail

prefix=atc
database_ca=""
broker_hosts=()
broker_tls=true
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --release) prefix="$2"; shift 2 ;;
    --database-ca) database_ca="$2"; shift 2 ;;
    --broker-host) broker_hosts+=("$2"); shift 2 ;;
    --no-broker-tls) broker_tls=false; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "create-secrets: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done
if [ -z "$database_ca" ] || [ ! -s "$database_ca" ]; then
  echo "create-secrets: --database-ca <PEM file> is required (the CA of the database's certificate)" >&2
  exit 2
fi
if $broker_tls && [ ${#broker_hosts[@]} -eq 0 ]; then
  echo "create-secrets: --broker-host <dns name> is required (or --no-broker-tls)" >&2
  exit 2
fi
for tool in openssl kubectl; do
  command -v "$tool" >/dev/null || { echo "create-secrets: $tool is not on the PATH" >&2; exit 2; }
done

umask 077
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# No trailing newline: a Secret holds the file's bytes exactly.
password() { printf '%s' "$(openssl rand -base64 48 | tr -d '\n/+=' | cut -c1-40)"; }
random_base64() { openssl rand -base64 "$1" | tr -d '\n'; }
# An Ed25519 key pair as the platform reads it: base64 of the PKCS#8 private key and of the X.509 public key.
ed25519() {
  openssl genpkey -algorithm ed25519 -outform DER -out "$work/$1.key.der"
  openssl pkey -inform DER -in "$work/$1.key.der" -pubout -outform DER -out "$work/$1.pub.der"
  base64 -w0 < "$work/$1.key.der" > "$work/$1.key"
  base64 -w0 < "$work/$1.pub.der" > "$work/$1.pub"
}
secret() {
  local name="$1"; shift
  echo "---"
  kubectl create secret generic "$prefix-$name" --dry-run=client -o yaml "$@" \
    | sed '/creationTimestamp: null/d'
}

password > "$work/owner"; password > "$work/app"; password > "$work/retention"
secret database --from-file=owner-password="$work/owner" --from-file=app-password="$work/app" \
  --from-file=retention-password="$work/retention" --from-file=ca.crt="$database_ca"

random_base64 48 > "$work/pepper"; password > "$work/operator"; ed25519 console
secret keys --from-file=pepper="$work/pepper" --from-file=operator-token="$work/operator" \
  --from-file=console-session-signing-key="$work/console.key"

ed25519 internal
secret internal-token --from-file=private-key="$work/internal.key" --from-file=public-key="$work/internal.pub"

ed25519 checkpoint
secret audit-checkpoint --from-file=signing-key="$work/checkpoint.key" --from-file=public-key="$work/checkpoint.pub"

password > "$work/admin"; password > "$work/ingest"
secret broker --from-file=admin-password="$work/admin" --from-file=ingest-password="$work/ingest"

# The device root CA: EC P-256, may sign tenant intermediates (path length 1), ten years.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/root-ca.key"
openssl req -x509 -new -key "$work/root-ca.key" -sha256 -days 3650 -subj "/O=ATC Edge/CN=ATC Edge Root CA" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:1" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash" -out "$work/root-ca.crt" 2>/dev/null
random_base64 32 > "$work/kek"
secret device-pki --from-file=root-ca.key="$work/root-ca.key" --from-file=root-ca.crt="$work/root-ca.crt" \
  --from-file=kek="$work/kek"

if $broker_tls; then
  san="$(printf 'DNS:%s,' "${broker_hosts[@]}")"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/broker.key"
  openssl req -new -key "$work/broker.key" -subj "/O=ATC Edge/CN=${broker_hosts[0]}" -out "$work/broker.csr"
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' \
    "${san%,}" > "$work/broker.ext"
  openssl x509 -req -in "$work/broker.csr" -CA "$work/root-ca.crt" -CAkey "$work/root-ca.key" -CAcreateserial \
    -sha256 -days 397 -extfile "$work/broker.ext" -out "$work/broker.crt" 2>/dev/null
  echo "---"
  kubectl create secret tls "$prefix-broker-tls" --cert="$work/broker.crt" --key="$work/broker.key" \
    --dry-run=client -o yaml | sed '/creationTimestamp: null/d'
fi
