import path from 'node:path';

/** Every setting of the product, with its default. The environment is read here and nowhere else. */
export interface Config {
  root: string;
  port: number;
  host: string;
  seedsDir: string;
  seedsDirExplicit: boolean; // KG_SEEDS_DIR was set (otherwise the saved corpus' own folder is served, see app/pipeline.ts)
  dataDir: string; // embedded store snapshot + indexes
  neo4j: {
    uri: string | null;
    user: string;
    password: string;
    database: string | undefined;
    connectionTimeoutMs?: number; // NEO4J_CONNECTION_TIMEOUT_MS: connect and pool-acquire timeout
    maxRetryTimeMs?: number; // NEO4J_MAX_RETRY_MS: how long transient errors are retried
  };
  /** The local Neo4j of `npm run neo4j:local` (neo4j-local/, scripts/neo4j-local.ts). */
  neo4jLocal: {
    boltPort: number; // NEO4J_BOLT_PORT (7687)
    httpPort: number; // NEO4J_HTTP_PORT (7474): HTTP API and Neo4j Browser at /browser/
    home: string; // NEO4J_LOCAL_HOME: its data, logs and pid file (data/neo4j-local)
    heap: string; // NEO4J_LOCAL_HEAP: the JVM's -Xmx (512m)
    pagecache: string; // NEO4J_LOCAL_PAGECACHE (256m)
    startTimeoutMs: number; // NEO4J_LOCAL_START_TIMEOUT_MS: how long start waits for Bolt (180000)
    java: string; // NEO4J_LOCAL_JAVA, else $JAVA_HOME/bin/java, else java on PATH (17 or newer)
    mvn: string; // NEO4J_LOCAL_MVN, else mvn on PATH (builds neo4j-local/ once)
    /** NEO4J_BROWSER_POST_CONNECT: what Browser runs on connect (loads the app's GraSS style). */
    browserPostConnect: string;
  };
  /** KG_SEARCH_INDEX: where dense and keyword candidates come from (`memory`: in-process HNSW + BM25; `neo4j`: Neo4j's vector and fulltext indexes). */
  searchIndex: 'memory' | 'neo4j';
  model: {
    id: string; // transformers.js model id
    cacheDir: string; // models/ (filled by scripts/fetch-model.mjs at install)
    localDir: string | null; // KG_MODEL_DIR: a local copy of the model
    hfEndpoint: string | null; // HF_ENDPOINT: a hub mirror; remote loading only when set
    disabled: boolean; // KG_EMBEDDER=none
    timeoutMs: number; // KG_EMBED_TIMEOUT_MS: one query embedding's deadline; past it the model process is replaced
    queryBatch: number; // KG_EMBED_BATCH: most concurrent queries embedded in one model call
    threads: number; // KG_EMBED_THREADS: onnxruntime intra-op threads in the model process (0 = onnxruntime's default)
    queryCache: number; // KG_QUERY_CACHE: recent query vectors kept (LRU); 0 = none
    queryInstruction: boolean; // KG_QUERY_INSTRUCTION=on: bge's retrieval instruction before each question (off by default: docs/PERFORMANCE.md)
  };
  server: {
    corsOrigin: string | null;
    rateLimitPerMinute: number;
    requestTimeoutMs: number;
    bodyLimit: string;
    maxAnswerBytes: number; // KG_MAX_ANSWER_BYTES: one search answer's cap (neighbourhoods of the last results dropped past it)
    sendTimeoutMs: number; // KG_SEND_TIMEOUT_MS: a response not taken by the client within this (after the request timeout) is dropped
    hsts: boolean; // KG_HSTS: send Strict-Transport-Security (only behind TLS; default off)
    allowedHosts: string[] | null; // KG_ALLOWED_HOSTS: comma-separated Host names accepted (others 421); unset = any
    trustProxy: string | null; // KG_TRUST_PROXY: express `trust proxy` (e.g. 1, loopback, 10.0.0.0/8) for the rate-limit key
  };
  logLevel: 'silent' | 'info' | 'debug';
}

const ROOT = path.resolve(__dirname, '..');

function int(v: string | undefined, dflt: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : dflt;
}

