import type { GraphData, PlanProps, Role, TaskKind } from '../graph/model';

/** A unit named in a task's responsibility clause, as printed. */
export interface UnitMention {
  raw: string; // as printed, page breaks re-joined, trailing 等 dropped
  role: Role;
  order: number; // 1-based listing order within the task
}

/** An application or platform named in a task's text. */
export interface AppMention {
  name: string; // as printed (spaces removed)
  clear: boolean; // confidence ≥ 0.8 (quoted, a head word, the dictionary or the attachment)
  evidence: 'quoted' | 'suffix' | 'list' | 'dictionary' | 'attachment'; // how the name was recognised
  confidence: number; // 0..1, from the evidence
}

/** One task (or measure, or paragraph) of a plan, with provenance. */
export interface ParsedTask {
  id: string;
  path: string;
  section: string[];
  title: string;
  text: string;
  kind: TaskKind;
  units: UnitMention[];
  applications: AppMention[];
  years: number[];
  /** The text without its responsibility clauses and task fields (what search and analysis read). */
  body: string;
  /** A deadline field's text ("2009年12月底") and its year, when the task has one. */
  deadline?: string;
  deadlineYear?: number | null;
  /** The responsible person of a "牵头市领导：…" field (a person, never a Unit). */
  leader?: string;
  sourceFile: string;
  lineStart: number;
  lineEnd: number;
  /** The page of a PDF the task starts on. */
  page?: number;
  /** The lines of the attachment's task-table rows that gave the task its units (附件：重点任务分工表). */
  tableLineStarts?: number[];
  tableLineEnds?: number[];
}

/** A row of an attachment list of key applications. */
export interface ListedApp {
  name: string;
  tier: string;
  no: number;
  units: string[];
}

/** A higher policy cited by the plan ("《…》（国发〔2022〕14号）"). */
export interface CitedPlan {
  docNumber: string;
  title: string | null;
  issuer: string | null;
}

export interface ParsedPlan extends PlanProps {
  id: string;
  /** True when the document shows no title of its own (the title is then the file name's stem). */
  untitled: boolean;
  implements: CitedPlan[];
}

export interface IngestError {
  code: 'INGEST_FAILED';
  message: string;
}

/** What ingest says about one file. */
export interface IngestReport {
  file: string;
  ok: boolean;
  error?: IngestError;
  encoding?: string;
  tasks: number; // kind task
  measures: number;
  paragraphs: number;
  units: number; // distinct units
  applications: number; // distinct applications
  warnings: string[];
  parseMs: number;
}

export interface ParsedDocument {
  plan: ParsedPlan;
  tasks: ParsedTask[];
  listedApps: ListedApp[];
  unitAliases: string[][];
  graph: GraphData;
  report: IngestReport;
  /** The document's decoded lines (line n is lines[n-1]): what task provenance refers to. */
  lines: string[];
  /** pages[i]: the page line i+1 starts on (PDF). */
  pages?: number[];
}
