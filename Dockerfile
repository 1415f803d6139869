# syntax=docker/dockerfile:1
# Multi-stage: compile with the dev dependencies, ship only dist/ and the production dependencies, run as a non-root user.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# npm ci builds the playground's bundle (prepare), so its sources come first.
COPY src/playground/web ./src/playground/web
RUN npm ci
COPY tsconfig.json tsconfig.build.json mikro-orm.config.ts ./
COPY src ./src
COPY seeds ./seeds
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/package.json ./
# The code is root-owned and read-only to the process; it writes nothing but its logs to stdout.
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations are their own step (see compose.yaml: the migrate service); this start refuses a database that needs them.
CMD ["node", "dist/src/main.js"]
