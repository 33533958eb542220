/**
 * Chinese readings (pinyin without tones, from pinyin-pro's dictionary):
 * - `homophones(a, b)`: two characters share a reading — the mark of a pinyin-input typo (浙里半
 *   for 浙里办, 城市大恼 for 城市大脑); readings remembered per character;
 * - `romanized(text)`: a name as people type it in Latin letters (杭州 → hangzhou, 嵊泗 → shengsi).
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

/** The toneless pinyin of a Chinese name, syllables run together, lower case. */
export function romanized(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array' }).join('').toLowerCase();
}
