/**
 * `npx tsx bench/typos.ts`: how the one-character corrections read typed plan terms, without the
 * model. Each coined term of the seeds (quoted in a plan, 3–4 characters: the corrected span
 * lengths) is typed with one character swapped for a homophone (pinyin-input typo) or for an
 * unrelated character of the plans, as the whole question and inside a sentence (…怎么推进);
 * a typo is read when the correction restores the term and the first result holds it. The dev
 * questions measure the other side: corrections of questions that have no typo (should be 0).
 * Writes bench/results/typos.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { loadConfig } from '../core/config';
import { buildKeyword } from '../search/build';
import { buildSearch, loadQueries, seedStore } from './lib/harness';

const readings = (ch: string) => pinyin(ch, { toneType: 'none', multiple: true, type: 'array' });

async function main(): Promise<void> {
  const config = loadConfig({ KG_EMBEDDER: 'none', KG_LOG_LEVEL: 'silent' });
  const store = await seedStore(config.seedsDir);
  const search = await buildSearch(store, config, null);
  const { vocabulary, corpus } = await buildKeyword(store); // the same vocabulary the search mined
  const text = corpus.tasks.map((t) => t.compactText).join('');
  // the plans' characters by reading, in order of first use (a deterministic choice of substitute)
  const byReading = new Map<string, string[]>();
  const chars = [...new Set(text.match(/[\u4e00-\u9fff]/g) ?? [])];
  for (const c of chars) for (const r of readings(c)) byReading.set(r, [...(byReading.get(r) ?? []), c]);
  const terms = [...new Set(vocabulary.terms.filter((t) => t.kind === 'quoted' && /^[\u4e00-\u9fff]{3,4}$/.test(t.text)).map((t) => t.text))];
  const cases: { kind: 'homophone' | 'other'; term: string; typo: string }[] = [];
  terms.forEach((term, n) => {
    const at = n % term.length; // one position per term, spread over the positions
    const ch = term[at];
    const homophone = readings(ch).flatMap((r) => byReading.get(r) ?? []).find((c) => c !== ch && !text.includes(term.slice(0, at) + c + term.slice(at + 1)));
    if (homophone) cases.push({ kind: 'homophone', term, typo: term.slice(0, at) + homophone + term.slice(at + 1) });
    const other = chars[(n * 7919) % chars.length];
    if (other !== ch && !readings(other).some((r) => readings(ch).includes(r))) cases.push({ kind: 'other', term, typo: term.slice(0, at) + other + term.slice(at + 1) });
  });
  const rows: { kind: string; as: string; term: string; typo: string; corrected: boolean; first: boolean }[] = [];
  for (const c of cases) {
    for (const [as, q] of [['alone', c.typo], ['in a sentence', `${c.typo}怎么推进`]] as const) {
      const r = await search.search(q, { k: 1 });
      const corrected = r.interpretation.corrections.some((x) => x.to.includes(c.term) || c.term.includes(x.to));
      const first = r.results.length > 0 && String(r.results[0].node.properties.text ?? '').replace(/\s/g, '').includes(c.term);
      rows.push({ kind: c.kind, as, term: c.term, typo: c.typo, corrected, first });
    }
  }
  const summary: Record<string, { n: number; corrected: number; first: number }> = {};
  for (const r of rows) {
    const k = `${r.kind}, ${r.as}`;
    const s = (summary[k] ??= { n: 0, corrected: 0, first: 0 });
    s.n++;
    if (r.corrected) s.corrected++;
    if (r.first) s.first++;
  }
  const dev = loadQueries(path.join(config.root, 'eval', 'queries-dev.json'));
  let falseCorrections = 0;
  for (const q of dev) if ((await search.search(q.q)).interpretation.corrections.length) falseCorrections++;
  console.log(`${terms.length} coined terms of 3–4 characters (no model)`);
  for (const [k, s] of Object.entries(summary)) console.log(`${k.padEnd(28)} n ${String(s.n).padStart(3)}  corrected ${(100 * s.corrected / s.n).toFixed(1).padStart(5)} %  term in first result ${(100 * s.first / s.n).toFixed(1).padStart(5)} %`);
  console.log(`dev questions with a correction (none has a typo): ${falseCorrections}/${dev.length}`);
  for (const r of rows) if (!r.corrected && r.kind === 'homophone') console.log(`  not read: ${r.typo} (${r.term}) ${r.as}`);
  fs.writeFileSync(path.join(config.root, 'bench', 'results', 'typos.json'), JSON.stringify({ date: new Date().toISOString(), config: 'no model, default settings, seeds', terms: terms.length, summary, falseCorrections: { dev: falseCorrections, n: dev.length }, rows }, null, 1));
}

main().then(() => process.exit(0));
