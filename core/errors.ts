/**
 * Typed error codes shared by every layer. Each code maps to one HTTP status and says whether
 * retrying may help (as the Neo4j driver's `retriable`).
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, retriable: false, message: '请求参数无效 / invalid request parameter' },
  QUERY_EMPTY: { status: 400, retriable: false, message: '查询不能为空 / query must not be empty' },
  QUERY_TOO_LONG: { status: 400, retriable: false, message: '查询过长 / query too long' },
  NOT_FOUND: { status: 404, retriable: false, message: '未找到 / not found' },
  HOST_NOT_ALLOWED: { status: 421, retriable: false, message: '主机名不在允许列表中 / Host not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, retriable: false, message: '请求体过大 / payload too large' },
  METHOD_NOT_ALLOWED: { status: 405, retriable: false, message: '不支持该请求方法 / method not allowed' },
  HEADERS_TOO_LARGE: { status: 431, retriable: false, message: '请求头过大 / request header fields too large' },
  URL_NOT_ENCODED: { status: 308, retriable: false, message: 'URL 须百分号编码 / the URL must be percent-encoded' },
  RATE_LIMITED: { status: 429, retriable: true, message: '请求过于频繁 / too many requests' },
  TIMEOUT: { status: 503, retriable: true, message: '请求超时 / request timed out' },
  STORE_UNAVAILABLE: { status: 503, retriable: true, message: '图数据库不可用 / graph store unavailable' },
  INDEX_UNAVAILABLE: { status: 503, retriable: true, message: '索引不可用 / search index unavailable' },
  SNAPSHOT_VERSION: { status: 500, retriable: false, message: '快照版本未知 / unknown snapshot version' },
  SNAPSHOT_CORRUPT: { status: 500, retriable: false, message: '快照已损坏 / snapshot corrupt' },
  MODEL_UNAVAILABLE: { status: 503, retriable: false, message: '嵌入模型不可用 / embedding model unavailable' },
  WRITE_FAILED: { status: 500, retriable: false, message: '写入失败 / write failed' },
  INGEST_FAILED: { status: 422, retriable: false, message: '文档无法解析 / document could not be ingested' },
  INTERNAL: { status: 500, retriable: false, message: '内部错误 / internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a stable code, an HTTP status and a retriable flag. */
export class KgError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retriable: boolean;
  readonly details?: unknown;
  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; details?: unknown }) {
    super(message ?? ERROR_CODES[code].message, { cause: options?.cause });
    this.name = 'KgError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.retriable = ERROR_CODES[code].retriable;
    this.details = options?.details;
  }
}

/** Creates a typed error; `message` defaults to the code's bilingual text. */
export function createError(code: ErrorCode, message?: string, options?: { cause?: unknown; details?: unknown }): KgError {
  return new KgError(code, message, options);
}

export function isKgError(e: unknown): e is KgError {
  return e instanceof KgError;
}
