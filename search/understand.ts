/**
 * Query understanding: links mentions in the (normalised) question to graph entities: units
 * with their region ("绍兴市大数据局" → unit 市大数据局 of 绍兴市), applications, plans, regions,
 * years, and the lead role ("牵头"). Longest mention wins; the rest of the question is the
 * residual text that the text signals rank with.
 */
import type { Role } from '../graph/model';
import type { Interpretation } from './types';
import { nodeAliases, nodeName, type Corpus } from './corpus';
import { normalize } from './normalize';

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
  units: string[];
  apps: string[];
  plans: string[];
  regions: string[];
  years: number[];
  role: Role | null;
  crossPlan: boolean; // the question spans plans ("各地", "各市", or two regions named)
  entities: Interpretation['entities'];
  notes: string[];
}

/** A question with nothing linked: all of it is residual text (also the baseline without linking). */
export function unlinked(normalized: string): LinkedQuery {
  return { normalized, residual: normalized, units: [], apps: [], plans: [], regions: [], years: [], role: null, crossPlan: false, entities: [], notes: [] };
}

const shortRegion = (r: string) => (r.length > 2 ? r.replace(/[市省县区]$/, '') : r);

/** A lexicon of surface forms built from the corpus; build once per index build. */
export class EntityLinker {
  private readonly forms: Form[] = [];
  private readonly regionOfUnit = new Map<string, string>();

  constructor(private readonly corpus: Corpus) {
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
      if (region) regions.add(region);
      if (nodeName(plan).length >= 6) add(nodeName(plan), 'plan', id, 4);
      if (typeof plan.properties.docNumber === 'string') add(plan.properties.docNumber, 'plan', id, 4);
    }
    for (const r of regions) {
      add(r, 'region', r, 1);
      add(shortRegion(r), 'region', r, 1);
    }
    for (const [id, unit] of corpus.units) {
      if (unit.properties.collective === true) continue;
      const region = typeof unit.properties.region === 'string' ? unit.properties.region : '';
      this.regionOfUnit.set(id, region);
      for (const name of new Set([nodeName(unit), ...nodeAliases(unit)])) {
        const core = /^[市省县区]/.test(name) ? name.slice(1) : name;
        if (region) {
          for (const q of new Set([region + core, shortRegion(region) + core, shortRegion(region) + name])) add(q, 'unit', id, 5, region);
        }
        add(name, 'unit', id, 2);
        if (core.length >= 3 && core !== name) add(core, 'unit', id, 2);
      }
    }
    for (const [id, app] of corpus.apps) {
      for (const name of new Set([nodeName(app), ...nodeAliases(app)])) if (name.length >= 2) add(name, 'application', id, 3);
    }
    this.forms.sort((a, b) => b.form.length - a.form.length || b.priority - a.priority);
  }

  /** Vocabulary for the tokenizer's user dictionary. */
  words(): string[] {
    return this.forms.filter((f) => f.type !== 'plan').map((f) => f.form);
  }

  link(query: string): LinkedQuery {
    const normalized = normalize(query);
    const compact = normalized; // spaces kept: they separate Latin words
    const taken: boolean[] = new Array(compact.length).fill(false);
    const blank: boolean[] = new Array(compact.length).fill(false); // spans removed from the residual (not applications: they are the topic)
    const out = unlinked(normalized);
    const unitMentions: { form: Form; text: string }[] = [];
    for (const f of this.forms) {
      let at = compact.indexOf(f.form);
      while (at >= 0) {
        const span = taken.slice(at, at + f.form.length);
        if (!span.some(Boolean)) {
          for (let i = at; i < at + f.form.length; i++) {
            taken[i] = true;
            blank[i] = f.type !== 'application';
          }
          if (f.type === 'unit') unitMentions.push({ form: f, text: f.form });
          else if (f.type === 'application') out.apps.push(...f.ids);
          else if (f.type === 'plan') out.plans.push(...f.ids);
          else if (f.type === 'region') out.regions.push(...f.ids);
          if (f.type !== 'unit') for (const id of f.ids) out.entities.push({ type: f.type, id, text: f.form });
        }
        at = compact.indexOf(f.form, at + 1);
      }
    }
    for (const { form, text } of unitMentions) {
      // A bare "市公安局" names one unit per region: keep those of a region the question names.
      let ids = form.ids;
      if (!form.region && out.regions.length) {
        const inRegion = ids.filter((id) => out.regions.includes(this.regionOfUnit.get(id) ?? ''));
        if (inRegion.length) ids = inRegion;
      }
      if (ids.length > 1) out.notes.push(`“${text}”对应 ${ids.length} 个地区的单位 / names units of ${ids.length} regions`);
      for (const id of ids) {
        if (out.units.includes(id)) continue;
        out.units.push(id);
        out.entities.push({ type: 'unit', id, text, value: this.regionOfUnit.get(id) });
      }
    }
    for (const m of compact.matchAll(/(20\d{2})年?/g)) {
      const y = Number(m[1]);
      for (let i = m.index; i < m.index + m[0].length; i++) blank[i] = true;
      if (!out.years.includes(y)) out.years.push(y);
      out.entities.push({ type: 'year', text: m[0], value: y });
    }
    if (/牵头/.test(compact)) out.role = 'lead';
    else if (/协同|配合/.test(compact)) out.role = 'co';
    if (out.role) out.entities.push({ type: 'role', text: out.role === 'lead' ? '牵头' : '协同', value: out.role });
    out.crossPlan = new Set(out.regions).size >= 2 || /各地|各市|各县|各区|各方案|各级政府|各城市/.test(compact);
    if (out.crossPlan) out.notes.push('跨方案问题：结果按方案交替 / cross-plan question: results alternate between plans');
    out.residual = [...compact].map((ch, i) => (blank[i] ? ' ' : ch)).join('').replace(/\s+/g, ' ').trim();
    return out;
  }
}
