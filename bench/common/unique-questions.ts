/**
 * Questions no cache has seen: each dev question with one of PREFIXES × SUFFIXES around it, in
 * an order that walks every question before any repeats a tail. 29 dev questions × 24 × 24 give
 * about 16 700 distinct texts; past that a running number is added (still a new text).
 */
const PREFIXES = ['', '请问', '我想知道', '麻烦查一下', '想了解', '帮我找找', '请教一下', '咨询', '问一下', '查询', '能否告诉我', '想请问', '了解一下', '请帮忙看看', '我们单位想知道', '群众关心', '请列出', '说说', '介绍一下', '概括一下', '简要说明', '具体讲讲', '梳理一下', '总结'];
const SUFFIXES = ['', '？', '有哪些安排', '怎么落实', '由谁负责', '什么时候完成', '目标是什么', '相关任务', '具体要求', '进展如何', '有什么措施', '的重点', '的计划', '怎么推进', '的工作安排', '要做哪些事', '有没有规定', '的牵头部门', '涉及哪些单位', '的时间表', '的主要内容', '的考核要求', '的保障措施', '的实施步骤'];

export function uniqueQuestions(questions: string[], namespace = ''): () => string {
  let n = 0;
  const per = PREFIXES.length * SUFFIXES.length;
  return () => {
    const i = n++;
    const q = questions[i % questions.length];
    const t = Math.floor(i / questions.length);
    const p = PREFIXES[t % PREFIXES.length];
    const s = SUFFIXES[Math.floor(t / PREFIXES.length) % SUFFIXES.length];
    const round = Math.floor(t / per);
    return `${namespace}${p}${q}${s}${round ? ` ${round}` : ''}`;
  };
}
