/**
 * The grammar of application names in plan text. A name is a noun phrase that ends in an
 * application head word (应用, 平台, 系统, 在线, 大脑, 码, e本账, 一张图 …) or is quoted, listed
 * with a distributed head ("X、Y等产业大脑"), a regional brand, or a dictionary entry. Its left
 * boundary comes from jieba's part-of-speech tags: it starts after the last governing verb,
 * preposition, numeral or 的 that has a noun after it; it ends at the head, before a clause
 * boundary, 等, 和 or a verbal noun (平台建设). A head followed by a noun is a modifier (平台经济,
 * 应用数据接口), never a name.
 */
import { isVerb, tagWords, type Word } from './pos';

/** How a name was recognised; the order is the strength of the evidence, weakest first. */
export type AppEvidence = 'list' | 'suffix' | 'dictionary' | 'quoted' | 'attachment';
export const EVIDENCE_CONFIDENCE: Record<AppEvidence, number> = { list: 0.75, suffix: 0.85, dictionary: 0.9, quoted: 0.95, attachment: 1 };

export interface AppCandidate {
  pos: number; // offset in the text (order of mention)
  name: string;
  evidence: AppEvidence;
  /** A list item with no evidence of its own: a name only when a sibling of its list (`siblings`) is one. */
  weak?: boolean;
  siblings?: string[];
}

/** Most items of a list whose other items vouch for a weak one: longer lists enumerate areas. */
const MAX_VOUCHED_LIST = 4;

/** Head words of application names, longest first (a run of them is one head: 应用系统, 平台应用). */
export const HEAD_RUN = /(?:应用场景|场景应用|应用系统|应用|平台|子系统|系统|在线|大脑|e本账|一张图)+/gi;
/** Heads that name an application by themselves (城市大脑, 公平在线); 应用/平台/系统 also name kinds of things. */
const DISTINCTIVE_HEAD = /(?:在线|大脑|e本账|一张图|码|链|通)$/i;
/** Heads of quoted names: a quoted phrase ending so is an application. */
export const QUOTED_HEAD = /(?:在线|应用|平台|系统|大脑|码|e本账|一张图|链|钉|通)$/i;
/**
 * Verbs of plan prose that jieba tags vn or splits (建设, 用好): read as verbs when they govern a
 * noun phrase. A closed class of the genre, not names.
 */
const GOVERNING = new Set(
  ('充分利用 贯通 用好 用 推广 迭代 升级 优化 深化 打造 建设 建成 开发 构建 完善 推进 推动 加快 加强 加大 实现 依托 利用 集成 提升 上线 '
    + '承接 复用 实施 探索 谋划 建立 培育 整合 对接 接入 运用 拓展 部署 搭建 强化 夯实 围绕 聚焦 依靠 基于 通过 按照 结合 支持 '
    + '引导 覆盖 做好 做强 做优 参与 配合 开展 确保 使用 承建 狠抓 厘清 规范 推行 落实 创建 形成 完成 加快推进 全面推行 迭代升级 '
    + '贯通用好 助力 支撑 催生 建好 管好 用活 健全 打通 畅通 改造 融入 研发 研究 编制 制定 出台 落地 开通 启动 新建 扩建 发挥 加速 扩大 持续 全面 率先 积极 大力 着力 进一步 不断 逐步 深入 以 为 与 对 向 将 把 在 从 由 以及').split(/\s+/),
);
/** Scope and quality words that open a phrase but are not part of a name (全省统一…, 各类…). */
const LEAD_WORDS = /^(?:全省|全市|全县|全区|全域|全国|全面|各类|各级|统一|现有|首个|一批|一个|一套|多个|重点|高水平|高标准|新一代|新型|各|该|好|并|等|和|及|与|的)+/;
/** Modifiers that say what kind of application, not which one: a core of only these is no name. */
const GENERIC_CORE = /^(?:数字化?|数智|智慧|智能化?|融合|优秀|政府|政务|各?部门|各|安全|重大|标志性|特色|创新|多跨|协同|基础|典型|相关|现有|各类|多业务|场景化?|数据|信息|公共|综合|示范|试点|一批|子|核心|业务|管理|服务|领域|省级|市级|县级|区级|自建|已建|非?涉密|已?上云|移动端|新型|全业务|集成|重点|专项|统一|改革|系统|平台|应用|总|分|本地|用户|第三方|移动|线上|网上|掌上|新|老|大|小|上|下|省|市|县|区|工作|监管|监督|融合|开放|接口|评价|运行|优质|高效|便捷|优秀|先进|有效|高能级|战略|示范性)*$/;
/** Category words: "…领域数字化平台", "…等技术应用" name kinds of things. */
const CATEGORY = /(?:领域|方面|行业|技术|类|各项|门类|环节|场景化)/;
/** After a head: these words make the head a modifier (平台经济, 应用数据接口, 系统性). */
const MODIFIER_NEXT = /^(?:经济|企业|公司|数据|接口|终端|能力|功能|体系|架构|载体|模块|性|化|安全|分级|等级|国产|重塑|观|同步|工程|中心)/;
/** Tails after 等 that add nothing but the head: "等应用", "等一批重点应用", "等多跨场景应用". */
const PURE_TAIL = /^等(?:一批|多个|\d+个|[一二三四五六七八九十]+个)?(?:重点|重大|特色|标志性|数字化|智能化|综合|多跨|场景化?|创新|典型|示范|优秀|集成|特色化|业务|核心|基础|品牌|特色品牌|便民|惠民)*(应用场景|场景应用|应用|平台|系统|在线|大脑)(?![\u4e00-\u9fff]*(?:经济|企业|数据|资源))/;
/** "X、Y等产业大脑": a short tail on a distinctive head is distributed over the items. */
const DISTRIBUTED_TAIL = /^等([\u4e00-\u9fff]{1,3}(?:大脑|在线|一张图|e本账))/i;

