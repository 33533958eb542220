// The citation dialog: a plan's original lines (a few lines of context around the cited ones).
// A modal dialog that takes focus, keeps Tab inside, closes on Escape and gives focus back.
import { api } from './api.js';
import { $, clear, h } from './dom.js';
import { nodeName } from './results.js';

const CONTEXT = 2;
let opener = null; // the element focused before the dialog opened

export function closeSource() {
  const panel = $('source-panel');
  if (panel.hidden) return;
  panel.hidden = true;
  if (opener && document.contains(opener)) opener.focus();
  opener = null;
}

/** Opens the dialog on `file` lines `from`–`to` of `plan` (a Plan node), the cited lines marked. */
export async function openSource(file, from, to, plan, taskTitle) {
  const panel = $('source-panel');
  const body = clear($('source-body'));
  const planName = plan ? nodeName(plan) : file;
  clear($('source-title')).append(`${planName} · 第 ${from}–${to} 行`, taskTitle ? h('span', { class: 'task' }, taskTitle) : '');
  if (panel.hidden) opener = document.activeElement;
  panel.hidden = false;
  $('source-close').focus();
  body.append(h('p', { class: 'state loading' }, '正在加载原文…'));
  try {
    const data = await api.source(file, Math.max(1, from - CONTEXT), to + CONTEXT);
    clear(body);
    const list = h('ol', { class: 'lines', 'aria-label': `原文第 ${data.from}–${data.to} 行` });
    for (const line of data.lines) {
      const cited = line.n >= from && line.n <= to;
      list.append(h('li', { class: cited ? 'cited' : '', value: line.n, dataset: { n: line.n } }, line.text || '\u00a0'));
    }
    body.append(list, h('p', { class: 'file' }, `文件：${file}`));
    const first = list.querySelector('.cited');
    if (first) first.scrollIntoView({ block: 'nearest' });
  } catch (e) {
    clear(body).append(h('p', { class: 'state error' }, `原文加载失败：${e.message}`));
  }
}

export function initSource() {
  $('source-close').addEventListener('click', closeSource);
  document.addEventListener('keydown', (e) => {
    const panel = $('source-panel');
    if (panel.hidden) return;
    if (e.key === 'Escape') return closeSource();
    if (e.key !== 'Tab') return;
    // focus stays inside the dialog: its close button and its scrollable body
    const body = $('source-body');
    body.tabIndex = 0;
    const stops = [$('source-close'), body];
    const i = stops.indexOf(document.activeElement);
    e.preventDefault();
    stops[(i + (e.shiftKey ? stops.length - 1 : 1)) % stops.length].focus();
  });
}
