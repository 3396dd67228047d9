#!/bin/sh
# Entrypoint of the Jangteo image: the first argument picks the process role, and the role's Node
# process replaces this shell (exec) so it runs as PID 1 and receives SIGTERM directly.
set -eu

usage() {
  cat >&2 <<'USAGE'
usage: docker/entrypoint.sh <role> [arguments]

roles:
  api                    HTTP API on $PORT (default 3000) with /healthz; /readyz and /metrics
                         on $OPS_PORT (production default 9464), never on the public port
  worker [queue...|all]  Temporal workers for the named task queues (default: all);
                         /healthz and /metrics on $WORKER_HTTP_PORT (default 3001)
                         queues: identity catalog inventory ordering payment shipping
                                 settlement notification chat retention
  migrate [up|down]      apply pending schema migrations (default: up), then exit
  pg-simulator           the sandbox PG (Toss contract and payment window) on $PG_SIMULATOR_PORT
                         (default 4010), shared by api and worker when no PG keys are set
USAGE
}

# dist/ is resolved from the image root, whatever the working directory.
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  echo "entrypoint: no role given" >&2
  usage
  exit 64
fi

role=$1
shift

case "$role" in
  api)
    if [ "$#" -gt 0 ]; then
      echo "entrypoint: the api role takes no arguments (got: $*)" >&2
      usage
      exit 64
    fi
    # Flags as config/api-node-flags.ts (docs/deployment.md#memory-and-garbage-collection).
    exec node --max-semi-space-size=64 dist/api/server.js
    ;;
  worker)
    if [ "$#" -eq 0 ]; then
      set -- all
    fi
    exec node dist/workers/main.js "$@"
    ;;
  migrate)
    if [ "$#" -eq 0 ]; then
      set -- up
    fi
    case "$#:$1" in
      1:up | 1:down) ;;
      *)
        echo "entrypoint: migrate takes one argument, up or down (got: $*)" >&2
        usage
        exit 64
        ;;
    esac
    exec node dist/persistence/migrate.js "$1"
    ;;
  pg-simulator)
    if [ "$#" -gt 0 ]; then
      echo "entrypoint: the pg-simulator role takes no arguments (got: $*)" >&2
      usage
      exit 64
    fi
    exec node dist/simulators/pg/main.js
    ;;
  help | -h | --help)
    usage
    exit 0
    ;;
  *)
    echo "entrypoint: unknown role '$role'" >&2
    usage
    exit 64
    ;;
esac
