/**
 * The graph model: the contract between ingest, graph stores, search, server and analysis.
 * Every node has a stable `id` (re-ingesting never duplicates); see docs/ARCHITECTURE.md.
 */

export type Label = 'Plan' | 'Task' | 'Unit' | 'Application' | 'Section' | 'Region' | 'Domain' | 'Target';

export type RelType =
  | 'PART_OF' // (Task|Section)-[:PART_OF]->(Plan|Section)
  | 'RESPONSIBLE_FOR' // (Unit)-[:RESPONSIBLE_FOR {role, order}]->(Task|Application)
  | 'IMPLEMENTS' // (Application)->(Task), (Plan)->(Plan), (Task)->(Task) city task carries out a provincial one
  | 'LISTS' // (Plan)-[:LISTS {tier, no}]->(Application)
  | 'SIMILAR_TO' // (Task)-[:SIMILAR_TO {score, method}]->(Task)
  | 'IN_REGION' // (Plan|Unit)-[:IN_REGION]->(Region)
  | 'IN_DOMAIN' // (Task)-[:IN_DOMAIN]->(Domain)
  | 'HAS_TARGET'; // (Task|Plan)-[:HAS_TARGET]->(Target)

export type Role = 'lead' | 'co' | 'responsible';
export type TaskKind = 'task' | 'measure' | 'paragraph';
export type PropValue = string | number | boolean | null | string[] | number[];
export type Props = Record<string, PropValue>;

export interface PlanProps {
  title: string;
  issuer: string | null;
  docNumber: string | null;
  date: string | null; // ISO yyyy-mm-dd
  region: string | null;
  level: 'province' | 'city' | 'county' | 'district' | null; // GB/T 2260 (province-level municipalities are province)
  sourceFile: string | null; // null for a cited higher policy known only by its citation
  goals?: string; // the plan's 主要目标 paragraph as ingest read it ('' when it has none); absent on cited plans
  goalsLineStarts?: number[]; // per paragraph of `goals` ("\n"-separated): its first line in the source (1-based)
  goalsLineEnds?: number[]; // … and its last line
  cited?: boolean; // true for a Plan known only from another plan's citation
}

export interface TaskProps {
  path: string; // the document's own numbering: "12", "三.(一)", "二.(二).3"
  title: string;
  text: string; // full text of the task, page breaks re-joined
  kind: TaskKind;
  section: string[]; // headings above the task, as printed
  years: number[];
  sourceFile: string;
  lineStart: number; // 1-based, inclusive, lines of the document as ingest decoded it (GET /api/source)
  lineEnd: number;
  planId: string;
  body?: string; // the text without its responsibility clauses (ingest's one definition; what search and analysis read)
  deadline?: string; // a deadline field's text ("2009年12月底"), when the task has one
  deadlineYear?: number | null;
  leader?: string; // the responsible person of a "牵头市领导：…" field (never a Unit)
  page?: number; // the PDF page the task starts on
  tableLineStarts?: number[]; // the attachment task-table rows (附件：重点任务分工表) that gave the task its units
  tableLineEnds?: number[];
}

export interface UnitProps {
  name: string; // canonical name within its region
  aliases: string[]; // every raw form seen
  region: string | null; // the plan's region; null when the plan names none (the id is then scoped to the plan's file)
  collective: boolean;
}

export interface ApplicationProps {
  name: string;
  aliases: string[];
  tier: string | null;
}

export interface GraphNode<P extends object = Props> {
  id: string;
  labels: Label[];
  properties: P;
}

export interface GraphRelationship<P extends object = Props> {
  type: RelType;
  start: string;
  end: string;
  properties: P;
}

/** A self-contained piece of graph: what ingest produces per document and what stores upsert. */
export interface GraphData {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

/** Stable relationship identity: two edges with the same key are the same edge. */
export function relKey(r: Pick<GraphRelationship, 'type' | 'start' | 'end'>): string {
  return `${r.start}|${r.type}|${r.end}`;
}

export const ids = {
  plan: (docNumberOrTitle: string) => `plan:${docNumberOrTitle}`,
  task: (planId: string, path: string) => `${planId}/${path}`,
  unit: (region: string, canonical: string) => `unit:${region}/${canonical}`,
  /** The scope of a region-less plan's units (in their ids): the plan's file, since its region is unknown. */
  unknownRegion: (planFile: string) => `未知地区·${planFile}`,
  application: (normalised: string) => `app:${normalised}`,
  section: (planId: string, path: string) => `${planId}/§${path}`,
  region: (name: string) => `region:${name}`,
  domain: (name: string) => `domain:${name}`,
  target: (ownerId: string, n: number) => `${ownerId}#target${n}`,
};

/** The versioned export / snapshot envelope (`npm run kg -- export --format json`). */
export interface GraphExport extends GraphData {
  version: 1;
}
