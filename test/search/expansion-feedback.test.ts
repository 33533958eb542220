import { Bm25Index } from '../../search/bm25';
import { expandOwnWords, expandQuery, tableExpansion, termsOf } from '../../search/expand';
import { charTokens } from '../../search/tokenize';

describe('colloquial → official expansion', () => {
  test('everyday words map to the plans\' vocabulary; words already asked are not repeated', () => {
    const terms = expandQuery('老百姓看病难不难');
    expect(terms).toEqual(expect.arrayContaining(['群众', '公众', '医疗']));
    expect(expandQuery('隐私 个人信息')).not.toContain('个人信息');
  });

  test('the longest form wins and each span expands once', () => {
    expect(expandQuery('不守信用的企业')).toEqual(expect.arrayContaining(['失信', '信用监管']));
    expect(expandQuery('发大水')).toEqual(expect.arrayContaining(['防汛']));
  });

  test('a one-character form counts only as a word of its own', () => {
    const table = tableExpansion([{ forms: ['钱'], terms: ['资金'] }, { forms: ['娃'], terms: ['儿童'] }]);
    expect(table.expand('公司欠钱不还')).toEqual([]); // 欠钱: a debt, not money the plans spend
    expect(table.expand('乱花公家的钱')).toEqual(['资金']);
    expect(table.expand('娃娃机')).toEqual([]);
    expect(table.expand('家里的娃上学')).toEqual(['儿童']);
  });

  test('each form found is reported with its terms, so an answer counts the words it explains, not the terms', () => {
    const table = tableExpansion([{ forms: ['医院'], terms: ['医疗', '就医', '健康'] }, { forms: ['手机'], terms: ['掌上', '移动端'] }]);
    expect(table.matches('宠物医院看病贵')).toEqual([{ form: '医院', terms: ['医疗', '就医', '健康'] }]);
    expect(table.matches('医院的手机挂号')).toEqual([{ form: '医院', terms: ['医疗', '就医', '健康'] }, { form: '手机', terms: ['掌上', '移动端'] }]);
    expect(table.matches('医院医疗')).toEqual([{ form: '医院', terms: ['就医', '健康'] }]); // a term the question holds is no expansion
    expect(table.expand('医院的手机挂号')).toEqual(['医疗', '就医', '健康', '掌上', '移动端']);
    // the same form in two pieces of a question is one word
    expect(expandOwnWords(table, ['医院排队', '医院挂号'], [], '医院排队 医院挂号')).toEqual([{ form: '医院', terms: ['医疗', '就医', '健康'] }]);
  });

  test('official wording gets no expansion', () => {
    expect(expandQuery('推进公共数据平台建设')).toEqual([]);
  });

  test('only the question\'s own words expand: never inside a name or an official term it holds as words', () => {
    const table = tableExpansion([{ forms: ['社保'], terms: ['社会保障'] }, { forms: ['网上办事'], terms: ['在线'] }, { forms: ['看病'], terms: ['医疗'] }]);
    // the pieces between the names a question holds (LinkedQuery.ownWords): 嘉兴市人力社保局 is a name
    expect(expandOwnWords(table, ['负责哪些任务'], [], '嘉兴市人力社保局负责哪些任务')).toEqual([]);
    const own = (pieces: string[], official: string[], question: string) => termsOf(expandOwnWords(table, pieces, official, question));
    expect(expandOwnWords(table, ['社保怎么交'], [], '社保怎么交')).toEqual([{ form: '社保', terms: ['社会保障'] }]);
    // an official term held as a word is no everyday word; one that ends inside a word is not held (网上|办事)
    expect(own(['“社保一件事”怎么办'], ['社保一件事'], '“社保一件事”怎么办')).toEqual([]);
    expect(own(['网上办事方便吗'], ['网上办'], '网上办事方便吗')).toEqual(['在线']);
    // terms the whole question holds are not added, even where its pieces lack them
    expect(own(['看病'], [], '医疗机构看病')).toEqual([]);
  });
});

describe('BM25 weighted terms and feedback', () => {
  const idx = new Bm25Index(charTokens);
  idx.add('a', { text: '消防 火灾 预警 应急' });
  idx.add('b', { text: '消防 救援 应急 指挥' });
  idx.add('c', { text: '数据 安全 加密' });
  idx.add('d', { text: '数据 共享 开放' });
  const w = { text: 1 };

  test('a term at weight 0.5 scores half; weight 1 equals plain token search', () => {
    const full = idx.searchWeighted(new Map([['加密', 1]]), w);
    const half = idx.searchWeighted(new Map([['加密', 0.5]]), w);
    expect(half[0].score).toBeCloseTo(full[0].score / 2, 9);
    expect(idx.searchTokens(['消防', '预警'], w)).toEqual(idx.searchWeighted(new Map([['消防', 1], ['预警', 1]]), w));
  });

  test('feedback terms come from the given documents, skip excluded and one-document terms', () => {
    const terms = idx.feedbackTerms(['a', 'b'], 5, new Set(['消防']), ['text']).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['应急']));
    expect(terms).not.toContain('消防'); // excluded
    expect(terms).not.toContain('预警'); // only in one document
    expect(terms.some((t) => t.includes('数据'))).toBe(false);
  });

  test('idfCovered: 1 when the document holds every token, 0 when none', () => {
    expect(idx.idfCovered(['数据', '加密'], 'c', ['text'])).toBe(1);
    expect(idx.idfCovered(['数据', '加密'], 'a', ['text'])).toBe(0);
    const part = idx.idfCovered(['数据', '加密'], 'd', ['text']);
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(1);
  });
});
