# The SMEG assistant as a container: built in one stage, run as the unprivileged `node` user in the next.
# docker build -t smeg-assistant . && docker run -p 3000:3000 smeg-assistant   (docs/operations.md)

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
# npm ci runs `prepare`, which compiles and bundles to dist/; the dev dependencies (typescript; esbuild stays, tsx
# needs it) are then dropped.
RUN npm ci --no-audit --no-fund --loglevel=error && npm prune --omit=dev --no-audit --no-fund --loglevel=error

FROM node:20-bookworm-slim
# DATA_DIR also holds the start-up cache (DATA_DIR/cache, STARTUP_CACHE_DIR): restarts on the same image and sources
# read the checked sources and search index back instead of rebuilding them (docs/operations.md).
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/app/data DRAFTS_DIR=/app/drafts
WORKDIR /app
# Built on the same base image, so better-sqlite3's native module fits. The TypeScript sources come along for
# `npm run report` and the other scripts (run with tsx, a production dependency); the server runs dist/.
COPY --from=build /app ./
# Only the interaction store and drafts are written by default; mount knowledge/ and rules/ writable (or from
# where they are kept) for the console to publish.
RUN mkdir -p /app/data /app/drafts && chown node:node /app/data /app/drafts
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is the main process, so SIGTERM from `docker stop` or Kubernetes reaches the server's own handler.
CMD ["node", "--enable-source-maps", "dist/adapters/http/main.js"]
