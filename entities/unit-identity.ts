/**
 * Unit identity: one key per body within a region, from the unit-name grammar (unit-grammar.ts):
 * 市发展和改革委员会 = 市发展改革委 = 市发改委, 市委政法委 = 市政法委, 省人社厅 ≠ 市人社局. Only
 * whole-body rewrites of the lexicon, no fuzzy matching: two different bodies never share a key.
 */
import { fold } from '../core/fold';
import { canonicalUnit, LEVEL_OF_REGION, normaliseCollective, parseUnitName } from './unit-grammar';

export interface UnitContext {
  region?: string | null; // the plan's region (full name): a unit named with it is the plan's own
  level?: 'province' | 'city' | 'county' | 'district' | null; // the plan's level: the level of a bare 宣传部
}


/** A 〔…〕 part names the same body under another name: "市发改委〔市社建委〕". */
export function bracketForms(raw: string): { main: string; alternates: string[] } {
  const alternates: string[] = [];
  const main = raw.replace(/〔([^〔〕]+)〕/g, (_m, inner: string) => {
    alternates.push(inner);
    return '';
  });
  return { main: main || raw, alternates };
}

/** Collective units: "各县（市、区）政府", "市级有关单位", "省安委会各成员单位". */
export function isCollective(raw: string): boolean {
  return /^各|各(?:成员)?单位|各部门|有关|相关|成员单位|专班成员/.test(raw);
}

/** The canonical key of a unit name (same key = same body within one region; 省財政廳 = 省财政厅). */
export function unitKey(raw: string, ctx: UnitContext = {}): string {
  const { main } = bracketForms(fold(raw).replace(/\s+/g, ''));
  if (isCollective(main)) return normaliseCollective(main);
  const u = parseUnitName(main);
  return canonicalUnit(u, { region: ctx.region ?? null, level: ctx.level ? LEVEL_OF_REGION[ctx.level] : null });
}

/**
 * A unit's name with its region, as people write it: 绍兴市 + 市公安局 → 绍兴市公安局 (the name's
 * level word is the region's own), 浙江省 + 省大数据局 → 浙江省大数据局, 嘉善县 + 县府办 → 嘉善县府办.
 * The page's answers.js writes names the same way.
 */
export function qualifiedUnitName(region: string | null, name: string): string {
  if (!region || name.startsWith(region)) return name;
  return name[0] === region[region.length - 1] && '省市县区'.includes(name[0]) ? region + name.slice(1) : region + name;
}