const isPunct = (w: Word) => w.tag === 'x' && !/[\u4e00-\u9fffa-z0-9+]/i.test(w.word);
const isBoundary = (w: Word) => isPunct(w) || /^(?:、|和|及|与|或|的|等|以及|之)$/.test(w.word) || w.tag === 'uj' || w.tag === 'c';
/** 积极参与/i, 充分运用/l: an adverb + governing verb that jieba keeps as one word. */
const endsGoverning = (w: Word) => w.tag !== 'q' && [...w.word].length >= 3 && [...GOVERNING].some((g) => g.length >= 2 && w.word.endsWith(g));
const isClosed = (w: Word) => GOVERNING.has(w.word) || endsGoverning(w) || (/^(?:p|m|r|c|uj|d|f)$/.test(w.tag) && !/维$/.test(w.word)); // 三维/m is a modifier
const isGoverning = (w: Word) => w.tag !== 'q' && (isVerb(w) || isClosed(w));

/** Quote depth per character, so separators inside “…” or （…） are ignored. */
export function depths(s: string): number[] {
  const d: number[] = [];
  let depth = 0;
  for (const ch of s) {
    if (ch === '“' || ch === '（') depth++;
    d.push(depth);
    if ((ch === '”' || ch === '）') && depth > 0) depth--;
  }
  return d;
}

/** Splits at separators outside quotes and brackets, keeping offsets. */
export function splitOutside(s: string, seps: RegExp, base = 0): { text: string; pos: number }[] {
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

/**
 * The start of the noun phrase that ends at `end` (exclusive), by the words before it: after the
 * last boundary (、 和 的 等 punctuation), and after the last governing word that has a noun
 * between it and the end (防范化解应用 keeps its verbs: nothing nominal follows them).
 */
export function phraseStart(words: Word[], end: number, floor = 0): number {
  let start = end;
  let sawNominal = false;
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k];
    if (w.start >= end) continue;
    if (w.start < floor) break;
    if (isBoundary(w) && !(/^[与和]$/.test(w.word) && words[k - 1]?.word.length === 1 && words[k + 1]?.word.length === 1)) break;
    if (isGoverning(w)) {
      // a verb of the genre (建设, 推进, 用好 …), a preposition, numeral or pronoun governs what
      // follows; another verb is inside the name (共享电单车…, “五个一”抓落实…, 节能降碳e本账)
      // unless a conjunction makes it a predicate (并反馈省网络安全…平台)
      const prev = words[k - 1];
      if (sawNominal && (isClosed(w) || (prev && (prev.tag === 'c' || prev.word === '并')))) break;
    } else sawNominal = true;
    start = w.start;
  }
  // the phrase opens with a noun: drop leading verbs, numerals, pronouns while a noun follows them
  const inside = words.filter((w) => w.start >= start && w.start < end);
  for (let i = 0; i < inside.length; i++) {
    const w = inside[i];
    const closed = isClosed(w) || isBoundary(w);
    if (!closed || !inside.slice(i + 1).some((x) => !isGoverning(x) && !isBoundary(x))) break;
    start = w.end;
  }
  if (!words.some((w) => w.start >= start && w.end <= end && !isClosed(w) && !isBoundary(w))) return end;
  return start;
}

