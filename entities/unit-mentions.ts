/**
 * Units named in a question, in any form (嘉兴市发改委, 嘉兴发展改革委, 市发改委, 省人社厅,
 * 金华市市场监督管理局, 发改部门), resolved by the unit grammar against the units of a graph:
 * a mention links to units of the region and level it names only. A mention whose region has no
 * such unit resolves to nothing and says so; it never falls back to another region's unit.
 */
import { bodiesLevel, canonicalUnit, canonicalBody, LEVEL_OF_REGION, parseUnitName, successorBody, type UnitLevel, type UnitName } from './unit-grammar';
import { findRegion, findRegionMentions, type Region } from './regions';

export interface UnitRecord {
  id: string;
  region: string; // full region name of the unit's plan (its scope when the plan names no region)
  key: string; // its canonical key within the region (unit:<region>/<key>)
  unknownRegion?: boolean; // the plan names no region: `region` is the plan's own scope
  level?: Region['level'] | null; // the plan's level, for a plan that names no region
}

export interface UnitMention {
  start: number;
  end: number;
  text: string;
  ids: string[]; // the units it names (empty: named region or level has none)
  region: string | null; // the region it names explicitly
  note?: string; // why nothing or several were linked
}

/** The type words a unit mention ends with (部门: a sector's units). */
const TYPE_END = /(?:人民法院|法院|检察院|委员会|办公室|办公厅|联合会|部门|中心|支队|局|厅|委|办|部|联)/g;

/** A graph's Unit node as the directory reads it: its id, region (null: the plan names none) and its plan's level. */
export interface UnitNodeRef {
  id: string;
  region: string | null;
  collective: boolean;
  planLevel: Region['level'] | null;
}

/**
 * Directory records of a graph's units (collectives left out): `unit:<region>/<key>`, or for a
 * plan that names no region `unit:<scope>/<key>` with the plan's level (graph/model.ts ids).
 */
export function unitRecords(units: Iterable<UnitNodeRef>): UnitRecord[] {
  const out: UnitRecord[] = [];
  for (const u of units) {
    if (u.collective) continue;
    if (u.region) {
      const prefix = `unit:${u.region}/`;
      if (u.id.startsWith(prefix)) out.push({ id: u.id, region: u.region, key: u.id.slice(prefix.length) });
      continue;
    }
    const m = /^unit:([^/]+)\/(.+)$/.exec(u.id);
    if (m) out.push({ id: u.id, region: m[1], key: m[2], unknownRegion: true, level: u.planLevel });
  }
  return out;
}

/** The unit ids a name (嘉兴发改委, 北京市政府办公厅, 市信息化办公室) means in a directory, by the unit grammar. */
export function unitsNamed(name: string, dir: UnitDirectory): string[] {
  const text = name.replace(/\s+/g, '');
  const [m] = findUnitMentions(text, dir, []);
  return m && m.start === 0 && m.end === text.length ? m.ids : [];
}

/** The units of a graph by region and key, for resolving mentions. */
export class UnitDirectory {
  private readonly byRegion = new Map<string, Map<string, string[]>>();
  private readonly levelOf = new Map<string, UnitLevel | null>();
  private readonly bodies = new Set<string>(); // every body some plan's unit has, in any region
  private readonly unknown = new Set<string>(); // scopes of plans that name no region

  constructor(units: UnitRecord[]) {
    for (const u of units) {
      this.bodies.add(parseUnitName(u.key).body);
      const m = this.byRegion.get(u.region) ?? new Map<string, string[]>();
      m.set(u.key, [...(m.get(u.key) ?? []), u.id]);
      this.byRegion.set(u.region, m);
      if (u.unknownRegion) {
        this.unknown.add(u.region);
        this.levelOf.set(u.region, u.level ? LEVEL_OF_REGION[u.level] : null);
      } else if (!this.levelOf.has(u.region)) {
        const r = findRegion(u.region);
        // a municipality (北京市: province-level) has 市… bodies, as the unit grammar reads them
        this.levelOf.set(u.region, r && r.name === u.region ? bodiesLevel(r) : null);
      }
    }
  }

