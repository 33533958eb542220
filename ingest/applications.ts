/**
 * Named applications and platforms in task text: quoted names in an application context,
 * Name+应用/平台/系统/在线/大脑/e本账/一张图, enumerations "X、Y等应用" (with "等产业大脑"
 * distributed over the items), the plan's own application list and well-known platforms.
 */
import { appKey, cleanAppName, KNOWN_PLATFORMS } from './app-names';
import type { AppMention } from './types';

const SUFFIX_RUN = /(?:应用场景|场景应用|应用系统|应用|平台|子系统|系统|在线|大脑|e本账|一张图)+/gi;
const CUT_WORDS = /贯通|用好|推广|迭代|升级|优化|深化|打造|建设|建成|开发|构建|完善|推进|推动|加快|加强|加大|实现|依托|利用|集成|提升|上线|承接|复用|实施|探索|谋划|建立|培育|整合|对接|接入|运用|拓展|部署|搭建|强化|夯实|围绕|聚焦|依靠|基于|通过|按照|结合|支持|引导|覆盖/g;
const LEAD_ADVERBS = /^(?:对|向|将|把|在|全面|全域|全市|全省|全国|率先|首个|一批|持续|积极|大力|着力|进一步|不断|逐步|深入|高水平|高标准|重点|现有|各类|统一|并|和|及|与|的|好|等)+/;
const GENERIC_CORE = /^(?:数字化|智慧|融合|优秀|政府|各部门|部门|各|安全|重大|标志性|特色|创新|多跨|协同|基础|典型|相关|现有|智能化?|各类|多业务|场景化|数据|信息|公共|综合|场景|示范|试点|一批|等|子|核心|业务|政务|管理|服务|领域|的|省级|市级|县级|新型|全业务|集成)*$/;
const BRAND = /^(?:浙里[\u4e00-\u9fa5+·]{1,14}|浙[\u4e00-\u9fa5]{2})$/;
const QUOTE_APP_END = /(?:在线|应用|平台|系统|大脑|码|e本账|一张图|链|钉)$/i;
const ENUM_TAIL = /等(?:一批|多个)?[^，。；、的]{0,10}?(应用|平台|系统|大脑|在线)(?!场景|模块|服务)/y;
/** Words after a suffix that make it a modifier: "信息系统分级保护", "应用数据接口". */
const NOT_NAME_END = /^(?:分级|安全|性|化|集成|重塑|工程|观|数据|接口|终端|国产|等级|能力|功能|体系|架构|中心|载体|服务|模块|同步)/;

interface Cand {
  pos: number;
  name: string;
  clear: boolean;
}

/** Quote/bracket depth per character, so separators inside “…” or （…） are ignored. */
function depths(s: string): number[] {
  const d: number[] = [];
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '“' || ch === '（') depth++;
    d.push(depth);
    if ((ch === '”' || ch === '）') && depth > 0) depth--;
  }
  return d;
}

/** Splits at separators outside quotes and brackets, keeping offsets. */
function splitOutside(s: string, seps: RegExp, base = 0): { text: string; pos: number }[] {
  const d = depths(s);
  const out: { text: string; pos: number }[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (d[i] === 0 && seps.test(s[i])) {
      out.push({ text: s.slice(start, i), pos: base + start });
      start = i + 1;
    }
  }
  out.push({ text: s.slice(start), pos: base + start });
  return out;
}

/** Cuts the verb phrase before a name: "贯通用好经济调节e本账" → "经济调节e本账". */
function stripLead(s: string): string {
  const d = depths(s);
  let cut = 0;
  for (const m of s.matchAll(CUT_WORDS)) {
    const end = m.index + m[0].length;
    if (d[m.index] === 0 && end < s.length - 1) cut = end;
  }
  let out = s.slice(cut).replace(LEAD_ADVERBS, '');
  out = out.replace(/^\d{4}年(?:底|前|内)?/, '').replace(LEAD_ADVERBS, '');
  // "省社会矛盾风险防范化解应用": the province's application, not a name starting with 省
  if (/^(?:省[^域级内外市]|市[^域级内外县区场政民])/.test(out) && out.length > 5) out = out.slice(1);
  return out;
}

