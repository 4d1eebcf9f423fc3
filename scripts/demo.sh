#!/usr/bin/env bash
# A real three-hop role chain, end to end, against a local STS emulator (moto_server with authentication enforced):
# an IAM user -> role1 -> role2 -> role3, added and started with rolehop, then checked with the AWS CLI.
# Everything lives in a temporary directory that is removed at the end; your own ~/.aws is never touched.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# ROLEHOP names another rolehop to run, such as an installed one (/usr/bin/rolehop from the Debian package).
rolehop=${ROLEHOP:-$here/cli/target/rolehop/bin/rolehop}

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "demo: '$1' is missing: $2" >&2; exit 1; }
}
need moto_server "install moto with its server extra (pip install 'moto[server]')"
need aws "install the AWS CLI (pip install awscli, or apt-get install awscli)"
need python3 "install Python 3"
[ -x "$rolehop" ] || { echo "demo: $rolehop is missing; build it with ./mvnw -q -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
moto_pid=
cleanup() {
  [ -n "$moto_pid" ] && kill "$moto_pid" 2>/dev/null && wait "$moto_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
endpoint=http://127.0.0.1:$port
# The first three requests create an administrator; from then on moto checks signatures, policies and trust.
INITIAL_NO_AUTH_ACTION_COUNT=3 moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 1 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('$endpoint/moto-api/')" 2>/dev/null && break
  sleep 0.2
done

export HOME=$work/home ROLEHOP_HOME=$work/rolehop
export AWS_SHARED_CREDENTIALS_FILE=$work/aws/credentials AWS_CONFIG_FILE=$work/aws/config
export AWS_ENDPOINT_URL=$endpoint AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export ROLEHOP_VAULT_PASSPHRASE=demo-passphrase
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
mkdir -p "$HOME"

account=123456789012
iam() { # run an IAM call as the given key pair
  AWS_ACCESS_KEY_ID=$1 AWS_SECRET_ACCESS_KEY=$2 aws iam "${@:3}"
}
allow_all='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
trust() {
  printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["%s"]},"Action":"sts:AssumeRole"}]}' "$1"
}

echo "== setting up an IAM user and three roles in the emulator at $endpoint"
iam AKIAIOSFODNN7EXAMPLE bootstrap create-user --user-name admin >/dev/null
iam AKIAIOSFODNN7EXAMPLE bootstrap put-user-policy --user-name admin --policy-name all --policy-document "$allow_all"
read -r admin_key admin_secret < <(iam AKIAIOSFODNN7EXAMPLE bootstrap create-access-key --user-name admin \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
iam "$admin_key" "$admin_secret" create-user --user-name alice >/dev/null
iam "$admin_key" "$admin_secret" put-user-policy --user-name alice --policy-name sts \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"}]}'
read -r alice_key alice_secret < <(iam "$admin_key" "$admin_secret" create-access-key --user-name alice \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
previous=arn:aws:iam::$account:user/alice
for n in 1 2 3; do
  iam "$admin_key" "$admin_secret" create-role --role-name "role$n" \
    --assume-role-policy-document "$(trust "$previous")" >/dev/null
  iam "$admin_key" "$admin_secret" put-role-policy --role-name "role$n" --policy-name all --policy-document "$allow_all"
  previous=arn:aws:sts::$account:assumed-role/role$n/hop$n
done

step() { # show a command, then run it
  printf '\n$ rolehop %s\n' "$*"
  "$rolehop" "$@"
}

echo "== adding the sessions (the user's secret key goes in on stdin, never as an argument)"
printf '\n$ rolehop session add aws-iam-user --alias alice --profile alice --access-key-id %s --secret-access-key-stdin\n' "$alice_key"
printf '%s\n' "$alice_secret" | "$rolehop" session add aws-iam-user --alias alice --profile alice \
  --access-key-id "$alice_key" --secret-access-key-stdin
step session add aws-iam-role-chained --alias role1 --assumer alice --profile role1 \
  --role-arn "arn:aws:iam::$account:role/role1" --role-session-name hop1
step session add aws-iam-role-chained --alias role2 --assumer role1 --profile role2 \
  --role-arn "arn:aws:iam::$account:role/role2" --role-session-name hop2
step session add aws-iam-role-chained --alias role3 --assumer role2 --profile role3 \
  --role-arn "arn:aws:iam::$account:role/role3" --role-session-name hop3
step session tree
echo; echo "== starting the deepest session: one AssumeRole per hop"
step session start role3
step session list
printf '\n$ aws sts get-caller-identity --profile role3\n'
aws sts get-caller-identity --profile role3
echo; echo "== starting it again changes nothing and calls no STS"
step session start role3
step session stop role3
echo; echo "== handing out role2 through a credential_process line: the AWS CLI runs rolehop itself"
step session start role2 --mode credential-process
printf '\n$ aws sts get-caller-identity --profile role2\n'
aws sts get-caller-identity --profile role2
if [ -n "${ROLEHOP_DEMO_AFTER:-}" ]; then
  # A command to run before the line is used once more, such as an upgrade of the installed rolehop.
  echo; echo "== $ROLEHOP_DEMO_AFTER; then the same credential_process line again"
  sh -c "$ROLEHOP_DEMO_AFTER"
  printf '\n$ aws sts get-caller-identity --profile role2\n'
  aws sts get-caller-identity --profile role2
fi
echo
echo "== done: the emulator is stopped and $work removed"
