/**
 * Application identity: one Application per name whatever the wrapping. The key drops quotes,
 * spaces, version tags (2.0, V3, （2.0版）), a region or level prefix (金华市…, 省…, 市级…) and a
 * trailing 应用 / 平台 / 系统 (当 at least three characters remain), and lower-cases Latin letters:
 * 浙里督 = “浙里督”系统, 互联网+监管 = “互联网+监管”平台, 浙江公平在线 = 公平在线.
 */
import { memoize } from '../core/memo';
import { tagWords } from './pos';
import { lookupRegions } from './regions';

const VERSION = /(?:（?(?:[vV]?\d+(?:\.\d+)+|[vV]\d+)(?:版)?）?)$/;
const TRAILING_HEAD = /(?:场景应用|应用场景|应用系统|应用|平台|系统)$/;
const LEVEL_WORD = /^(?:省|市|县|区|省级|市级|县级|区级|全省|全市|全县|全区)$/;

/** The name without a leading region name or level word, when at least three characters remain. */
function withoutPrefix(k: string): string {
  let out = k;
  for (let round = 0; round < 2; round++) {
    const first = tagWords(out)[0];
    if (!first) break;
    const isRegion = first.word.length >= 2 && lookupRegions(first.word).some((r) => r.name === first.word || (r.short === first.word && first.tag === 'ns'));
    if ((isRegion || LEVEL_WORD.test(first.word)) && [...out].length - first.word.length >= 3) out = out.slice(first.word.length);
    else break;
  }
  return out;
}

/** The identity key of an application name (same key = same application). Pure, and asked for the same names (the platform list) on every task. */
export const appKey = memoize(computeKey, 20_000);

function computeKey(name: string): string {
  let k = name.replace(/[\s“”‘’"'「」『』]/g, '').toLowerCase();
  k = k.replace(VERSION, (m) => (k.length - m.length >= 3 ? '' : m));
  k = withoutPrefix(k);
  k = k.replace(TRAILING_HEAD, (m) => (k.length - m.length >= 3 ? '' : m));
  return k;
}

/** A display form: spaces removed, ASCII quotes made Chinese ("“智水一件事” 应用" → "“智水一件事”应用"). */
export function cleanAppName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').replace(/"([^"]+)"/g, '“$1”');
}
