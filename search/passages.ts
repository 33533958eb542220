/**
 * What gets embedded for a task: the whole task (title + text, truncated by the model at 512
 * tokens) and, for long tasks, each sentence/clause, so one precise sentence deep in a long task
 * can still match (max-pooled per task at query time). See docs/SEARCH.md for the measurement.
 */
import type { TaskDoc } from './corpus';

export interface Passage {
  key: string; // vector key: task id for the whole task, `${taskId}#${n}` for a sentence
  taskId: string;
  text: string;
}

const MIN_SENTENCE = 12; // shorter clauses are merged into the next one: alone they match anything

export function wholeText(t: Pick<TaskDoc, 'title' | 'body'>): string {
  const body = t.body.startsWith(t.title) ? t.body : `${t.title}。${t.body}`;
  return body.replace(/\s+/g, '');
}

export function sentencesOf(text: string): string[] {
  const parts = text.replace(/\s+/g, '').split(/(?<=[。；;！？!?])/);
  const out: string[] = [];
  let buf = '';
  for (const p of parts) {
    buf += p;
    if (buf.length >= MIN_SENTENCE) {
      out.push(buf);
      buf = '';
    }
  }
  if (buf) {
    if (out.length) out[out.length - 1] += buf;
    else out.push(buf);
  }
  return out;
}

/** Passages of a task: the whole task, plus its sentences when it has more than one. */
export function passagesOf(t: TaskDoc, withSentences: boolean): Passage[] {
  const whole: Passage = { key: t.id, taskId: t.id, text: wholeText(t) };
  if (!withSentences) return [whole];
  const sentences = sentencesOf(whole.text);
  if (sentences.length < 2) return [whole];
  return [whole, ...sentences.map((s, i) => ({ key: `${t.id}#${i + 1}`, taskId: t.id, text: s }))];
}

/** The task a passage key belongs to (`id#3` → `id`; a whole-task key is the task id). */
export const taskOfKey = (key: string): string => {
  const at = key.lastIndexOf('#');
  if (at <= 0 || at === key.length - 1) return key;
  for (let i = at + 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return key;
  }
  return key.slice(0, at);
};
