/**
 * Query understanding: links mentions in the (normalised) question to graph entities: units
 * with their region ("绍兴市大数据局" → unit 市大数据局 of 绍兴市), applications, plans, regions,
 * years, and the lead role ("牵头"). Longest mention wins; the rest of the question is the
 * residual text that the text signals rank with.
 */
import type { Role } from '../graph/model';
import type { Interpretation } from './types';
import { plansByDocNumber } from './answers';
import { nodeAliases, nodeName, yearsOf, type Corpus } from './corpus';
import { QUESTION_WORD_SET, RELATIVE_YEAR, RELATIVE_YEARS, ROLE_CO, ROLE_EITHER, ROLE_LEAD } from './knowledge/language';
import { normalize } from './normalize';
import { askedDue, dueText, type AskedDue } from './deadlines';
import { jiebaCut, wordSpans } from './tokenize';
import { romanized } from '../core/pinyin';
import { findUnitMentions, UnitDirectory, unitRecords, type UnitNodeRef } from '../entities/unit-mentions';
import { isSpecificAppName } from '../entities/app-grammar';
import { findRegion, isWithin, lookupRegions, type Region } from '../entities/regions';

type EntityType = Interpretation['entities'][number]['type'];

interface Form {
  form: string;
  type: EntityType;
  ids: string[];
  region?: string; // for units: the region the form names explicitly (qualified forms)
  priority: number; // ties between equally long spans: higher wins
}

export interface LinkedQuery {
  normalized: string;
  residual: string;
  /**
   * The question's own words: the pieces between the names it holds (units, applications, plans,
   * regions, document numbers, years — whether a loaded plan has them or not). Colloquial expansion
   * reads these only (社保 in 嘉兴市人力社保局 is part of a name, no everyday word for 社会保障).
   */
  ownWords: string[];
  /** The question without the regions it names (the graph answers the region): what the match gate's cosine is of; the ranking's query vector is of `contentOf` it. */
  denseText: string;
  units: string[];
  apps: string[];
  plans: string[];
  regions: string[];
  years: number[];
  /** The date the question asks the tasks due by (2025年6月底前, 完成时限是2009年10月底), or null (deadlines.ts). */
  due: AskedDue | null;
  /** Document numbers the question names (浙政办发〔2021〕99号), whether or not a loaded plan has them. */
  docNumbers: string[];
  /** Regions the question names that no loaded plan lies in or holds (上海市 beside Zhejiang's plans). */
  absentRegions: string[];
  /** Units the question names that no loaded plan of their region has (威海市大数据中心): nothing linked for them. */
  absentUnits: string[];
  /** Document numbers the question names that no loaded plan has (浙政办发〔2021〕99号 beside other plans). */
  absentDocNumbers: string[];
  role: Role | null;
  crossPlan: boolean; // the question spans plans ("各地", "各市", or two regions named)
  entities: Interpretation['entities'];
  notes: string[];
}

/** A question with nothing linked: all of it is residual text (also the baseline without linking). */
export function unlinked(normalized: string): LinkedQuery {
  return { normalized, residual: normalized, ownWords: [normalized], denseText: normalized, units: [], apps: [], plans: [], regions: [], years: [], due: null, docNumbers: [], absentRegions: [], absentUnits: [], absentDocNumbers: [], role: null, crossPlan: false, entities: [], notes: [] };
}

/**
 * `text` without how it is asked: the question words and particles (怎么, 有没有, 会不会, 吗, 的 …)
 * that are whole words of jieba's cut of its Chinese runs (所有 and 现在 stay). In the query vector
 * they made every conversational question resemble every task alike; the text of a question that
 * is nothing else stays as it is.
 */
export function contentOf(text: string): string {
  const out = text.replace(/[\u3400-\u9fff]+/g, (run) => jiebaCut(run).filter((w) => !QUESTION_WORD_SET.has(w)).join('')).replace(/\s+/g, ' ').trim();
  return /[\u3400-\u9fffa-z0-9]/.test(out) ? out : text;
}

