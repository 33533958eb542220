/**
 * Builds a larger corpus for the scale bench: `factor` × the seeds, as plain-text plan documents
 * in the seeds' own formats (so the real parser ingests them). Each copy of a seed is re-issued
 * for another Zhejiang city or county: region names and document numbers substituted, unit
 * aliases swapped (市发展改革委 ↔ 市发改委 …), and each task paragraph recombined (its sentences
 * after the numbered title shuffled, one sometimes replaced by a sentence of another real task).
 *
 * Usage: npx tsx bench/generate-corpus.ts FACTOR OUT_DIR [SEED]
 */
import fs from 'node:fs';
import path from 'node:path';

/** Cities and county-level regions of Zhejiang other than the seeds' own (嘉兴, 绍兴, 金华). */
export const REGIONS = [
  '杭州市', '宁波市', '温州市', '湖州市', '衢州市', '舟山市', '台州市', '丽水市',
  '余杭区', '萧山区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市', '慈溪市', '余姚市', '宁海县',
  '象山县', '乐清市', '瑞安市', '永嘉县', '平阳县', '苍南县', '文成县', '泰顺县', '德清县', '长兴县',
  '安吉县', '江山市', '常山县', '开化县', '龙游县', '岱山县', '嵊泗县', '临海市', '温岭市', '玉环市',
  '天台县', '仙居县', '三门县', '龙泉市', '青田县', '缙云县', '遂昌县', '松阳县', '云和县', '庆元县',
  '海宁市', '平湖市', '桐乡市', '嘉善县', '海盐县', '诸暨市', '嵊州市', '新昌县', '兰溪市', '义乌市',
  '东阳市', '永康市', '浦江县', '武义县', '磐安县',
];

const SEED_CITIES = [
  { full: '嘉兴市', short: '嘉兴', abbr: '嘉' },
  { full: '绍兴市', short: '绍兴', abbr: '绍' },
  { full: '金华市', short: '金华', abbr: '金' },
];
const ALIASES: [string, string][] = [['市发展改革委', '市发改委'], ['市人力社保局', '市人社局'], ['市自然资源和规划局', '市资规局']];
const CLAUSE = /责任单位|牵头单位|协同单位/;

/** mulberry32: a small seeded PRNG, so a corpus is reproducible from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentences = (s: string) => s.match(/[^。；]+[。；]?/g) ?? [];

function shuffle<T>(xs: T[], r: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** A task paragraph recombined: numbered title kept, the rest shuffled, sometimes one sentence from the pool. */
function recombine(line: string, pool: string[], r: () => number): string {
  if (line.length < 60 || CLAUSE.test(line)) return line;
  const [head, ...rest] = sentences(line);
  if (rest.length < 2) return line;
  const tail = rest[rest.length - 1].endsWith('。') ? [] : [rest.pop()!]; // a trailing （责任单位…) stays last
  if (r() < 0.3) rest[Math.floor(r() * rest.length)] = pool[Math.floor(r() * pool.length)];
  return [head, ...shuffle(rest, r), ...tail].join('');
}

function regionTexts(text: string, region: string, docNo: string): string {
  const short = region.replace(/(市|县|区)$/, '');
  let out = text.replace(/[嘉绍金]政发〔2022〕\d+号/g, docNo);
  for (const c of SEED_CITIES) out = out.split(c.full).join(region).split(c.short).join(short);
  return out;
}

/** One generated document: template seed `text` re-issued for `region`. */
export function variant(text: string, template: number, copy: number, pool: string[], r: () => number): string {
  const region = REGIONS[copy % REGIONS.length];
  const round = Math.floor(copy / REGIONS.length); // beyond the region list: later years, still unique titles
  const docNo = `${region[0]}政发〔${2022 + round}〕${copy * 10 + template + 1}号`;
  const lines = text.split('\n').map((l) => recombine(l, pool, r));
  if (template === 2) lines[0] = `${2020 + round}年${region}政府数字化转型工作实施方案`;
  if (template === 4) lines[0] = `${region}数字政府系统建设方案${round ? `（${2021 + round}年修订）` : ''}`;
  let out = regionTexts(lines.join('\n'), region, docNo);
  for (const [a, b] of ALIASES) if (r() < 0.5) out = out.split(a).join(b);
  return out;
}

/** Writes `factor` copies of every seed (copy 0 = the seeds themselves) into `outDir`; returns the file count and bytes. */
export function generateCorpus(seedsDir: string, outDir: string, factor: number, seed = 42): { files: number; bytes: number } {
  const names = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  const texts = names.map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
  const pool = texts.flatMap((t) => t.split('\n').filter((l) => l.length >= 60 && !CLAUSE.test(l)).flatMap((l) => sentences(l).slice(1)))
    .filter((s) => s.endsWith('。') && s.length > 12);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const r = rng(seed);
  let bytes = 0;
  for (let copy = 0; copy < factor; copy++) {
    texts.forEach((text, t) => {
      const body = copy === 0 ? text : variant(text, t, copy - 1, pool, r);
      const file = path.join(outDir, copy === 0 ? names[t] : `${String(copy).padStart(3, '0')}_${t}_${REGIONS[(copy - 1) % REGIONS.length]}.txt`);
      fs.writeFileSync(file, body);
      bytes += Buffer.byteLength(body);
    });
  }
  return { files: factor * texts.length, bytes };
}

if (require.main === module) {
  const [factor, out, seed] = process.argv.slice(2);
  if (!factor || !out) {
    console.error('usage: npx tsx bench/generate-corpus.ts FACTOR OUT_DIR [SEED]');
    process.exit(2);
  }
  const res = generateCorpus(path.join(__dirname, '..', 'seeds'), path.resolve(out), Number(factor), seed ? Number(seed) : 42);
  console.log(`${res.files} documents, ${(res.bytes / 1048576).toFixed(1)} MiB → ${out}`);
}
