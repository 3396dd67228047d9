# syntax=docker/dockerfile:1
# One image for every production role of Jangteo; the first argument picks it (docker/entrypoint.sh):
#   docker run IMAGE api                  HTTP API on $PORT (default 3000); /readyz, /metrics on $OPS_PORT (9464)
#   docker run IMAGE worker [queue…|all]  Temporal workers, /healthz and /metrics on $WORKER_HTTP_PORT
#   docker run IMAGE migrate              schema migrations, then exit
# See docs/deployment.md.

# ---- deps: every dependency (dev included) for the build, with a toolchain for native addons ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 normally downloads a prebuilt binary; python3/make/g++ let node-gyp build it if not.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The repository's .npmrc points node-gyp at the system Node headers of our dev machines (/usr);
# in the official Node image they live under /usr/local. Environment settings outrank project .npmrc.
# SCARF_ANALYTICS=false keeps swagger-ui-dist's install script from phoning home.
ENV npm_config_nodedir=/usr/local \
  npm_config_fund=false \
  npm_config_audit=false \
  npm_config_update_notifier=false \
  SCARF_ANALYTICS=false
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---- build: TypeScript to dist/, the prebuilt Temporal workflow bundle (dist/workflow-bundle.js), the web console (console/dist) ----
FROM deps AS build
COPY . .
RUN npm run build \
  && npm run console:build \
  && test -f console/dist/index.html \
  && test -f dist/api/server.js \
  && test -f dist/workers/main.js \
  && test -f dist/persistence/migrate.js \
  && test -f dist/simulators/pg/main.js \
  && test -f dist/workflow-bundle.js

# ---- prod-deps: runtime dependencies only (native addons compiled here, on the same base image) ----
FROM deps AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- runtime: no toolchain, no dev dependencies, no sources; runs as the image's non-root `node` user ----
FROM node:20-bookworm-slim AS runtime
LABEL org.opencontainers.image.title="jangteo" \
  org.opencontainers.image.description="Jangteo (장터) shop backend: api, worker and migrate roles"
ENV NODE_ENV=production \
  PORT=3000 \
  WORKER_HTTP_PORT=3001
WORKDIR /app
# Files stay owned by root (read-only for the app); only var/ is writable by the app user.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web console, served by the api role at /console (api/system/console.routes.ts looks beside dist/).
COPY --from=build /app/console/dist ./console/dist
COPY package.json ./
COPY --chmod=0755 docker/entrypoint.sh ./docker/entrypoint.sh
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 3000 3001 9464
# Suited to the api role (the default); compose overrides it for the worker and disables it for migrate.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["docker/entrypoint.sh"]
CMD ["api"]