/** A phrase's first characters that are scope words, not the name (全省统一…, 2023年…). */
export function stripLead(s: string): string {
  let out = s.replace(LEAD_WORDS, '');
  out = out.replace(/^\d{4}年(?:底|前|内)?/, '').replace(LEAD_WORDS, '');
  return out;
}

/** True when a name's core (without heads and quotes) says only what kind of thing it is. */
export function isGenericCore(core: string): boolean {
  return core.length < 2 || GENERIC_CORE.test(core) || CATEGORY.test(core);
}

/**
 * Number of specific words of a core: jieba words that are not generic modifiers. A core with
 * fewer than two before 应用/平台/系统 names a kind of thing (开放平台, 操作系统, 信用数据应用).
 */
function specificWords(core: string): number {
  return tagWords(core).filter((w) => !isPunct(w) && !GENERIC_CORE.test(w.word)).length;
}

/** "“长护在线”应用" → "长护在线": a quoted name followed only by a generic tail. */
function unwrapQuoted(name: string): string {
  const m = /^“([^“”]+)”([^“”]*)$/.exec(name);
  if (m && /^(?:场景|重大|特色|创新|标志性|综合)?(?:应用|应用场景|场景应用|场景)?$/.test(m[2])) return m[1];
  return name;
}

/** Checks a head-word name; returns the cleaned name or null. */
function acceptHeaded(raw: string): string | null {
  const whole = stripLead(raw);
  // 应用场景 names scenarios, not applications, unless a quoted name leads it (“一支点四枢纽”应用场景)
  if (/(?:应用场景|场景应用)$/.test(whole) && !whole.includes('“')) return null;
  // 社会化应用, 融合应用, 系统应用, 全流程应用, 深度应用: 应用 is the verb noun "use of", not a head
  // (实现医保电子凭证全流程应用: the use of the e-voucher in every step)
  if (!whole.includes('“') && /应用$/.test(whole)) {
    const words = tagWords(whole.replace(/应用$/, ''));
    const last = words.pop();
    const across = last && (words.pop()?.word === '全' || /^全[一-鿿]{1,2}$/.test(last.word));
    if (last && (across || /^(?:融合|系统|深度|广泛|全面|普遍|推广|普及)$/.test(last.word) || ([...last.word].length >= 3 && last.word.endsWith('化')))) return null;
  }
  let name = unwrapQuoted(whole);
  name = name.replace(/(?:数字化|智能化|特色|重大|标志性|创新)+(?=(?:应用|应用场景|场景应用|场景)$)/, '');
  if (name.length > 30 || /^“[^“”]+”“/.test(name)) return null;
  const core = name.replace(/[vV]?\d+(?:\.\d+)+$/, '').replace(HEAD_RUN, '').replace(/[“”]/g, '').replace(/（[A-Za-z0-9]+）/g, '');
  if (isGenericCore(core) || /[与和及或]$/.test(core) || name === '一件事') return null;
  const quoted = name.includes('“');

  if (/等(?:“[^“”]*”)?[^“”]*$/.test(name) || /[\d一二三四五六七八九十]+个/.test(name.replace(/“[^“”]*”/g, ''))) return null; // "信义保等应用": the tail of an enumeration
  if (!quoted && (/^跨/.test(name) || tagWords(name).some((w) => w.tag === 'p' || /^第?[一二三四五六七八九十\d]+[批个项类]/.test(w.word)))) return null;
  if (!quoted && !DISTINCTIVE_HEAD.test(name.replace(/(?:应用|应用场景|场景应用)$/, '')) && specificWords(core) < 2) return null;
  return name;
}

