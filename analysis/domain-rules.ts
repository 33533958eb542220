/**
 * The keyword table the domain classifier uses (documented in docs/ANALYSIS.md). General rules
 * drawn from how Chinese government plans name the functions of government, not per document.
 */

export const DOMAINS = ['经济调节', '市场监管', '社会治理', '公共服务', '生态环境保护', '政府运行', '数据与平台支撑', '组织保障'] as const;
export type DomainName = (typeof DOMAINS)[number];

/**
 * Section headings that name a function: decisive, innermost heading first.
 * ("（二）在构建公平公正的数字化市场监管体系上率先突破" -> 市场监管)
 */
export const HEADING_RULES: [DomainName, RegExp][] = [
  ['经济调节', /经济调节/],
  ['市场监管', /市场监管|互联网\+监管|执法监管/],
  ['社会治理', /社会治理|社会管理/],
  ['公共服务', /公共服务|政务服务/],
  ['生态环境保护', /生态环[保境]|生态保护|生态文明/],
  ['政府运行', /政府运行/],
  ['数据与平台支撑', /平台支撑|支撑体系|公共数据平台|数据服务体系|基础设施|大安全体系/],
];

/** Safeguard headings ("四、保障措施", "六、全面加强党对…的领导"): a prior for 组织保障, not decisive. */
export const SAFEGUARD_HEADING = /保障措施|组织保障|全方位保障|领导|推进体系|推进机制/;

/** Bonus a safeguard heading gives 组织保障 before title and text are scored. */
export const SAFEGUARD_PRIOR = 4;

/** A title hit counts this many times a body hit (titles say what the task is about). */
export const TITLE_WEIGHT = 5;


/** Keywords scored in a task's title and text; each occurrence counts once (title: TITLE_WEIGHT). */
export const TEXT_KEYWORDS: Record<DomainName, string[]> = {
  经济调节: ['经济调节', '经济运行', '经济治理', '经济政策', '数字经济', '产业', '投资', '财政', '税收', '金融', '统计', '招商', '消费', '贸易', '惠企', '要素市场', '双循环', '科技创新', '共同富裕', '共富', '区域协调', '城镇化', '乡村振兴'],
  市场监管: ['市场监管', '监管执法', '信用监管', '智慧监管', '双随机', '包容审慎', '互联网+监管', '营商环境', '市场主体', '食品', '药品', '特种设备', '信用', '知识产权', '公平竞争', '商事', '反垄断', '准入', '质量'],
  社会治理: ['社会治理', '基层治理', '基层智治', '矛盾', '纠纷', '治安', '应急', '安全生产', '疫情', '公共安全', '信访', '网格', '平安', '消防', '灾害', '风险防控', '政法', '城市运行'],
  公共服务: ['公共服务', '政务服务', '一网通办', '浙里办', '办事', '养老', '康养', '医疗', '教育', '就业', '社保', '社会保障', '医保', '救助', '健康', '文旅', '体育', '民生', '便民', '跨省通办', '一件事', '交通', '出行', '智慧社区', '未来社区', '社区服务'],
  生态环境保护: ['生态环境', '生态保护', '生态修复', '生态文明', '生态治理', '水生态', '环境质量', '环境治理', '污染', '双碳', '减污降碳', '碳排放', '大气', '无废', '国土空间', '自然资源', '耕地', '水利', '治水', '五水', '环保'],
  政府运行: ['政府运行', '机关', '办公', '浙政钉', '督查', '政务公开', '决策', '行政监督', '审计', '公权力', '效能', '依法行政', '行政执法', '大综合一体化', '重大决策部署'],
  数据与平台支撑: ['公共数据', '数据资源', '数据共享', '数据开放', '数据治理', '数据要素', '数据平台', '数据仓', '数据中心', '大数据中心', '数据底座', '支撑平台', '政务云', '云平台', '一朵云', '网络安全', '数据安全', '安全保障', '基础设施', '城市大脑', '大脑', '算力', '政务网', '政务外网', '等级保护', '等保', '密码', '数字资源', '自主可控', '国产化', '物联感知'],
  组织保障: ['组织领导', '考核', '评价', '人才', '培训', '数字素养', '宣传', '制度', '标准', '资金', '项目管理', '理论', '领导小组', '专班', '合作交流', '规划'],
};
