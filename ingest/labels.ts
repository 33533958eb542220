/**
 * The one table of field labels that open a list or a value inside a task ("牵头单位：…",
 * "完成时限：…"), in simplified characters (text is matched in its folded form, see fold.ts,
 * so 牽頭單位 and 責任單位 match too), and the verbs that give a listed unit its role
 * ("X牵头，Y配合"). Everything that recognises a responsibility clause derives from here.
 */
import type { Role } from '../graph/model';

/** What a label introduces: units with a role, a deadline, or a person (never a unit). */
export type FieldKind = { kind: 'units'; role: Role } | { kind: 'deadline' } | { kind: 'leader' };

/** Labels of unit lists, by the role they give. */
export const ROLE_LABELS: Record<Role, readonly string[]> = {
  lead: ['牵头单位', '牵头部门', '主办单位', '主责单位', '牵头责任单位', '总牵头单位'],
  co: ['协同单位', '协同部门', '配合单位', '配合部门', '协办单位', '参与单位', '参与部门', '协助单位'],
  responsible: ['责任单位', '责任部门', '实施单位', '承办单位', '主体单位', '落实单位'],
};

/** Labels of deadline fields: their value becomes the task's `deadline`. */
export const DEADLINE_LABELS: readonly string[] = ['完成时限', '完成时间', '完成期限', '时限要求', '时间要求', '时间节点', '进度安排', '完成年限', '时限'];

/** Labels of the responsible person: their value becomes the task's `leader`, never a Unit. */
export const LEADER_LABELS: readonly string[] = ['牵头市领导', '牵头省领导', '牵头县领导', '牵头区领导', '牵头领导', '责任领导', '分管领导', '联系领导', '市领导', '省领导', '县领导', '区领导', '责任人'];

/** Every field label (longest first, so 牵头市领导 wins over 牵头), with what it introduces. */
export const FIELD_LABELS: ReadonlyMap<string, FieldKind> = new Map<string, FieldKind>(
  [
    ...Object.entries(ROLE_LABELS).flatMap(([role, ls]) => ls.map((l) => [l, { kind: 'units', role: role as Role }] as const)),
    ...DEADLINE_LABELS.map((l) => [l, { kind: 'deadline' }] as const),
    ...LEADER_LABELS.map((l) => [l, { kind: 'leader' }] as const),
  ].sort((a, b) => b[0].length - a[0].length),
);

/** The alternation of every field label, for building regexes (longest first). */
export const LABEL_ALT = [...FIELD_LABELS.keys()].join('|');

/** Verbs after a unit list that give its role: "A、B牵头", "C配合", "D负责落实", "E按职责分工负责". */
export const ROLE_VERBS: readonly { re: string; role: Role | 'default' }[] = [
  { re: '(?:共同|联合)?牵头(?:负责|落实|实施|推进|抓总)?', role: 'lead' },
  { re: '(?:配合|协同|参与|协办|协助)(?:落实|实施|推进|负责)?', role: 'co' },
  { re: '(?:按职责(?:分工)?|分别|具体|共同)?(?:负责(?:落实|实施|推进)?|落实|实施|推进)', role: 'default' },
];
