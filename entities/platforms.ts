/**
 * The platform dictionary (lexicon/platforms.json) and the province abbreviations regional brands
 * are built on (lexicon/province-abbreviations.json). Formats: see the `about` field of each file
 * and docs/INGEST.md.
 */
import platforms from './lexicon/platforms.json';
import abbreviations from './lexicon/province-abbreviations.json';
import { tagWords } from './pos';
import { lookupRegions } from './regions';

export interface Platform {
  name: string;
  region: string | null;
  generic?: boolean; // a programme name also used as a common noun (一网通办): never dictionary evidence alone
}

const LIST: Platform[] = (platforms as { platforms: Platform[] }).platforms;

/** Platforms recognised as dictionary evidence in any text. */
export function knownPlatforms(): string[] {
  return LIST.filter((p) => !p.generic).map((p) => p.name);
}

const ABBR = new Set(Object.values((abbreviations as { abbreviations: Record<string, string> }).abbreviations).join(''));

/**
 * A regional brand: a province abbreviation followed by 2-5 more characters (浙冷链, 粤省事, 浙里康养).
 * Not when jieba reads its start as an ordinary word (浙江…, 新型…, 青年…, 黑土地) or a region (宁波).
 */
export function isBrand(name: string): boolean {
  const chars = [...name];
  if (chars.length < 3 || chars.length > 6 || !ABBR.has(chars[0]) || !/^[\u4e00-\u9fff]+$/.test(name)) return false;
  const first = tagWords(name)[0];
  if (first && first.word === name && first.tag !== 'x') return false; // one ordinary word: 云计算
  if (!first || first.word.length === 1 || /^[xj]$/.test(first.tag)) return true;
  if (lookupRegions(first.word).length > 0) return false;
  return first.word.length === 2 && !/^(?:n|b|t|nr|nz|r|a|v|vn|m)$/.test(first.tag);
}
