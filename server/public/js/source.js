// The side panel that shows a citation's original lines (a few lines of context around them).
import { api } from './api.js';
import { $, clear, h } from './dom.js';

const CONTEXT = 2;

export function closeSource() {
  $('source-panel').hidden = true;
}

/** Opens the panel on `file` lines `from`–`to`, the cited lines marked. */
export async function openSource(file, from, to, title) {
  const panel = $('source-panel');
  const body = clear($('source-body'));
  clear($('source-title')).append(`${title ? title + ' · ' : ''}${file} 第 ${from}–${to} 行`);
  panel.hidden = false;
  body.append(h('p', { class: 'state loading' }, '正在加载原文…'));
  try {
    const data = await api.source(file, Math.max(1, from - CONTEXT), to + CONTEXT);
    clear(body);
    const list = h('ol', { class: 'lines' });
    for (const line of data.lines) {
      const cited = line.n >= from && line.n <= to;
      list.append(h('li', { class: cited ? 'cited' : '', value: line.n, dataset: { n: line.n } }, line.text || '\u00a0'));
    }
    body.append(list);
    const first = list.querySelector('.cited');
    if (first) first.scrollIntoView({ block: 'nearest' });
  } catch (e) {
    clear(body).append(h('p', { class: 'state error' }, `原文加载失败：${e.message}`));
  }
}

export function initSource() {
  $('source-close').addEventListener('click', closeSource);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeSource();
  });
}
