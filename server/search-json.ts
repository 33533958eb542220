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

export function searchJson(response: SearchResponse): string {
  const { results, ...head } = response;
  const items = results.map(({ neighbourhood, ...rest }) => withKey(JSON.stringify(rest), 'neighbourhood', neighbourhoodJson(neighbourhood)));
  return withKey(JSON.stringify(head), 'results', `[${items.join(',')}]`);
}
