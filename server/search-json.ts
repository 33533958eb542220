/**
 * The JSON text of a search response, equal to `JSON.stringify(response)` but with each
 * result's neighbourhood taken from search/neighbourhood.ts's serialised memo: the
 * neighbourhoods are four fifths of a response and the same tasks answer many questions.
 */
import { neighbourhoodJson } from '../search/neighbourhood';
import type { SearchResponse } from '../search/types';

// `{"a":1}` + key + value → `{"a":1,"key":value}` (the key goes last, as in the object).
function withKey(objectJson: string, key: string, valueJson: string): string {
  const sep = objectJson.length > 2 ? ',' : '';
  return `${objectJson.slice(0, -1)}${sep}${JSON.stringify(key)}:${valueJson}}`;
}

const EMPTY = '{"nodes":[],"relationships":[]}';

/**
 * The answer's JSON. Over `maxBytes` (config.server.maxAnswerBytes), the neighbourhoods of the
 * last results are left empty (their nodes stay, a note says how many) until it fits: a backstop
 * behind the k/depth limits of server/validation.ts, so no answer is ever unbounded.
 */
export function searchJson(response: SearchResponse, maxBytes = Infinity): string {
  const { results, ...head } = response;
  const rests = results.map(({ neighbourhood: _n, ...rest }) => JSON.stringify(rest));
  const hoods = results.map((r) => neighbourhoodJson(r.neighbourhood));
  const size = (n: number) => rests.reduce((s, r, i) => s + Buffer.byteLength(r) + (i < n ? Buffer.byteLength(hoods[i]) : EMPTY.length) + 20, 0);
  let kept = results.length;
  const headJson = JSON.stringify(head);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most answers are shown to fit without counting
  const chars = headJson.length + rests.reduce((n, r, i) => n + r.length + hoods[i].length + 20, 0);
  const headBytes = Buffer.byteLength(headJson) + 200;
  if (chars * 3 + 200 > maxBytes && headBytes + size(kept) > maxBytes) {
    while (kept > 0 && headBytes + size(kept) > maxBytes) kept--;
    const note = `回答过大，后 ${results.length - kept} 条结果未附邻域 / answer over ${maxBytes} bytes: neighbourhoods of the last ${results.length - kept} results left out`;
    head.interpretation = { ...head.interpretation, notes: [...head.interpretation.notes, note] };
  }
  const items = rests.map((r, i) => withKey(r, 'neighbourhood', i < kept ? hoods[i] : EMPTY));
  return withKey(JSON.stringify(head), 'results', `[${items.join(',')}]`);
}
