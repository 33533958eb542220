/**
 * Unit identity within a region: a canonical key from the raw name by general abbreviation
 * rules of Chinese government bodies, so 市发展改革委 = 市发改委 and 市人力社保局 = 市人社局,
 * while two different bodies never share a key (only whole-suffix rewrites, no fuzzy matching).
 */

/**
 * Full or alternative forms → the common short form, anchored at the end of the name after its
 * level prefix (市/省/县/区…). Each row is one body under its usual names in Zhejiang documents.
 */
const SUFFIX_ALIASES: [RegExp, string][] = [
  [/(?:发展和改革委员会|发展和改革委|发展改革委员会|发展改革委|发改委)$/, '发改委'],
  [/(?:人力资源和社会保障(?:局|厅)|人力资源社会保障(?:局|厅)|人力社保(?:局|厅)|人社(?:局|厅))$/, '人社$LEVEL'],
  [/(?:自然资源和规划局|自然资源规划局|资规局)$/, '资规局'],
  [/(?:经济和信息化(?:局|厅)|经济信息化(?:局|厅)|经信(?:局|厅))$/, '经信$LEVEL'],
  [/(?:卫生健康委员会|卫生健康委|卫健委)$/, '卫健委'],
  [/(?:市场监督管理局|市场监管局)$/, '市场监管局'],
  [/(?:文化广电旅游局|文化广电和旅游局|文广旅游局|文广旅局)$/, '文广旅局'],
  [/(?:住房和城乡建设(?:局|厅)|住房城乡建设(?:局|厅)|住建(?:局|厅)|建设(?:局|厅))$/, '建设$LEVEL'],
  [/(?:大数据发展管理局|大数据管理局|大数据局)$/, '大数据局'],
  [/(?:综合行政执法局|综合执法局|行政执法局)$/, '综合执法局'],
  [/(?:应急管理(?:局|厅)|应急(?:局|厅))$/, '应急$LEVEL'],
  [/(?:交通运输(?:局|厅)|交通(?:局|厅))$/, '交通$LEVEL'],
  [/(?:医疗保障局|医保局)$/, '医保局'],
  [/(?:中级人民法院|人民法院|中院|法院)$/, '法院'],
  [/(?:人民检察院|检察院)$/, '检察院'],
  [/(?:人民政府办公(?:室|厅)|政府办公(?:室|厅)|政府办)$/, '政府办$LEVEL'],
  [/(?:委员会政法委员会|委政法委|政法委)$/, '委政法委'],
  [/(?:统计局)$/, '统计局'],
];

const LEVEL_PREFIX = /^(省|市|县|区|[^\s]{2,4}?(?:省|市|县|区))/;

/** A 〔…〕 part names the same body under another name: "市发改委〔市社建委〕". */
export function bracketForms(raw: string): { main: string; alternates: string[] } {
  const alternates: string[] = [];
  const main = raw.replace(/〔([^〔〕]+)〕/g, (_m, inner: string) => {
    alternates.push(inner);
    return '';
  });
  return { main: main || raw, alternates };
}

/** The canonical key of a unit name (same key = same body within one region). */
export function unitKey(raw: string): string {
  const { main } = bracketForms(raw.replace(/\s+/g, ''));
  const prefix = LEVEL_PREFIX.exec(main)?.[1] ?? '';
  let rest = main.slice(prefix.length);
  for (const [re, short] of SUFFIX_ALIASES) {
    const m = re.exec(rest);
    if (!m) continue;
    const level = /厅$/.test(m[0]) ? '厅' : '局';
    // "市委政法委" and "市政法委": the 委 is part of the short form, not of the prefix
    rest = rest.slice(0, m.index) + short.replace('$LEVEL', short.startsWith('政府办') ? '' : level);
    break;
  }
  return (prefix + rest).replace(/委委政法委$/, '委政法委');
}

/** Collective units: "各县（市、区）政府", "市级有关单位", "省安委会各成员单位". */
export function isCollective(raw: string): boolean {
  return /^各|各(?:成员)?单位|各部门|有关|相关|成员单位|专班成员/.test(raw);
}
