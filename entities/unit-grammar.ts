/**
 * The grammar of Chinese government unit names: [region] [level] [委 (Party committee)] body type,
 * e.g. 嘉兴市 | 市 | · | 住房和城乡建设 | 局, 省 | · | 人力资源和社会保障 | 厅, 市 | 委 | 宣传 | 部.
 * The body is shortened by the rules of entities/lexicon/unit-words.json (住房城乡建设 → 住建);
 * the type by its short form (委员会 → 委). Knowledge of names lives in that file, not here.
 */
import words from './lexicon/unit-words.json';
import { findRegionMentions, type Region } from './regions';

interface UnitWords {
  rules: ([string, string] | [string, string, string])[]; // [full, short] or [full, short, the unit types it applies to]
  types: [string, string][];
  partyBodies: string[];
  successors: [string, string][];
}
const LEX = words as unknown as UnitWords;
const BODY_RULES = new Map<string, { short: string; types: string | null }[]>();
for (const [full, short, types] of LEX.rules) {
  const list = BODY_RULES.get(full) ?? [];
  list.push({ short, types: types ?? null });
  BODY_RULES.set(full, list);
}
const PARTY = new Set(LEX.partyBodies);
const SUCCESSORS = new Map(LEX.successors.map(([former, current]) => [canonicalBody(former), canonicalBody(current)]));
/** Type words, longest first; full forms map to their short form. */
const TYPES: [string, string][] = [
  ...LEX.types,
  ...'局 厅 委 办 部 中心 集团 公司 院 会 所 站 支队 大队 队 处 署 社 联 行 馆 科 室 组 团'.split(' ').map((t) => [t, t] as [string, string]),
].sort((a, b) => b[0].length - a[0].length);

export type UnitLevel = '省' | '市' | '县' | '区' | '乡' | '镇' | '街道';
const LEVELS: UnitLevel[] = ['街道', '省', '市', '县', '区', '乡', '镇'];
/** The level word of a region's own bodies: 省 for a province, 市 for a city … */
export const LEVEL_OF_REGION: Record<Region['level'], UnitLevel> = { province: '省', city: '市', county: '县', district: '区' };

/** The level word a region's bodies carry: a municipality is a province-level 市 whose bodies are 市… (北京市发改委 = its 市发改委). */
export function bodiesLevel(r: Region): UnitLevel {
  return r.level === 'province' && r.name.endsWith('市') ? '市' : LEVEL_OF_REGION[r.level];
}
/** Words that start with a level character but are no level prefix: 市场监管局 is not 市 + 场监管局. */
const NOT_LEVEL = /^(?:市场|市民(?!政)|市政(?:工程|设施|公用)|区域|区块|县域|省域|市域|乡村|镇村|街道办事处)/;

export interface UnitName {
  raw: string;
  region: string | null; // a region named in the unit name (嘉兴市发改委 → 嘉兴市), full name
  level: UnitLevel | null; // 省 / 市 / 县 / 区 …, from the prefix or the named region
  party: boolean; // a body of the Party committee (市委宣传部, 市委政法委, 市网信办)
  body: string; // shortened: 住建, 人社, 发改
  type: string; // shortened: 局, 厅, 委, 办, 部 …; '' when none (a region's government: 平湖市)
}

/** "各县（市、区）政府" = "各县市区政府", 有关 = 相关, a trailing （单位） dropped. */
export function normaliseCollective(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[（(]\s*(?:单位|部门)\s*[）)]$/, '')
    .replace(/[（(]([^（）()]*)[）)]/g, (_m, inner: string) => inner.replace(/[、,，]/g, ''))
    .replace(/[、]/g, '')
    .replace(/有关/g, '相关');
}

/** A body in its short form by the lexicon's rules: 发展和改革 → 发改, 公安 → 公安; 监 → 市场监管 for a 局, 监察 for a 委. */
export function canonicalBody(body: string, type = ''): string {
  // a branch (公安分局, 生态环境分局) is its bureau's body's branch
  if (type === '局' && body.length > 1 && body.endsWith('分')) return `${canonicalBody(body.slice(0, -1), type)}分`;
  const b = body.replace(/[和与]/g, '');
  return BODY_RULES.get(b)?.find((r) => !r.types || r.types.includes(type))?.short ?? b;
}

/** The body a renamed body is now (环保 → 生态环境), or null. */
export function successorBody(body: string): string | null {
  return SUCCESSORS.get(body) ?? null;
}

/** Parses a unit name by the grammar (no fuzzy matching: what is not recognised stays in the body). */
export function parseUnitName(input: string): UnitName {
  let s = input.replace(/\s+/g, '').replace(/^中共|^中国共产党/, '');
  const raw = s;
  let region: string | null = null;
  let level: UnitLevel | null = null;
  const lead = findRegionMentions(s)[0];
  // a name opening with a level character has no region before it (市中级人民法院 is not 市中区 + …)
  if (lead && lead.start === 0 && !/^[省市县区]/.test(s)) {
    const r = lead.candidates[0];
    // a region's full name, or its short form followed by more of the name (嘉兴发改委)
    if (lead.text === r.name || s.length > lead.text.length) {
      region = r.name;
      level = bodiesLevel(r);
      s = s.slice(lead.text.length);
    }
  }
  if (!NOT_LEVEL.test(s)) {
    const lv = LEVELS.find((l) => s.startsWith(l) && s.length > l.length);
    if (lv) {
      level = lv;
      s = s.slice(lv.length);
    }
  }
  let party = false;
  if (level && /^委/.test(s) && !/^委员会/.test(s)) {
    party = true;
    s = s.slice(1);
  }
  let type = '';
  for (const [full, short] of TYPES) {
    if (s.endsWith(full) && (s.length > full.length || party || full.length >= 2)) {
      type = short;
      s = s.slice(0, s.length - full.length);
      break;
    }
  }
  // a city bureau's branch in a district or county (佛山市公安局顺德分局) is that district's 分局
  // (顺德公安分局, 顺德区公安分局, the 区公安分局 of a 顺德区 plan)
  const branch = type === '局' ? /^(.+?)局(.+)分$/.exec(s) : null;
  const where = branch ? findRegionMentions(branch[2])[0] : undefined;
  const district = where && where.start === 0 && where.text.length === branch![2].length ? where.candidates.find((c) => c.level === 'district' || c.level === 'county') : undefined;
  if (branch && district) {
    region = district.name;
    level = bodiesLevel(district);
    s = `${branch[1]}分`;
  }
  const body = canonicalBody(s, type);
  if (PARTY.has(body) && /^(?:部|办|委)$/.test(type)) party = true;
  return { raw, region, level, party, body, type };
}

/** The canonical short form: 市住建局, 省人社厅, 市委宣传部, 市政府办; a bare region stays as named. */
export function canonicalUnit(u: UnitName, opts: { region?: string | null; level?: UnitLevel | null } = {}): string {
  const level = u.level ?? (u.party || u.type ? opts.level ?? null : null);
  // the plan's own region is implied; another region named in the unit stays (平湖市, 嘉善县政府)
  const regionPart = u.region && u.region !== opts.region ? u.region : '';
  const levelPart = regionPart ? (u.party ? '委' : '') : `${level ?? ''}${u.party ? '委' : ''}`;
  return `${regionPart}${levelPart}${u.body}${u.type}`;
}
