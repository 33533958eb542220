// Fetch helpers for the JSON API: errors become Error objects carrying the API's code and message.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function getJson(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const url = qs.toString() ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器 / cannot reach the server');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body && body.error ? body.error : { code: 'HTTP_' + res.status, message: res.statusText };
    throw new ApiError(res.status, e.code, e.message);
  }
  return body;
}

export const nodePath = (id) => `/api/nodes/${encodeURIComponent(id)}`;
export const api = {
  search: (params) => getJson('/api/search', params),
  neighbourhood: (id, depth = 1) => getJson(`${nodePath(id)}/neighbourhood`, { depth, limit: 60 }),
  plans: () => getJson('/api/plans'),
  stats: () => getJson('/api/stats'),
  health: () => getJson('/api/health'),
  about: () => getJson('/api/about'),
  units: (q) => getJson('/api/units', { q, limit: 20 }),
  applications: (q) => getJson('/api/applications', { q, limit: 20 }),
  source: (file, from, to) => getJson(`/api/source/${encodeURIComponent(file)}`, { from, to }),
};