  /** Units of `region` (full name) with this parsed name; [] when the region has none. */
  private inRegion(u: UnitName, region: string): string[] {
    const level = this.levelOf.get(region) ?? null;
    const key = canonicalUnit({ ...u, region: null }, { region, level });
    return this.byRegion.get(region)?.get(key) ?? [];
  }

  /** Units a parsed name means: its region's when it names one, else every region of its level. */
  resolve(u: UnitName, namedRegions: string[]): { ids: string[]; note?: string } {
    const found = this.resolveAs(u, namedRegions);
    if (found.ids.length) return found;
    // a bureau asked by the name of the branch its region has (顺德公安局: the plans print 佛山市公安局顺德分局)
    if (u.type === '局' && !u.body.endsWith('分') && u.body) {
      const branch = this.resolveAs({ ...u, body: `${u.body}分` }, namedRegions);
      if (branch.ids.length) return { ids: branch.ids, note: `${u.raw}：按分局关联 / linked to the branch bureau (分局)` };
    }
    const now = successorBody(u.body);
    if (!now) return found;
    // a body under its former name (环保局) that no plan prints: the body it became (生态环境局)
    const renamed = this.resolveAs({ ...u, body: now }, namedRegions);
    if (!renamed.ids.length) return found;
    return { ids: renamed.ids, note: `${u.raw}：按现名“${now}${u.type}”关联 / linked by the body's current name ${now}${u.type}` };
  }

  private resolveAs(u: UnitName, namedRegions: string[]): { ids: string[]; note?: string } {
    if (u.region) {
      const ids = this.inRegion(u, u.region);
      if (ids.length) return { ids };
      // a plan that names no region may be that region's: its unit of this name and level, said so
      const unknown = [...this.unknown].filter((r) => this.levelOf.get(r) === u.level || this.levelOf.get(r) === null).flatMap((r) => this.inRegion(u, r));
      if (unknown.length) return { ids: unknown, note: `${u.raw}：已载入的方案中没有${u.region}的这一单位，关联到未写明地区的方案中的同名单位 / no plan of ${u.region} names it: linked to the unit of that name in a plan that names no region` };
      return { ids: [], note: `${u.raw}：已载入的方案中没有${u.region}的这一单位，未关联 / no plan of ${u.region} names this unit: nothing linked` };
    }
    const regions = [...this.byRegion.keys()].filter((r) => !u.level || this.levelOf.get(r) === u.level);
    const scoped = namedRegions.length ? regions.filter((r) => namedRegions.includes(r)) : regions;
    const ids = scoped.flatMap((r) => this.inRegion(u, r));
    if (!ids.length && u.level && namedRegions.length === 0) return { ids: [] };
    return { ids };
  }

  /** Units of a sector ("发改部门", "省公安部门"): every unit whose body is that sector's, at the level named. */
  sector(body: string, level: UnitLevel | null, namedRegions: string[]): string[] {
    const want = canonicalBody(body);
    const out: string[] = [];
    for (const [region, keys] of this.byRegion) {
      if (level && this.levelOf.get(region) !== level) continue;
      if (namedRegions.length && !namedRegions.includes(region)) continue;
      for (const [key, ids] of keys) if (parseUnitName(key).body === want) out.push(...ids);
    }
    return out;
  }

  /** Some plan, in any region, has a unit of this body (发改, 公安 …). */
  knowsBody(body: string): boolean {
    const now = successorBody(body);
    return this.bodies.has(body) || (now !== null && this.bodies.has(now));
  }

  has(region: string): boolean {
    return this.byRegion.has(region);
  }

  /** Units that are a region's government, listed by its name (嘉善县, 平湖市 in a Jiaxing plan). */
  governments(regionName: string): string[] {
    return [...this.byRegion.values()].flatMap((keys) => keys.get(regionName) ?? []);
  }
}

/**
 * Unit mentions in a (normalised, space-free) question: at each type word, the longest span before
 * it that parses as a unit name naming a region, a level, or a body the directory knows. `words`
 * (where the question's words lie, [start, end) pairs) rules out a type word that begins a longer
 * word: 办 of 政府办事 is 办事, not 政府办.
 */