const shortRegion = (r: string) => (r.length > 2 ? r.replace(/[市省县区]$/, '') : r);

/** A lexicon of surface forms built from the corpus; build once per index build. */
export class EntityLinker {
  private readonly forms: Form[] = [];
  private readonly regionOfUnit = new Map<string, string>();
  private readonly units: UnitDirectory;
  private readonly unitWords: string[] = [];
  private readonly romanRegions = new Map<string, string | null>(); // hangzhou → 杭州市
  private readonly planRegions: Region[] = []; // the loaded plans' regions
  private readonly issuedBy = new Map<string, string[]>(); // a plan's issuer (normalised) → the loaded plans it issued
  private regionlessPlans = 0; // loaded plans that name no region

  private readonly taskYears: ReadonlySet<number>; // the years loaded tasks are of (corpus.ts yearsOf)

  constructor(private readonly corpus: Corpus) {
    this.taskYears = new Set(corpus.tasks.flatMap(yearsOf));
    const add = (form: string, type: EntityType, id: string, priority: number, region?: string) => {
      const f = normalize(form).replace(/ /g, '');
      if (f.length < 2 || (type !== 'region' && /^[\u4e00-\u9fff]$/.test(f))) return;
      const hit = this.forms.find((x) => x.form === f && x.type === type && x.region === region);
      if (hit) {
        if (!hit.ids.includes(id)) hit.ids.push(id);
      } else this.forms.push({ form: f, type, ids: [id], region, priority });
    };
    const regions = new Set<string>();
    for (const [id, plan] of corpus.plans) {
      const region = typeof plan.properties.region === 'string' ? plan.properties.region : '';
      if (plan.properties.cited !== true) {
        if (region) regions.add(region); // a plan known only by its citation has no tasks to lift
        else this.regionlessPlans++;
      }
      if (nodeName(plan).length >= 6) add(nodeName(plan), 'plan', id, 4);
      if (typeof plan.properties.docNumber === 'string') add(plan.properties.docNumber, 'plan', id, 4);
      const issuer = typeof plan.properties.issuer === 'string' ? normalize(plan.properties.issuer).replace(/ /g, '') : '';
      if (issuer && plan.properties.cited !== true) {
        this.issuedBy.set(issuer, [...(this.issuedBy.get(issuer) ?? []), id]);
        if (issuer.length >= 6) add(issuer, 'plan', id, 2); // 嘉兴市人民政府, which the unit grammar does not read
      }
    }
    for (const r of regions) {
      const region = findRegion(r);
      if (region) this.planRegions.push(region);
      add(r, 'region', r, 1);
      add(shortRegion(r), 'region', r, 1);
      // typed in Latin letters: hangzhou, weihai (the loaded plans' regions only: pinyin collides across the country)
      for (const form of [r, shortRegion(r)]) {
        const latin = romanized(form);
        const was = this.romanRegions.get(latin);
        this.romanRegions.set(latin, was === undefined || was === r ? r : null); // two regions one spelling: neither
      }
    }
    // units are read by the unit grammar (entities/unit-mentions.ts), not matched as strings
    const refs: UnitNodeRef[] = [];
    for (const [id, unit] of corpus.units) {
      if (unit.properties.collective === true) continue;
      const region = typeof unit.properties.region === 'string' ? unit.properties.region : '';
      if (region) this.regionOfUnit.set(id, region);
      const task = corpus.byId.get(corpus.tasksOfUnit.get(id)?.[0]?.taskId ?? '');
      const level = corpus.plans.get(task?.planId ?? '')?.properties.level;
      refs.push({ id, region: region || null, collective: false, planLevel: typeof level === 'string' ? (level as UnitNodeRef['planLevel']) : null });
      for (const name of new Set([nodeName(unit), ...nodeAliases(unit)])) {
        const f = normalize(name).replace(/ /g, '');
        if (f.length >= 2) this.unitWords.push(f);
        if (region && /^[市省县区]/.test(f)) this.unitWords.push(shortRegion(region) + f.slice(1), region + f.slice(1));
      }
    }
    this.units = new UnitDirectory(unitRecords(refs));
    const appNames = new Set([...corpus.apps.values()].flatMap((a) => [nodeName(a), ...nodeAliases(a)].map((n) => normalize(n).replace(/ /g, ''))));
    for (const [id, app] of corpus.apps) {
      // only specific names link (城市大脑, “浙里督”系统), not a kind (开放平台, 数据应用)
      const names = new Set([nodeName(app), ...nodeAliases(app)]);
      for (const name of names) if (name.length >= 3 && isSpecificAppName(name)) add(name, 'application', id, 3);
      // a name its region leads (顺德企服通, 金华防疫在线应用) is asked without it too (企服通), where the rest is
      // specific and no other application's name
      const ofRegions = (corpus.tasksOfApp.get(id) ?? []).map((t) => corpus.plans.get(corpus.byId.get(t)?.planId ?? '')?.properties.region).filter((r): r is string => typeof r === 'string');
      for (const name of names) {
        for (const r of new Set(ofRegions.flatMap((x) => [x, shortRegion(x)]))) {
          const rest = name.startsWith(r) ? name.slice(r.length) : '';
          if (rest.length >= 3 && isSpecificAppName(rest) && !appNames.has(normalize(rest).replace(/ /g, ''))) add(rest, 'application', id, 2);
        }
      }
    }
    this.forms.sort((a, b) => b.form.length - a.form.length || b.priority - a.priority);
  }

