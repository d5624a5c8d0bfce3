# syntax=docker/dockerfile:1
# The bot server's container image: `docker build -t council-performance-bot .`
#
# Two stages. The build stage installs every dependency, generates the Prisma client and compiles
# the server to dist/ (npm run build: the tab's script and stylesheet inside dist/main.js, and the
# empty embedded database new data directories are copied from). The runtime stage holds what the
# server runs and nothing else: production dependencies, dist/, the migrations and the app package;
# no src/, no TypeScript, no esbuild, no test code. It runs as the unprivileged `node` user.
#
# test/e2e/dockerfile.test.ts rebuilds the runtime stage by these COPY and RUN lines into a
# temporary directory and starts the server from it (no container engine is needed to test it):
# keep the runtime stage to COPY, the one `npm ci` RUN, the data directory's RUN, and settings.
#
# Settings come from the environment (docker run -e / --env-file, App Service application
# settings): see .env.example and docs/deploy.md. With none, the server runs on the embedded
# database in /app/data (mount a volume there to keep it); production sets DATABASE_URL to
# PostgreSQL and runs `npm run db:migrate` from this image as its release step.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Dependencies first, their own layer, rebuilt only when the lock file changes. No install scripts:
# the packages' own (Prisma's engine download, esbuild's binary check) are not needed, and the
# project's postinstall is what the next RUN does, once the sources are here.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY src ./src
RUN node scripts/prisma-generate.cjs && npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only, as they are in the lock file. --omit=optional as well: the Prisma
# CLI and TypeScript are optional peers of @prisma/client, which the server does not use (250 MB).
# --ignore-scripts: the postinstall compiles from src/, which this stage does not have; dist/ comes
# from the build stage instead.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund
# The report's charts are drawn by resvg, whose native binary is an optional dependency chosen by
# platform (@resvg/resvg-js-linux-x64-gnu …), so --omit=optional above leaves it out: take it from
# the build stage, which installed the one for this image's platform.
COPY --from=build /app/node_modules/@resvg ./node_modules/@resvg
COPY --from=build /app/dist ./dist
COPY prisma ./prisma
COPY appPackage ./appPackage
# Lets `npm run db:migrate`, `npm run import` and `npm run cycle` run here: their pre-step
# (build.cjs --if-stale) does nothing in a tree without src/.
COPY scripts/build.cjs ./scripts/build.cjs
# The embedded database's default home (DATABASE_URL=pglite:./data/pgdata), writable by `node`.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# Docker sends it on `docker stop`; the server then finishes what it is doing and exits 0.
STOPSIGNAL SIGTERM
# Ready: the database answers and its migrations are applied. Node's own fetch: the slim image has
# no curl. PORT is the server's own setting (3978 unless set).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: the signal reaches the server, and nothing compiles at start.
CMD ["node", "--enable-source-maps", "dist/main.js"]