/** "“长护在线”应用" → "长护在线": a quoted name followed only by a generic tail. */
function unwrapQuoted(name: string): string {
  const m = /^“([^“”]+)”([^“”]*)$/.exec(name);
  if (m && /^(?:场景|重大|特色|创新|标志性|综合)?(?:应用|应用场景|场景应用|场景)$/.test(m[2])) return m[1];
  return name;
}

function bySuffix(clause: string, pos: number, out: Cand[]): void {
  const d = depths(clause);
  let floor = 0;
  for (const m of clause.matchAll(SUFFIX_RUN)) {
    if (d[m.index] > 0 || m.index < floor) continue;
    let end = m.index + m[0].length;
    const next = clause.slice(end, end + 40); // a bounded look-ahead: slicing the rest made long clauses quadratic
    if (NOT_NAME_END.test(next) || /跨$/.test(clause.slice(0, m.index))) continue;
    if (/系统$/.test(m[0]) && /政府$/.test(clause.slice(0, m.index))) continue; // 政府系统: the administration
    if (/在线$/.test(m[0]) && next !== '' && !/^[、，。和等”及与]/.test(next)) continue;
    const tail = /^(?:（[A-Za-z0-9]+）|\d+(?:\.\d+)+)/.exec(next);
    if (tail) end += tail[0].length;
    const segs = splitOutside(clause.slice(floor, m.index), /[、和及的等]/);
    const last = segs[segs.length - 1];
    const start = floor + last.pos;
    // "X、Y等产业大脑": the tail of an enumeration, handled there
    if (segs.length > 1 && clause[start - 1] === '等') {
      floor = end;
      continue;
    }
    let name = unwrapQuoted(stripLead(clause.slice(start, end)));
    floor = end;
    // "文旅融合数字化应用场景": generic modifiers before a generic 应用 are not part of the name
    if (/^(?:应用|应用场景|场景应用|场景)$/.test(m[0])) name = name.replace(/(?:数字化|智能化|特色|重大|标志性|创新)+(?=(?:应用|应用场景|场景应用|场景)$)/, '');
    const core = name.replace(SUFFIX_RUN, '').replace(/[“”]/g, '');
    if (core.length < 2 || GENERIC_CORE.test(core) || name.length > 30 || /[与和]$/.test(core) || /^“[^“”]+”“/.test(name)) continue;
    out.push({ pos: pos + start, name, clear: true });
  }
}

function byEnumeration(clause: string, pos: number, out: Cand[]): void {
  const d = depths(clause);
  let from = 0; // an enumeration starts after the previous one's tail (else each 等 re-read the whole clause)
  for (const m of clause.matchAll(/等/g)) {
    if (d[m.index] > 0 || m.index < from) continue;
    ENUM_TAIL.lastIndex = m.index;
    const tail = ENUM_TAIL.exec(clause);
    if (!tail) continue;
    const start = from;
    from = m.index + tail[0].length;
    const distribute = /大脑$/.test(tail[0]) && tail[0].length <= 6 ? tail[0].slice(1) : '';
    const appTail = /应用|在线|大脑/.test(tail[1]);
    const items = splitOutside(clause.slice(start, m.index), /[、]/, pos + start)
      .flatMap((it) => splitAdjacentQuotes(it))
      .flatMap((it) => (appTail ? splitAnd(it) : [it]));
    items.forEach((it, i) => {
      let name = i === 0 || /^[和及]/.test(it.text) ? stripLead(it.text) : it.text;
      if (distribute && !name.endsWith('大脑')) name += distribute;
      if (name.length <= 2 && !/^“/.test(name)) return;
      const core = name.replace(/[“”]/g, '');
      if (core.length < 2 || core.length > 25 || GENERIC_CORE.test(core)) return;
      const quoted = /^“[^“”]+”$/.test(name);
      out.push({ pos: it.pos, name: quoted ? name.slice(1, -1) : name, clear: appTail || quoted || QUOTE_APP_END.test(core) });
    });
  }
}

