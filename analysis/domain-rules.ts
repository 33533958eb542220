/**
 * The domain classifier's rules, read from analysis/data/domains.json (format in
 * docs/ANALYSIS.md): the functions of government, the section headings that name one, and the
 * keywords scored in task titles and texts. Knowledge of how plans word things lives in that
 * file, not here.
 */
import rules from './data/domains.json';

export const DOMAINS = ['经济调节', '市场监管', '社会治理', '公共服务', '生态环境保护', '政府运行', '数据与平台支撑', '组织保障'] as const;
export type DomainName = (typeof DOMAINS)[number];

interface DomainRules {
  domains: string[];
  headingRules: { domain: string; pattern: string }[];
  safeguardHeading: string;
  safeguardPrior: number;
  titleWeight: number;
  keywords: Record<string, string[]>;
}

function checked(r: DomainRules): DomainRules {
  const known = new Set<string>(DOMAINS);
  const bad = [...r.domains, ...r.headingRules.map((h) => h.domain), ...Object.keys(r.keywords)].filter((d) => !known.has(d));
  if (bad.length || r.domains.length !== DOMAINS.length) throw new Error(`analysis/data/domains.json: unknown domains ${bad.join(', ')} (the graph's Domain nodes are ${DOMAINS.join(', ')})`);
  return r;
}

const R = checked(rules as DomainRules);

/**
 * Section headings that name a function: decisive, innermost heading first.
 * ("（二）在构建公平公正的数字化市场监管体系上率先突破" -> 市场监管)
 */
export const HEADING_RULES: [DomainName, RegExp][] = R.headingRules.map((h) => [h.domain as DomainName, new RegExp(h.pattern)]);

/** Safeguard headings ("四、保障措施", "六、全面加强党对…的领导"): a prior for 组织保障, not decisive. */
export const SAFEGUARD_HEADING = new RegExp(R.safeguardHeading);

/** Bonus a safeguard heading gives 组织保障 before title and text are scored. */
export const SAFEGUARD_PRIOR = R.safeguardPrior;

/** A title hit counts this many times a body hit (titles say what the task is about). */
export const TITLE_WEIGHT = R.titleWeight;


/** Keywords scored in a task's title and text; each occurrence counts once (title: TITLE_WEIGHT). */
export const TEXT_KEYWORDS = R.keywords as Record<DomainName, string[]>;
