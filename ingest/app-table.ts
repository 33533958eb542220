/**
 * Attachment lists of key applications: tab- or pipe-separated rows "序号 应用名称 责任单位"
 * grouped under tier lines ("重点打造一批（10 项）").
 */
import type { Line } from './normalize';
import { cleanAppName } from './app-names';
import { splitUnits } from './units';
import type { ListedApp } from './types';

function cells(text: string): string[] {
  const sep = text.includes('\t') ? '\t' : '|';
  return text.split(sep).map((c) => c.trim()).filter((c, i, all) => !(sep === '|' && (i === 0 || i === all.length - 1) && c === ''));
}

function isHeader(cs: string[]): boolean {
  return cs.some((c) => /序号|编号/.test(c)) && cs.some((c) => /名称|应用|项目/.test(c));
}

/** Tier label without its count: "重点打造一批（10 项）" → "重点打造一批". */
function tierOf(text: string): string {
  return text.replace(/[\t|]/g, '').replace(/（\s*\d+\s*项?\s*）\s*$/, '').replace(/[：:]$/, '').trim();
}

/** Rows of every application list in the lines (normally the attachment after the body). */
export function parseAppTable(lines: Line[]): ListedApp[] {
  const out: ListedApp[] = [];
  let tier = '';
  let cols: { name: number; units: number } | null = null;
  for (const line of lines) {
    const text = line.text;
    if (!text.includes('\t') && !text.includes('|')) {
      if (/一批|类|第[一二三四五六七八九十]+[批类]/.test(text) && text.length <= 30) tier = tierOf(text);
      continue;
    }
    const cs = cells(text);
    if (isHeader(cs)) {
      const name = cs.findIndex((c) => /名称/.test(c));
      cols = { name: name >= 0 ? name : 1, units: cs.findIndex((c) => /单位|部门/.test(c)) };
      continue;
    }
    if (cs.length && !/^\d{1,3}$/.test(cs[0])) {
      if (cs.slice(1).every((c) => c === '') || cs.length === 1) tier = tierOf(text);
      continue;
    }
    if (!cols || cs.length < 2) continue;
    const name = cleanAppName(cs[cols.name] ?? '');
    if (!name) continue;
    const units = cols.units >= 0 && cs[cols.units] ? splitUnits(cs[cols.units]) : [];
    out.push({ name, tier, no: Number(cs[0]), units });
  }
  return out;
}
