/** The human-readable API page (`GET /api`), rendered from the OpenAPI document, all text escaped. */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

interface Op {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description: string; example?: unknown }[];
  responses?: Record<string, { description: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
}

/** "PlanComparison" for a $ref'd JSON body, else the media type ("text/html"), else nothing. */
function bodyName(r: { content?: Record<string, { schema?: { $ref?: string } }> }): string {
  const [mediaType, media] = Object.entries(r.content ?? {})[0] ?? [];
  if (!mediaType) return '';
  return media?.schema?.$ref?.split('/').pop() ?? mediaType;
}

function curl(path: string, op: Op): string {
  const params = op.parameters ?? [];
  let url = path;
  for (const p of params.filter((p) => p.in === 'path')) url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example ?? p.name)));
  const qs = params.filter((p) => p.in === 'query' && p.example !== undefined).map((p) => `${p.name}=${encodeURIComponent(String(p.example))}`);
  return `curl -s 'http://127.0.0.1:3000${url}${qs.length ? `?${qs.join('&')}` : ''}'`;
}

export function renderApiPage(doc: Record<string, unknown>): string {
  const info = doc.info as { title: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Op>>;
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const rows = (op.parameters ?? [])
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? '必填 required' : ''}</td><td>${escapeHtml(p.description)}</td></tr>`)
        .join('');
      const responses = Object.entries(op.responses ?? {}).map(([s, r]) => `<li><code>${escapeHtml(s)}</code> ${escapeHtml(r.description)}${bodyName(r) ? ` → <code>${escapeHtml(bodyName(r))}</code>` : ''}</li>`).join('');
      sections.push(`<section class="endpoint"><h2><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(op.summary ?? '')}${op.description ? ` — ${escapeHtml(op.description)}` : ''}</p>
${rows ? `<table><thead><tr><th>参数 name</th><th>in</th><th></th><th>说明 description</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
<ul class="responses">${responses}</ul>
${method === 'get' ? `<pre>${escapeHtml(curl(path, op))}</pre>` : ''}</section>`);
    }
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API · ${escapeHtml(info.title)}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/style.css"></head>
<body class="api-page"><main><h1>${escapeHtml(info.title)}</h1><p>${escapeHtml(info.description)}</p>
<p><a href="/api/openapi.json">OpenAPI 3.1 JSON</a> · <a href="/">返回检索 / back to search</a></p>
${sections.join('\n')}</main></body></html>`;
}