/** "“健康码”“浙冷链”" lists two names without a separator. */
function splitAdjacentQuotes(it: { text: string; pos: number }): { text: string; pos: number }[] {
  const parts = it.text.split(/(?<=”)(?=“)/);
  let p = it.pos;
  return parts.map((t) => {
    const r = { text: t, pos: p };
    p += t.length;
    return r;
  });
}

/** "浙农服和种粮宝" names two; "数字化管理和服务" names one. */
function splitAnd(it: { text: string; pos: number }): { text: string; pos: number }[] {
  const m = /^(.{3,})[和及](.{3,})$/.exec(it.text);
  if (!m || m[1].includes('“') !== m[1].includes('”')) return [it];
  return [{ text: m[1], pos: it.pos }, { text: m[2], pos: it.pos + m[1].length + 1 }];
}

function byQuotes(text: string, out: Cand[]): void {
  for (const m of text.matchAll(/(.{0,4})“([^“”\n]{2,16})”(.?)/g)) {
    const [, before, inner, after] = m;
    const pos = m.index + before.length;
    if (/[、，]/.test(inner)) continue;
    const inContext = /(?:依托|应用|用好|推广|上线|迭代|贯通|承接)$/.test(before) && /^[，。、；等]?$/.test(after);
    const inParens = /(?:模块|应用|平台|系统)（$/.test(before) && after === '）';
    if (QUOTE_APP_END.test(inner) && inner !== '一件事') out.push({ pos, name: inner, clear: true });
    else if (BRAND.test(inner) || inContext || inParens) out.push({ pos, name: inner, clear: true });
  }
  for (const m of text.matchAll(/（([\u4e00-\u9fa5]{3,8})）/g)) {
    if (BRAND.test(m[1])) out.push({ pos: m.index + 1, name: m[1], clear: true });
  }
}

function byDictionary(text: string, known: string[], out: Cand[]): void {
  const flat = text.replace(/[“”]/g, '').toLowerCase();
  for (const k of known) {
    const key = appKey(k);
    if (key.length < 3) continue;
    const i = flat.indexOf(key);
    if (i >= 0) out.push({ pos: i, name: key, clear: true });
  }
}

/** The applications a task text names, in order of first mention, one per normalised name. */
export function extractApplications(text: string, knownApps: string[] = [], title = ''): AppMention[] {
  // a task title names the task's area ("打造产业发展应用"); only quoted names in it count
  const fromTitle = title ? extractApplications(title, knownApps).filter((a) => title.includes(`“${a.name}”`) || a.name.includes('“')) : [];
  const t = text.replace(/[ \t\u3000]+/g, '');
  const cands: Cand[] = [];
  for (const c of splitOutside(t, /[，。；：！？\n,;]/)) {
    bySuffix(c.text, c.pos, cands);
    byEnumeration(c.text, c.pos, cands);
  }
  byQuotes(t, cands);
  byDictionary(t, [...knownApps, ...KNOWN_PLATFORMS], cands);
  cands.sort((a, b) => a.pos - b.pos || Number(b.clear) - Number(a.clear));
  const seen = new Map<string, AppMention>(fromTitle.map((a) => [appKey(a.name), a]));
  for (const c of cands) {
    const name = cleanAppName(c.name);
    const key = appKey(name);
    if (key.length < 2) continue;
    const prev = seen.get(key);
    if (prev) prev.clear ||= c.clear;
    else seen.set(key, { name, clear: c.clear });
  }
  return [...seen.values()];
}
