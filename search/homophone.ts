/**
 * Whether two characters share a reading (pinyin without tones, any of their readings): the
 * mark of a pinyin-input typo (浙里半 for 浙里办, 城市大恼 for 城市大脑, 数子化 for 数字化).
 * Readings from pinyin-pro's dictionary, remembered per character.
 */
import { pinyin } from 'pinyin-pro';

const readings = new Map<string, Set<string>>();

function readingsOf(ch: string): Set<string> {
  let r = readings.get(ch);
  if (!r) {
    r = new Set(/^[\u3400-\u9fff]$/.test(ch) ? pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }) : []);
    readings.set(ch, r);
  }
  return r;
}

export function homophones(a: string, b: string): boolean {
  const ra = readingsOf(a);
  for (const x of readingsOf(b)) if (ra.has(x)) return true;
  return false;
}