/** Names ending in a head word within one clause. */
export function byHead(clause: string, pos: number, words: Word[], out: AppCandidate[]): void {
  const d = depths(clause);
  let floor = 0;
  for (const m of clause.matchAll(HEAD_RUN)) {
    if (d[m.index] > 0 || m.index < floor) continue;
    let end = m.index + m[0].length;
    // the head inside a longer word: 平台经济, 系统性
    const inWord = words.find((w) => w.start < end && w.end > end);
    if (inWord && inWord.tag !== 'q') continue;
    const tail = /^(?:（[A-Za-z0-9]+）|[vV]?\d+(?:\.\d+)+)/.exec(clause.slice(end, end + 40));
    if (tail) end += tail[0].length;
    const next = clause.slice(end, end + 40); // a bounded look-ahead: the rest of a long clause is not needed
    if (MODIFIER_NEXT.test(next)) continue;
    if (/在线$/.test(m[0]) && next !== '' && !/^[、，。和等”及与（]/.test(next)) continue;
    if (/系统$/.test(m[0]) && /政府$/.test(clause.slice(0, m.index))) continue; // 政府系统: the administration
    const start = phraseStart(words, m.index, floor);
    floor = end;
    if (start >= m.index && !clause.slice(start, m.index)) continue;
    // "X、Y等产业大脑": the tail of an enumeration, handled there
    if (clause[start - 1] === '等') continue;
    const name = acceptHeaded(clause.slice(start, end));
    if (name) out.push({ pos: pos + start, name, evidence: name.includes('“') || clause[start] === '“' ? 'quoted' : 'suffix' });
  }
}

