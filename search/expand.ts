/**
 * Query expansion from everyday words to the official vocabulary government plans use
 * ("老百姓" → 群众/公众, "看病" → 医疗, "隐私" → 个人信息). Plans speak 公文 language and
 * citizens ask colloquially; the table is general government language (public services,
 * health, safety, environment, economy, integrity, data), written independently of any
 * evaluation question's answer. Expansion terms are added to the keyword query at a lower
 * weight than the question's own words (settings.expansion); docs/SEARCH.md has the measurement.
 */

// colloquial forms (| separated) → official terms (space separated)
const TABLE: [string, string][] = [
  ['老百姓|百姓|老乡|普通人|市民|居民', '群众 公众 民生'],
  ['老人|老年人|老头|老太|上了年纪', '老年人 养老 康养 适老化'],
  ['养老|养老院|敬老院', '养老 康养 颐养'],
  ['看病|就医|瞧病|医院|生病|挂号', '医疗 就医 健康 医保'],
  ['小孩|孩子|儿童|娃|宝宝|婴儿', '儿童 托育 育儿 未成年人'],
  ['上学|读书|学校|念书', '教育 学校 入学'],
  ['找工作|失业|打工|招工', '就业 创业 人力社保'],
  ['工资|欠薪|讨薪', '薪酬 欠薪 劳动保障'],
  ['养老金|退休金|社保', '社会保障 社保 养老保险'],
  ['穷人|困难户|低保户|贫困', '社会救助 低保 困难群众'],
  ['残疾人|残障', '残疾人 助残 无障碍'],
  ['干部|官员|当官的|公务员', '公职人员 公权力 领导干部'],
  ['滥用职权|以权谋私|贪污|腐败|受贿|权力寻租', '公权力 监督 廉政 廉洁'],
  ['隐私|个人资料|个人数据', '个人信息 隐私 数据安全'],
  ['泄露|泄密|外泄', '数据安全 脱敏 加密 泄露'],
  ['黑客|网络攻击|病毒', '网络安全 安全防护'],
  ['外省|外地|异地|跨省', '跨省 跨区域 异地 通办'],
  ['办事|跑腿|办手续', '政务服务 办理 事项'],
  ['少跑路|跑一次|不用跑|排队', '最多跑一次 一网通办 一次办'],
  ['手机上|手机办|手机', '掌上 移动端 浙里办'],
  ['网上|线上|在网上', '在线 网上 互联网'],
  ['开公司|开店|办企业|注册公司', '企业开办 商事登记 市场主体'],
  ['做生意|营商|办企业的环境', '营商环境 市场主体'],
  ['不守信用|不讲信用|失信|老赖|赖账', '信用 失信 惩戒 信用监管'],
  ['检查|抽查|查处', '监管 执法 检查'],
  ['假货|假冒伪劣|山寨', '市场监管 质量 打假'],
  ['吃的|食物|饭菜', '食品 食品安全'],
  ['药品|买药', '药品 药品安全 医保'],
  ['污染|排污|脏水|雾霾', '生态环境 污染防治 环境'],
  ['温室气体|碳排放|低碳|排碳', '碳排放 双碳 降碳 碳达峰'],
  ['节约能源|省电|节能|耗能', '节能 能耗 用能 能源'],
  ['发大水|洪水|防洪|暴雨|内涝', '防汛 防洪 水利 洪涝'],
  ['河道|水库|河流|河湖', '水利 水网 流域 河湖'],
  ['着火|火灾|失火', '消防 火灾'],
  ['地震|台风|灾害|天灾', '应急 防灾减灾 灾害'],
  ['事故|伤亡|出事', '安全生产 应急 事故'],
  ['小偷|犯罪|坏人|诈骗', '治安 公安 防控 反诈'],
  ['打官司|纠纷|吵架|矛盾', '矛盾纠纷 调解 法律服务 诉讼'],
  ['上访|投诉|反映问题|告状', '信访 投诉举报 诉求'],
  ['堵车|交通拥堵|开车', '交通 出行 拥堵'],
  ['停车|车位', '停车 智慧停车'],
  ['坐车|公交|地铁', '公共交通 出行'],
  ['买房|租房|住房|房子', '住房 不动产 住建'],
  ['农民|农村|种地|村里', '农业农村 乡村振兴 农村'],
  ['交税|报税|纳税', '税务 纳税 发票'],
  ['发票|开票', '电子发票 发票'],
  ['花钱|经费|资金|钱', '资金 财政 投入'],
  ['电脑|服务器|芯片|国产软件|国产cpu', '信创 国产化 自主可控'],
  ['虚拟仿真|仿真模型|虚拟模型|模拟', '数字孪生 仿真 模拟'],
  ['摄像头|监控', '视频监控 雪亮工程 感知'],
  ['人工智能|机器人', '人工智能 智能 算法'],
  ['盖章|公章', '电子印章 签章'],
  ['证件|证明|材料|身份证', '证照 电子证照 材料'],
  ['公开透明|透明|公示', '政务公开 信息公开 公开'],
  ['开会|会议', '会议 视频会议'],
  ['外地人|流动人口|外来人口', '流动人口 人口管理'],
  ['快递|外卖|网约车', '平台经济 新业态'],
  ['垃圾|垃圾分类', '垃圾分类 固废 环境卫生'],
  ['疫情|传染病|防疫|核酸|新冠', '疫情防控 公共卫生 健康码'],
  ['土地|盖房|规划图|用地', '国土空间 用地 规划'],
  ['工厂|制造业|车间', '产业大脑 未来工厂 智能制造'],
  ['搞科研|科研|发明|高科技', '科技创新 研发 创新'],
  ['城里|城市化|进城', '新型城镇化 城市'],
  ['上网技能|不会用手机|数字技能|培训', '数字素养 技能 培训'],
  ['宣传|推广', '宣传引导 推广'],
  ['标准|规范', '标准规范 标准'],
  ['网速|网络|宽带|5g', '电子政务网络 云网 基础设施'],
  ['上云|云服务器|云计算', '政务云 云平台'],
  ['数据互通|信息共享|数据打通|数据孤岛', '数据共享 归集 开放'],
  ['领导拍板|拍板|做决定', '决策 指挥 科学决策'],
  ['经济形势|经济怎么样|经济走势', '经济运行 监测 预警'],
  ['贷款|融资|银行', '金融 涉企服务 融资'],
  ['补贴|优惠政策|扶持', '惠企 政策 直达 兑现'],
  ['小区|社区|邻里', '社区 基层 未来社区'],
  ['街道|乡镇|村社|基层', '基层治理 四平台 基层'],
  ['罚款|处罚|执法人员', '行政处罚 行政执法 执法'],
  ['进出口|外贸|外资', '双循环 开放 外贸'],
  ['政府网站|官网', '政府网站 网站'],
  ['考核|打分|评比', '考核 评价 绩效'],
];

const ENTRIES = TABLE.map(([from, to]) => ({ forms: from.split('|'), terms: to.split(' ') }));

/**
 * Official terms for the colloquial forms found in the (normalised) question; terms already in
 * the question are left out. Longest forms are matched first and each span is used once.
 */
export function expandQuery(normalized: string): string[] {
  const compact = normalized.replace(/\s+/g, '');
  const taken = new Array<boolean>(compact.length).fill(false);
  const out = new Set<string>();
  const candidates = ENTRIES.flatMap((e) => e.forms.map((f) => ({ form: f, terms: e.terms }))).sort((a, b) => b.form.length - a.form.length);
  for (const { form, terms } of candidates) {
    const at = compact.indexOf(form);
    if (at < 0 || taken.slice(at, at + form.length).some(Boolean)) continue;
    for (let i = at; i < at + form.length; i++) taken[i] = true;
    for (const t of terms) if (!compact.includes(t)) out.add(t);
  }
  return [...out];
}
