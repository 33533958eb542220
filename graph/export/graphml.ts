import type { GraphData, PropValue } from '../model';

type Domain = 'node' | 'edge';
type AttrType = 'string' | 'boolean' | 'int' | 'long' | 'double';

/**
 * Text safe in XML 1.0 content and attributes: markup characters as entities, CR/LF/TAB as
 * character references (so attribute normalisation keeps them), and characters XML 1.0 cannot
 * carry at all (C0 controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- these control characters are what is being matched
    .replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attrType(values: PropValue[]): { type: AttrType; list: boolean } {
  const present = values.filter((v) => v !== null);
  if (present.length && present.every(Array.isArray)) {
    const flat = (present as (string | number)[][]).flat();
    return { type: flat.length && flat.every((x) => typeof x === 'number') ? (flat.every(Number.isInteger) ? 'long' : 'double') : 'string', list: true };
  }
  if (present.length && present.every((v) => typeof v === 'boolean')) return { type: 'boolean', list: false };
  if (present.length && present.every((v) => typeof v === 'number')) return { type: (present as number[]).every(Number.isInteger) ? 'long' : 'double', list: false };
  return { type: 'string', list: false };
}

// Lists as JSON arrays with attr.list (the convention of APOC's GraphML export); other values as text.
const valueText = (v: PropValue) => (Array.isArray(v) ? JSON.stringify(v) : typeof v === 'string' ? v : String(v));

interface Key {
  id: string;
  name: string;
  domain: Domain;
  type: AttrType;
  list: boolean;
}

function keysFor(domain: Domain, items: { properties: Record<string, PropValue> }[], first: Key, start: number): Key[] {
  const names = [...new Set(items.flatMap((x) => Object.keys(x.properties)))].sort();
  return [
    first,
    ...names.map((name, i) => ({ id: `d${start + i}`, name, domain, ...attrType(items.map((x) => x.properties[name] ?? null)) })),
  ];
}

/**
 * GraphML 1.0: one `<key>` per property (typed; lists as JSON text), nodes carrying their labels
 * as `:A:B` in `labels` data (like APOC), edges their type in `label` data, every value escaped.
 */
export function toGraphml(data: GraphData): string {
  const nodeKeys = keysFor('node', data.nodes, { id: 'labels', name: 'labels', domain: 'node', type: 'string', list: false }, 0);
  const edgeKeys = keysFor('edge', data.relationships, { id: 'label', name: 'label', domain: 'edge', type: 'string', list: false }, nodeKeys.length);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of [...nodeKeys, ...edgeKeys]) {
    out.push(`  <key id="${k.id}" for="${k.domain}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"${k.list ? ` attr.list="${k.type}"` : ''}/>`);
  }
  out.push('  <graph id="G" edgedefault="directed">');
  const data_ = (keys: Key[], props: Record<string, PropValue>) =>
    keys.slice(1).filter((k) => props[k.name] !== null && props[k.name] !== undefined).map((k) => `<data key="${k.id}">${xmlEscape(valueText(props[k.name]))}</data>`).join('');
  for (const n of data.nodes) {
    const labels = n.labels.map((l) => `:${l}`).join('');
    out.push(`    <node id="${xmlEscape(n.id)}"><data key="labels">${labels}</data>${data_(nodeKeys, n.properties)}</node>`);
  }
  data.relationships.forEach((r, i) => {
    out.push(`    <edge id="e${i}" source="${xmlEscape(r.start)}" target="${xmlEscape(r.end)}"><data key="label">${r.type}</data>${data_(edgeKeys, r.properties)}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