  /** Vocabulary for the tokenizer's user dictionary. */
  words(): string[] {
    return [...new Set([...this.forms.filter((f) => f.type !== 'plan').map((f) => f.form), ...this.unitWords])];
  }

  link(query: string): LinkedQuery {
    const normalized = normalize(query);
    const compact = normalized; // spaces kept: they separate Latin words
    const taken: boolean[] = new Array(compact.length).fill(false);
    const blank: boolean[] = new Array(compact.length).fill(false); // spans removed from the residual (not applications: they are the topic)
    const regionAt: boolean[] = new Array(compact.length).fill(false); // spans of the regions named
    const out = unlinked(normalized);
    // regions the question names, or the regions of the plans it names (绍政发〔2022〕26号里市大数据局: 绍兴's),
    // for a bare 市公安局; then unit mentions by the unit grammar
    const plansNamed = [...this.forms.filter((f) => f.type === 'plan' && compact.includes(f.form)).flatMap((f) => f.ids), ...plansByDocNumber(this.corpus, query)];
    const named = [
      ...this.forms.filter((f) => f.type === 'region' && compact.includes(f.form)).flatMap((f) => f.ids),
      ...plansNamed.flatMap((id) => {
        const r = this.corpus.plans.get(id)?.properties.region;
        return typeof r === 'string' && r ? [r] : [];
      }),
    ];
    const words = wordSpans(compact, jiebaCut);
    for (const u of findUnitMentions(compact, this.units, [...new Set(named)], words)) {
      for (let i = u.start; i < u.end; i++) {
        taken[i] = true;
        blank[i] = true;
      }
      // a name no unit has but a plan's issuer (嵊泗县人民政府办公室发的文件) names the plans it issued
      const issued = u.ids.length ? [] : (this.issuedBy.get(u.text) ?? []);
      if (issued.length) {
        for (const id of issued) {
          if (out.plans.includes(id)) continue;
          out.plans.push(id);
          out.entities.push({ type: 'plan', id, text: u.text });
        }
        continue;
      }
      if (u.note) out.notes.push(u.note);
      if (!u.ids.length) out.absentUnits.push(u.text);
      else if (u.ids.length > 1) out.notes.push(`“${u.text}”对应 ${u.ids.length} 个地区的单位 / names units of ${u.ids.length} regions`);
      for (const id of u.ids) {
        if (out.units.includes(id)) continue;
        out.units.push(id);
        out.entities.push({ type: 'unit', id, text: u.text, value: this.regionOfUnit.get(id) });
      }
    }
    for (const f of this.forms) {
      let at = compact.indexOf(f.form);
      while (at >= 0) {
        const span = taken.slice(at, at + f.form.length);
        // an application name inside a longer word (…开放平台) is not that application
        const embedded = f.type === 'application' && at > 0 && /[\u4e00-\u9fff]/.test(compact[at - 1]) && /(?:平台|应用|系统)$/.test(f.form) && !f.form.includes('“');
        if (!span.some(Boolean) && !embedded) {
          for (let i = at; i < at + f.form.length; i++) {
            taken[i] = true;
            blank[i] = f.type !== 'application';
            regionAt[i] = f.type === 'region';
          }
          if (f.type === 'application') out.apps.push(...f.ids);
          else if (f.type === 'plan') out.plans.push(...f.ids);
          else if (f.type === 'region') out.regions.push(...f.ids);
          for (const id of f.ids) out.entities.push({ type: f.type, id, text: f.form });
        }
        at = compact.indexOf(f.form, at + 1);
      }
    }
    // a document number (嘉政发〔2022〕18号 normalizes to 嘉政发 2022 18号) names a plan, not words to
    // search for; its issuer code starts at a word of at most 5 characters before the year
    for (const m of compact.matchAll(/([\u4e00-\u9fff]{1,8})\s((?:19|20)\d{2})\s第?(\d{1,4})号/g)) {
      const end = m.index + m[0].length;
      if (taken.slice(m.index, end).some(Boolean)) continue;
      const yearAt = m.index + m[1].length;
      const from = words.map(([a]) => a).filter((a) => a >= m.index && a < yearAt && yearAt - a <= 5).sort((a, b) => a - b)[0] ?? Math.max(m.index, yearAt - 5);
      for (let i = from; i < end; i++) taken[i] = blank[i] = true;
      const docNumber = `${compact.slice(from, yearAt)}〔${m[2]}〕${m[3]}号`;
      out.docNumbers.push(docNumber);
      // the plans it names come first: a document number is the surest name a plan has
      const found = plansByDocNumber(this.corpus, docNumber);
      if (!found.length) out.absentDocNumbers.push(docNumber);
      const ids = found.filter((id) => !out.plans.includes(id));
      out.plans.unshift(...ids);
      for (const id of ids) out.entities.push({ type: 'plan', id, text: String(this.corpus.plans.get(id)?.properties.docNumber ?? id) });
    }
    for (const m of compact.matchAll(/(?<![a-z])[a-z]{4,}(?![a-z])/g)) {
      const region = this.romanRegions.get(m[0]);
      if (!region || taken.slice(m.index, m.index + m[0].length).some(Boolean)) continue;
      for (let i = m.index; i < m.index + m[0].length; i++) taken[i] = blank[i] = regionAt[i] = true;
      if (!out.regions.includes(region)) out.regions.push(region);
      out.entities.push({ type: 'region', id: region, text: m[0] });
    }
    // a region no loaded plan lies in or holds (上海市, 广州 beside Zhejiang's plans), as a whole word:
    // said so; its name stays in the text (a plan may still mention it: 长三角 tasks name 上海)
    for (const [a, b] of words) {
      const w = compact.slice(a, b);
      if (b - a < 2 || taken.slice(a, b).some(Boolean)) continue;
      const region = lookupRegions(w).find((r) => r.name === w || r.level === 'province' || r.level === 'city');
      if (!region || out.absentRegions.includes(region.name)) continue;
      // a region that holds loaded plans' regions and has no plan of its own stands for them (舟山 → 嵊泗县)
      const inside = this.planRegions.filter((p) => p.name !== region.name && isWithin(p, region.name));
      if (inside.length && !this.planRegions.some((p) => p.name === region.name)) {
        for (let i = a; i < b; i++) taken[i] = blank[i] = regionAt[i] = true;
        for (const p of inside) {
          if (out.regions.includes(p.name)) continue;
          out.regions.push(p.name);
          out.entities.push({ type: 'region', id: p.name, text: w });
        }
        out.notes.push(`${region.name}：已加载的方案中属于该地区的是${inside.map((p) => p.name).join('、')}的方案 / the loaded plans within ${region.name} are ${inside.map((p) => p.name).join(', ')}'s`);
        continue;
      }
      if (this.planRegions.some((p) => isWithin(p, region.name) || isWithin(region, p.name))) continue;
      out.absentRegions.push(region.name);
      const unnamed = this.regionlessPlans ? `（另有 ${this.regionlessPlans} 份方案未写明地区）` : '';
      out.notes.push(`已加载的方案中没有${region.name}的方案${unnamed}，结果来自其他地区 / no loaded plan is ${region.name}'s: results are from other regions`);
    }
    // a year, not the year of a document number (嘉政发〔2022〕18号 normalizes to 嘉政发 2022 18号)
    for (const m of compact.matchAll(/(?<!\d)(20\d{2})(?!\d)年?/g)) {
      if (taken[m.index] || (/^\s*\d{1,4}\s*号/.test(compact.slice(m.index + 4)) && /[\u4e00-\u9fff]\s*$/.test(compact.slice(0, m.index)))) continue;
      const y = Number(m[1]);
      for (let i = m.index; i < m.index + m[0].length; i++) blank[i] = true;
      if (!out.years.includes(y)) out.years.push(y);
      out.entities.push({ type: 'year', text: m[0], value: y });
    }
    // a year said relative to today (今年的任务有哪些), where loaded tasks are of it: an old plan's 今年 is
    // its own year, so beside plans of other years the word stays text
    for (const m of compact.matchAll(RELATIVE_YEAR)) {
      const y = new Date().getFullYear() + (RELATIVE_YEARS.get(m[0]) ?? 0);
      if (taken[m.index] || !this.taskYears.has(y)) continue;
      for (let i = m.index; i < m.index + m[0].length; i++) blank[i] = true;
      if (!out.years.includes(y)) out.years.push(y);
      out.entities.push({ type: 'year', text: m[0], value: y });
      out.notes.push(`“${m[0]}”按 ${y} 年检索 / ${m[0]} read as ${y}`);
    }
    // a deadline asked (6月底前要完成哪些工作); its words stay text (tasks print 6月底前 too)
    out.due = askedDue(compact);
    if (out.due) out.entities.push({ type: 'deadline', text: compact.slice(out.due.start, out.due.end), value: out.due.ongoing ? out.due.text : dueText(out.due) });
    // 牵头 alone asks for the lead, 协同/配合 alone for co-units; 牵头或参与, 牵头和配合 ask for both
    const lead = ROLE_LEAD.test(compact);
    const co = ROLE_CO.test(compact);
    if (lead && !co && !ROLE_EITHER.test(compact)) out.role = 'lead';
    else if (!lead && co) out.role = 'co';
    if (out.role) out.entities.push({ type: 'role', text: out.role === 'lead' ? '牵头' : '协同', value: out.role });
    out.crossPlan = new Set(out.regions).size >= 2 || /各地|各市|各县|各区|各方案|各级政府|各城市/.test(compact);
    if (out.crossPlan) out.notes.push('跨方案问题：结果按方案交替 / cross-plan question: results alternate between plans');
    out.residual = [...compact].map((ch, i) => (blank[i] ? ' ' : ch)).join('').replace(/\s+/g, ' ').trim();
    out.ownWords = [...compact].map((ch, i) => (taken[i] || blank[i] ? '\n' : ch)).join('').split('\n').map((w) => w.trim()).filter(Boolean);
    // the region is the graph's to answer: in the query vector it only pulls tasks whose text names
    // that city (金华市浙政钉工作台 for 绍兴和金华的市场监管); a question that is only a region keeps it
    const denseText = [...compact].map((ch, i) => (regionAt[i] ? ' ' : ch)).join('').replace(/\s+/g, ' ').trim();
    if (/[\u3400-\u9fffa-z0-9].*[\u3400-\u9fffa-z0-9]/.test(denseText)) out.denseText = denseText;
    return out;
  }
}
