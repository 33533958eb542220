/**
 * The applications a text names (entry point for ingest): candidates of the grammar
 * (app-grammar.ts), the attachment table's names and the platform dictionary found in the text,
 * one per identity (app-identity.ts), each with its strongest evidence and a confidence.
 */
import { appKey, cleanAppName } from './app-identity';
import { byHead, byList, byQuotes, EVIDENCE_CONFIDENCE, splitOutside, type AppCandidate, type AppEvidence } from './app-grammar';
import { isBrand, knownPlatforms } from './platforms';
import { tagWords } from './pos';

export type { AppEvidence } from './app-grammar';

export interface AppFound {
  name: string; // as printed (spaces removed)
  evidence: AppEvidence;
  confidence: number; // 0..1, from the evidence
  clear: boolean; // confidence ≥ 0.8: an unmistakable name
}

const RANK: Record<AppEvidence, number> = { list: 0, suffix: 1, dictionary: 2, quoted: 3, attachment: 4 };

function byDictionary(text: string, names: string[], evidence: AppEvidence, out: AppCandidate[]): void {
  const flat = text.replace(/[“”]/g, '').toLowerCase();
  for (const n of names) {
    for (const form of new Set([n.replace(/[“”\s]/g, '').toLowerCase(), appKey(n)])) {
      if ([...form].length < 3) continue;
      const i = flat.indexOf(form);
      if (i >= 0) {
        out.push({ pos: i, name: n, evidence });
        break;
      }
    }
  }
}

/** Longest clause read as one: a name is at most 30 characters, prose clauses are far shorter. */
const MAX_CLAUSE = 240;

/** A clause without punctuation longer than MAX_CLAUSE (not prose) is read in overlapping windows, so work stays linear. */
function windows(c: { text: string; pos: number }): { text: string; pos: number }[] {
  if (c.text.length <= MAX_CLAUSE) return [c];
  const out: { text: string; pos: number }[] = [];
  for (let i = 0; i < c.text.length; i += MAX_CLAUSE - 40) out.push({ text: c.text.slice(i, i + MAX_CLAUSE), pos: c.pos + i });
  return out;
}

/** The applications a task text names, in order of first mention, one per identity. */
export function extractApplications(text: string, knownApps: string[] = [], title = ''): AppFound[] {
  // a task title names the task's area ("打造产业发展应用"); only quoted names in it count
  const fromTitle = title ? extractApplications(title, knownApps).filter((a) => a.evidence === 'quoted' || a.evidence === 'attachment' || a.evidence === 'dictionary') : [];
  const t = text.replace(/[ \t\u3000]+/g, '');
  const cands: AppCandidate[] = [];
  for (const c of splitOutside(t, /[，。；：！？\n,;]/).flatMap(windows)) {
    // only a clause with a head word or an enumeration's 等 can name an application by grammar
    if (!c.text || !/等|应用|平台|系统|在线|大脑|e本账|一张图/i.test(c.text)) continue;
    const words = tagWords(c.text);
    byHead(c.text, c.pos, words, cands);
    byList(c.text, c.pos, words, isBrand, cands);
  }
  byQuotes(t, isBrand, cands);
  byDictionary(t, knownApps, 'attachment', cands);
  byDictionary(t, knownPlatforms(), 'dictionary', cands);
  const listed = new Set(knownApps.map(appKey));
  cands.sort((a, b) => a.pos - b.pos || RANK[b.evidence] - RANK[a.evidence]);
  const seen = new Map<string, AppFound>(fromTitle.map((a) => [appKey(a.name), a]));
  const strong = cands.filter((c) => !c.weak);
  const strongKeys = new Set(strong.map((c) => appKey(ownName(cleanAppName(c.name)))));
  const vouched = cands.filter((c) => c.weak && c.siblings!.some((sib) => [...strongKeys].some((k) => k.length >= 2 && appKey(sib.replace(/^[和及与]/, '')).endsWith(k))));
  for (const c of [...strong, ...vouched].sort((a, b) => a.pos - b.pos || RANK[b.evidence] - RANK[a.evidence])) {
    const name = ownName(cleanAppName(c.name));
    const key = appKey(name);
    if ([...key].length < 2) continue;
    const evidence: AppEvidence = listed.has(key) ? 'attachment' : c.evidence;
    const prev = seen.get(key);
    if (prev) {
      if (RANK[evidence] > RANK[prev.evidence]) Object.assign(prev, found(prev.name, evidence));
    } else seen.set(key, found(name, evidence));
  }
  return [...seen.values()];
}

/** Heads that make a quoted name a name by itself (“浙政钉”, “全球通”, “健康码”). */
const OWN_NAME = /(?:钉|通|码|链|在线|大脑|e本账)$/i;

/**
 * A quoted name with a description after it is that name: “浙政钉”政务协同办公系统 = 浙政钉,
 * 为侨服务“全球通”应用 = 全球通, when the quoted part is a brand, a dictionary platform or has a
 * head of its own; “雪亮工程”智能应用 and “枫桥经验”应用 stay whole (the quote is a programme).
 */
export function ownName(name: string): string {
  const m = /^[^“”]{0,8}“([^“”]{2,12})”[^“”]*(?:应用|平台|系统|服务平台|门户)$/.exec(name);
  if (!m) return name;
  const inner = m[1];
  return isBrand(inner) || OWN_NAME.test(inner) || knownPlatforms().includes(inner) ? inner : name;
}

function found(name: string, evidence: AppEvidence): AppFound {
  const confidence = EVIDENCE_CONFIDENCE[evidence];
  return { name, evidence, confidence, clear: confidence >= 0.8 };
}