function searchIndex(v: string | undefined): Config['searchIndex'] {
  const value = (v || 'memory').toLowerCase();
  if (value === 'memory' || value === 'neo4j') return value;
  throw new Error(`KG_SEARCH_INDEX 只能是 memory 或 neo4j / KG_SEARCH_INDEX must be memory or neo4j, not ${JSON.stringify(v)}`);
}

/** Builds the config from an environment (default `process.env`); pure, so tests pass their own. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = ROOT;
  const rel = (p: string) => path.resolve(root, p);
  return {
    root,
    port: int(env.PORT, 3000),
    host: env.HOST || '127.0.0.1',
    seedsDir: rel(env.KG_SEEDS_DIR || 'seeds'),
    seedsDirExplicit: !!env.KG_SEEDS_DIR,
    dataDir: rel(env.KG_DATA_DIR || 'data'),
    neo4j: {
      uri: env.NEO4J_URI || null,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || '',
      database: env.NEO4J_DATABASE || undefined,
      connectionTimeoutMs: int(env.NEO4J_CONNECTION_TIMEOUT_MS, 3000),
      maxRetryTimeMs: int(env.NEO4J_MAX_RETRY_MS, 5000),
    },
    neo4jLocal: {
      boltPort: int(env.NEO4J_BOLT_PORT, 7687),
      httpPort: int(env.NEO4J_HTTP_PORT, 7474),
      home: rel(env.NEO4J_LOCAL_HOME || 'data/neo4j-local'),
      heap: env.NEO4J_LOCAL_HEAP || '512m',
      pagecache: env.NEO4J_LOCAL_PAGECACHE || '256m',
      startTimeoutMs: int(env.NEO4J_LOCAL_START_TIMEOUT_MS, 180000),
      java: env.NEO4J_LOCAL_JAVA || (env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java'),
      mvn: env.NEO4J_LOCAL_MVN || 'mvn',
      browserPostConnect: env.NEO4J_BROWSER_POST_CONNECT ?? `style http://localhost:${int(env.PORT, 3000)}/neo4j/style.grass`,
    },
    searchIndex: searchIndex(env.KG_SEARCH_INDEX),
    model: {
      id: env.KG_MODEL_ID || 'Xenova/bge-small-zh-v1.5',
      cacheDir: rel(env.KG_MODELS_DIR || 'models'),
      localDir: env.KG_MODEL_DIR ? path.resolve(env.KG_MODEL_DIR) : null,
      hfEndpoint: env.HF_ENDPOINT || null,
      disabled: (env.KG_EMBEDDER || '').toLowerCase() === 'none',
      timeoutMs: Math.max(50, int(env.KG_EMBED_TIMEOUT_MS, 2000)),
      queryBatch: Math.max(1, int(env.KG_EMBED_BATCH, 4)),
      threads: Math.max(0, int(env.KG_EMBED_THREADS, 1)),
      queryCache: Math.max(0, int(env.KG_QUERY_CACHE, 2000)),
      queryInstruction: /^(on|1|true|yes)$/i.test(env.KG_QUERY_INSTRUCTION ?? ''),
    },
    server: {
      corsOrigin: env.CORS_ORIGIN || null,
      rateLimitPerMinute: int(env.KG_RATE_LIMIT, 6000),
      requestTimeoutMs: int(env.KG_REQUEST_TIMEOUT_MS, 10000),
      bodyLimit: env.KG_BODY_LIMIT || '16kb',
      maxAnswerBytes: Math.max(16_384, int(env.KG_MAX_ANSWER_BYTES, 1_048_576)),
      sendTimeoutMs: Math.max(100, int(env.KG_SEND_TIMEOUT_MS, 15_000)),
      hsts: ['1', 'true', 'yes', 'on'].includes((env.KG_HSTS || '').toLowerCase()),
      allowedHosts: env.KG_ALLOWED_HOSTS ? env.KG_ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean) : null,
      trustProxy: env.KG_TRUST_PROXY || null,
    },
    logLevel: (env.KG_LOG_LEVEL as Config['logLevel']) || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}

/** The process-wide config. */
export const config: Config = loadConfig();