/** "浙农服和种粮宝" names two; "数字化管理和服务" names one. */
function splitAnd(it: { text: string; pos: number }): { text: string; pos: number }[] {
  const m = /^(.{3,})[和及](.{3,})$/.exec(it.text);
  if (!m || m[1].includes('“') !== m[1].includes('”')) return [it];
  return [{ text: m[1], pos: it.pos }, { text: m[2], pos: it.pos + m[1].length + 1 }];
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

/**
 * Enumerations "X、Y、Z等应用": each item is promoted on its own evidence: quoted, its own head
 * word, a brand; the list's position alone promotes nothing (知识产权保护、公共资源交易等应用 name areas),
 * except a short distinctive tail distributed over the items (智能光伏、经编等产业大脑 → 经编产业大脑).
 * A category tail (等技术应用, 等空间治理应用) never lends its head.
 */
export function byList(clause: string, pos: number, words: Word[], isBrand: (s: string) => boolean, out: AppCandidate[]): void {
  const d = depths(clause);
  let from = 0; // an enumeration starts after the previous one's tail (else every 等 re-reads the clause)
  for (const m of clause.matchAll(/等/g)) {
    // 等保 (等级保护, graded protection) and 等级 are words, not the enumeration's 等
    if (d[m.index] > 0 || /^等(?:保|级)/.test(clause.slice(m.index, m.index + 2))) continue;
    const rest = clause.slice(m.index, m.index + 80); // the tails are short: a bounded look-ahead keeps this linear
    const pure = PURE_TAIL.exec(rest);
    const dist = DISTRIBUTED_TAIL.exec(rest);
    const start = Math.max(from, phraseStartOfList(clause, words, m.index));
    if (pure || dist) from = m.index + (pure ?? dist)![0].length;
    const items = splitOutside(clause.slice(start, m.index), /[、]/, start)
      .flatMap(splitAdjacentQuotes)
      .flatMap((it) => (pure || dist ? splitAnd(it).map((x) => ({ ...x, split: x.text !== it.text })) : [{ ...it, split: false }]));
    if (items.length < 2 && !pure && !dist) continue;
    for (const it of items) {
      const own = tagWords(it.text);
      let name = stripLead(it.text.slice(phraseStart(own, it.text.length)).replace(/^[和及与]/, ''));
      const quoted = /^“[^“”]+”$/.test(name);
      if (quoted) name = name.slice(1, -1);
      if (dist && !quoted && !name.endsWith(dist[1].slice(-2))) name += dist[1];
      const core = name.replace(/[“”]/g, '');
      if (core.length < 2 || core.length > 25 || isGenericCore(core.replace(HEAD_RUN, ''))) continue;
      let evidence: AppEvidence | null = null;
      const partly = /^([^“”]{0,6})“[^“”]{2,}”[^“”]{0,4}$/.exec(name);
      // a quoted item is a name when the list names applications (等应用) or it has its own head;
      // "深入推进“证照分离”、告知承诺制…" and "“智能监督”“智能研判”等一系列服务" list reforms and functions
      const ownHead = QUOTED_HEAD.test(core) && !isGenericCore(core.replace(QUOTED_HEAD, ''));
      if ((quoted || (partly && !(partly[1] && tagWords(partly[1])[0]?.tag === 'v'))) && (pure || dist || ownHead)) evidence = 'quoted';
      else if (isBrand(core)) evidence = 'dictionary';
      else if (dist) evidence = 'list';
      if (evidence) out.push({ pos: pos + it.pos, name, evidence });
      else if (pure && !/场景/.test(pure[0]) && !it.split && items.length <= MAX_VOUCHED_LIST && [...core].length >= 4 && !CATEGORY.test(core) && startsNominal(core)) {
        // "燃气安全在线、城市防内涝、地下市政基础设施等应用": named beside applications, in a short list of applications
        out.push({ pos: pos + it.pos, name, evidence: 'list', weak: true, siblings: items.filter((x) => x !== it).map((x) => x.text) });
      }
    }
  }
}

/** The start of an enumeration ending at `end`: after the governing verb before its first item. */
function phraseStartOfList(clause: string, words: Word[], end: number): number {
  const d = depths(clause);
  let start = 0;
  for (const w of words) {
    if (w.start >= end) break;
    if (d[w.start] === 0 && isPunct(w) && w.word !== '、' && w.word !== '“' && w.word !== '”') start = w.end;
  }
  const firstSep = splitOutside(clause.slice(start, end), /[、]/, start)[0];
  const firstEnd = firstSep.pos + firstSep.text.length;
  return phraseStart(words, firstEnd, start);
}


function startsNominal(s: string): boolean {
  const first = tagWords(s)[0];
  return !!first && !GOVERNING.has(first.word) && !/^(?:p|m|r|c|uj|d|v)$/.test(first.tag) && !isBoundary(first);
}

/** Quoted names in an application context, or quoted names with an application head or a brand. */
export function byQuotes(text: string, isBrand: (s: string) => boolean, out: AppCandidate[]): void {
  for (const m of text.matchAll(/(.{0,4})“([^“”\n]{2,16})”(.?)/g)) {
    const [, before, inner, after] = m;
    const pos = m.index + before.length;
    if (/[、，]/.test(inner) || inner === '一件事') continue; // “一件事” alone is the reform's form; X一件事 is the name
    const inContext = /(?:依托|应用|用好|上线|迭代|升级|贯通|接入|入驻)$/.test(before) && /^[，。、；等]?$/.test(after);
    const inParens = /(?:模块|应用|平台|系统)（$/.test(before) && after === '）';
    // “江海通办”APP, “顺易办”小程序: a quoted name the next word says is an app
    const asApp = /^(?:app|小程序|客户端|公众号)/i.test(text.slice(pos + inner.length + 2));
    // "居民服务“一卡通”": the quote ends a longer name that the head and list rules read whole
    const lead = tagWords(before).pop();
    if (lead && /^(?:n|vn|nz|l)$/.test(lead.tag) && lead.word.length >= 2 && !GOVERNING.has(lead.word) && !endsGoverning(lead) && !isBrand(inner)) continue;
    if ((QUOTED_HEAD.test(inner) && inner !== '一件事' && !isGenericCore(inner.replace(QUOTED_HEAD, ''))) || isBrand(inner) || inContext || inParens || asApp) {
      out.push({ pos, name: inner, evidence: 'quoted' });
    }
  }
  // "疫苗追溯（浙苗链）": a brand in brackets names the application of the phrase before it
  for (const m of text.matchAll(/（([\u4e00-\u9fa5]{3,6})）/g)) {
    if (isBrand(m[1])) out.push({ pos: m.index + 1, name: m[1], evidence: 'dictionary' });
  }
}

/**
 * A name specific enough to stand for one application in a question: quoted, a distinctive head
 * (城市大脑, 公平在线), or a core of two specific words before 应用/平台/系统 (not 开放平台, 数据应用).
 */
export function isSpecificAppName(name: string): boolean {
  if (name.includes('“')) return true;
  if (DISTINCTIVE_HEAD.test(name.replace(/(?:应用|应用场景|场景应用)$/, ''))) return true;
  const core = name.replace(/[vV]?\d+(?:\.\d+)+$/, '').replace(HEAD_RUN, '');
  if (core === name) return [...name].length >= 3; // no head: a coined name (浙里办, 健康码)
  return !isGenericCore(core) && specificWords(core) >= 2;
}