export function findUnitMentions(q: string, dir: UnitDirectory, namedRegions: string[], words: [number, number][] = []): UnitMention[] {
  const out: UnitMention[] = [];
  let floor = 0;
  for (const m of q.matchAll(TYPE_END)) {
    const end = m.index + m[0].length;
    if (m.index < floor) continue;
    if (words.some(([s, e]) => s >= m.index && s < end && e > end)) continue;
    // the bureau of a branch named after it (佛山市公安局|顺德分局): the whole name is the mention
    if (m[0] === '局' && isBranchTail(q.slice(end))) continue;
    if (m[0] === '部门') {
      const span = sectorSpan(q, m.index, floor, dir, namedRegions);
      if (!span) continue;
      out.push({ start: span.start, end, text: q.slice(span.start, end), ids: span.ids, region: span.region });
      floor = end;
      continue;
    }
    for (let start = Math.max(floor, end - 20); start <= m.index - 1; start++) {
      const text = q.slice(start, end);
      const u = parseUnitName(text);
      if (!u.body && !u.type) continue;
      const leadRegion = findRegionMentions(text)[0];
      const namesRegion = !!u.region && leadRegion?.start === 0;
      const namesLevel = !u.region && /^[省市县区]/.test(text) && u.level !== null;
      if (!namesRegion && !namesLevel && !u.body) continue;
      const r = dir.resolve(u, namedRegions);
      // a bare span that names nothing known, or a region with a body no plan has (北京政务服务一网通办
      // is no office of 北京): try a shorter one
      if (!r.ids.length && (!namesRegion || !dir.knowsBody(u.body))) continue;
      out.push({ start, end, text, ids: r.ids, region: u.region, note: r.note });
      floor = end;
      break;
    }
  }
  // a region named alone (or with 政府) whose government a plan lists as a unit: 嘉善县, 平湖市政府
  for (const r of findRegionMentions(q)) {
    if (out.some((u) => r.start < u.end && r.end > u.start)) continue;
    const ids = [...new Set(r.candidates.flatMap((c) => dir.governments(c.name)))];
    if (!ids.length) continue;
    const gov = /^(?:人民政府|政府)/.exec(q.slice(r.end));
    const end = r.end + (gov ? gov[0].length : 0);
    out.push({ start: r.start, end, text: q.slice(r.start, end), ids, region: r.candidates[0].name });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Text that opens with a district's or county's branch (顺德分局, 顺德区分局): what follows a city bureau's name in its branch's. */
function isBranchTail(text: string): boolean {
  const m = /^([\u4e00-\u9fff]{2,6}?)分局/.exec(text);
  const r = m ? findRegionMentions(m[1])[0] : undefined;
  return !!r && r.start === 0 && r.text.length === m![1].length && r.candidates.some((c) => c.level === 'district' || c.level === 'county');
}

/** "省发改部门" → level 省, body 发改; "嘉兴公安部门" → region 嘉兴市, body 公安: the longest span naming a known sector. */
function sectorSpan(q: string, at: number, floor: number, dir: UnitDirectory, namedRegions: string[]): { start: number; ids: string[]; region: string | null } | null {
  for (let start = Math.max(floor, at - 12); start < at - 1; start++) {
    let s = q.slice(start, at);
    let region: string | null = null;
    let level: UnitLevel | null = null;
    const lead = findRegionMentions(s)[0];
    if (lead && lead.start === 0 && s.length > lead.text.length) {
      region = lead.candidates[0].name;
      level = LEVEL_OF_REGION[lead.candidates[0].level];
      s = s.slice(lead.text.length);
    }
    if (/^[省市县区]/.test(s) && s.length > 1) {
      level = s[0] as UnitLevel;
      s = s.slice(1);
    }
    if (!/^[\u4e00-\u9fff]{2,8}$/.test(s)) continue;
    const ids = dir.sector(s, level, region ? [region] : namedRegions);
    if (ids.length) return { start, ids, region };
  }
  return null;
}
