/**
 * Who does what a question asks about (长江水质谁负责, 数据安全由哪个部门负责): the units of the tasks
 * that answer it — the best-ranked task and those of the next two on its topic (topic.ts) —, each
 * with its role. Only for a question that asks who and names no unit or application (their cards
 * answer), and only beside a strong match, or a weak one whose best task holds half the topic's
 * bigrams at least: the card is as good as the ranking it reads.
 */
import type { Role } from '../graph/model';
import type { SourceRef } from './answers';
import { leads, type Corpus } from './corpus';
import { bigrams } from './normalize';
import { onTopic } from './topic';
import { QUESTION_WORDS, ROLE_WORD_PATTERN, WHO_WORDS } from './knowledge/language';
import type { LinkedQuery } from './understand';

export interface ResponsibleTask {
  id: string;
  title: string;
  path: string;
  planId: string;
  units: { id: string; name: string; region: string | null; role: Role; leads: boolean }[];
  source: SourceRef;
}

export interface ResponsibleAnswer {
  type: 'responsible';
  tasks: ResponsibleTask[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The card for a question asking who does something, from the ranked task ids (best first); null when it asks no such thing. */
export function responsibleAnswer(corpus: Corpus, link: LinkedQuery, ranked: string[], strong: boolean): ResponsibleAnswer | null {
  WHO_WORDS.lastIndex = 0;
  if (!WHO_WORDS.test(link.normalized) || link.units.length || link.apps.length || link.absentUnits.length) return null;
  const topic = bigrams(link.residual.replace(WHO_WORDS, ' ').replace(ROLE_WORD_PATTERN, ' ').replace(QUESTION_WORDS, ' '));
  const top = ranked.slice(0, 3).flatMap((id) => corpus.byId.get(id) ?? []).filter((t) => t.units.length);
  if (!topic.size || !top.length) return null;
  const { best, matches } = onTopic(top, topic, (t) => `${t.title}${t.body}`);
  if (!matches.length || matches[0].item !== top[0] || (!strong && best * 2 < topic.size)) return null;
  return {
    type: 'responsible',
    tasks: matches.map(({ item: t }) => {
      const p = t.node.properties;
      return {
        id: t.id,
        title: t.title,
        path: String(p.path ?? ''),
        planId: t.planId,
        units: t.units.flatMap((u) => {
          const node = corpus.units.get(u.id);
          return node ? [{ id: u.id, name: String(node.properties.name ?? u.id), region: str(node.properties.region), role: u.role, leads: leads(t, u.id) }] : [];
        }),
        source: { file: str(p.sourceFile), lineStart: num(p.lineStart), lineEnd: num(p.lineEnd) },
      };
    }),
  };
}
