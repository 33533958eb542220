/**
 * Ingest: a plan document (any format, any encoding) → Plan, Tasks, Units, Applications as
 * GraphData with provenance, the document's decoded lines, and an ingest report. Never throws;
 * unreadable files are reported, not fatal.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ids, type Label } from '../graph/model';
import { decodeDocument } from './decode';
import { normalizeDocument, splitLines, type Line } from './normalize';
import { buildOutline, type OutlineNode } from './outline';
import { extractTasks, paragraphsOf } from './tasks';
import { assignRows, attachmentTasks, tableRows } from './attachment-tasks';
import { firstLeadsAt } from './units';
import { extractMetadata } from './metadata';
import { parseAppTable } from './app-table';
import { toGraph, unitAliasGroups } from './to-graph';
import { mergeGraphs } from './merge';
import { goalsSection } from './goals';
import { extract, type Extracted } from './formats';
import { listDocuments, readDocumentBytes, type DocumentSource } from './sources';
import type { IngestReport, ParsedDocument, ParsedPlan } from './types';

export type { ParsedDocument, ParsedTask, IngestReport, ParsedPlan, UnitMention, AppMention, ListedApp } from './types';
export type { DocumentSource } from './sources';
export { mergeGraphs } from './merge';
export { readDocumentSource, listDocuments } from './sources';
export { clauseFreeText, taskBody } from './units';
export { ROLE_LABELS, FIELD_LABELS } from './labels';
export { goalsParagraph, goalsSection } from './goals';

const stem = (fileName: string) => path.basename(fileName).replace(/\.[^.]+$/, '') || fileName;

function emptyPlan(fileName: string): ParsedPlan {
  const title = stem(fileName);
  return { id: ids.plan(title), title, untitled: true, issuer: null, docNumber: null, date: null, region: null, level: null, sourceFile: fileName, goals: '', goalsLineStarts: [], goalsLineEnds: [], implements: [] };
}

function failed(fileName: string, message: string, t0: number): ParsedDocument {
  const plan = emptyPlan(fileName);
  const report: IngestReport = {
    file: fileName, ok: false, error: { code: 'INGEST_FAILED', message }, tasks: 0, measures: 0, paragraphs: 0,
    units: 0, applications: 0, warnings: [], parseMs: performance.now() - t0,
  };
  return { plan, tasks: [], listedApps: [], unitAliases: [], graph: toGraph(plan, [], []), report, lines: [] };
}

/** The original line from which on "the first listed unit leads": the start of the top-level item holding the note. */
function firstLeadsFrom(lines: Line[], root: OutlineNode): number {
  const at = lines.findIndex((l) => firstLeadsAt(l.text) >= 0);
  if (at < 0) return Infinity;
  const noteLine = lines[at].lineStart;
  let from = 0;
  for (const c of root.children) if (c.line.lineStart <= noteLine) from = c.line.lineStart;
  return from;
}

export interface ParseOptions {
  /** Overrides the plan's identity key (default: its document number, else its title). */
  planKey?: string;
}

function parse(fileName: string, source: Extracted, t0: number, opts: ParseOptions): ParsedDocument {
  const lines = normalizeDocument(source.lines);
  const warnings: string[] = [];
  if (lines.length === 0) warnings.push('空文档 / empty document');
  const { root, rest } = buildOutline(lines);
  const bodyStart = root.children.length ? lines.indexOf(root.children[0].line) : lines.length;
  const ctxBase = { sourceFile: fileName, firstLeadsFrom: firstLeadsFrom(lines, root), knownApps: [] as string[] };
  const listedApps = parseAppTable(rest);
  ctxBase.knownApps = listedApps.map((a) => a.name);
  // tasks first (their unit names tell the region of a plan without a title), then the plan's identity
  let tasks = extractTasks(root, { ...ctxBase, planId: '' }, warnings);
  // after the body: the plan itself (a notice whose plan is its attachment), or its task table
  // (附件：重点任务分工表: who does each task the body states)
  const attached = attachmentTasks(rest, { ...ctxBase, planId: '' }, warnings);
  if (tasks.length === 0 && attached.length > 0) tasks = attached;
  const rows = tasks === attached ? [] : tableRows(attached);
  if (tasks.length === 0 && lines.length > 0) {
    if (rows.length === 0) warnings.push('未识别到编号结构，按段落保留 / no numbered structure: kept as paragraphs');
    tasks = paragraphsOf(rows.length ? lines.slice(0, lines.length - rest.length) : lines, { ...ctxBase, planId: '' });
  }
  if (rows.length) {
    const assigned = assignRows(tasks, rows);
    tasks = assigned.tasks;
    warnings.push(`附件任务分工表 ${rows.length} 行：${assigned.matched} 行对应正文任务，${assigned.own} 行单列为任务 / attachment task table: ${assigned.matched} rows matched body tasks, ${assigned.own} kept as tasks`);
  }
  const meta = extractMetadata(lines, bodyStart, tasks.flatMap((t) => t.units.map((u) => u.raw)), fileName);
  const title = meta.title ?? stem(fileName);
  const planId = ids.plan(opts.planKey ?? meta.docNumber ?? title);
  const goals = goalsSection(source.lines);
  const plan: ParsedPlan = {
    id: planId, ...meta, title, untitled: meta.title === null, sourceFile: fileName,
    goals: goals?.text ?? '', goalsLineStarts: goals?.lineStarts ?? [], goalsLineEnds: goals?.lineEnds ?? [],
  };
  for (const t of tasks) t.id = ids.task(planId, t.path);
  if (source.pages) for (const t of tasks) t.page = source.pages[t.lineStart - 1];
  const graph = toGraph(plan, tasks, listedApps);
  const count = (label: Label) => graph.nodes.filter((n) => n.labels.includes(label)).length;
  const report: IngestReport = {
    file: fileName, ok: true, encoding: source.encoding,
    tasks: tasks.filter((t) => t.kind === 'task').length,
    measures: tasks.filter((t) => t.kind === 'measure').length,
    paragraphs: tasks.filter((t) => t.kind === 'paragraph').length,
    units: count('Unit'), applications: count('Application'), warnings, parseMs: 0,
  };
  const unitAliases = unitAliasGroups(tasks, listedApps, { region: plan.region, level: plan.level });
  report.parseMs = performance.now() - t0;
  return { plan, tasks, listedApps, unitAliases, graph, report, lines: source.lines, pages: source.pages };
}

function guarded(fileName: string, t0: number, run: () => ParsedDocument): ParsedDocument {
  try {
    return run();
  } catch (e) {
    return failed(fileName, `${fileName}: 解析失败 / parse failed: ${(e as Error)?.message ?? String(e)}`, t0);
  }
}

/** Parses one plain-text document (bytes in any supported encoding, or text). Never throws. */
export function parseDocument(fileName: string, content: Buffer | string, opts: ParseOptions = {}): ParsedDocument {
  const t0 = performance.now();
  return guarded(fileName, t0, () => {
    const decoded = decodeDocument(content);
    if (!decoded.ok) return failed(fileName, `${fileName}: ${decoded.reason}`, t0);
    return parse(fileName, { lines: splitLines(decoded.text), encoding: decoded.encoding }, t0, opts);
  });
}

/** Parses one document of any supported format (.txt .md .docx .pdf .html/.htm) from its bytes. Never throws. */
export async function parseBytes(fileName: string, bytes: Buffer, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const t0 = performance.now();
  let source: Extracted;
  try {
    source = await extract(fileName, bytes);
  } catch (e) {
    return failed(fileName, `${fileName}: ${(e as Error).message}`, t0);
  }
  return guarded(fileName, t0, () => parse(fileName, source, t0, opts));
}

/** Parses one file by path (the file's own name, with its extension, is its sourceFile). Never throws. */
export async function parseFile(file: string, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const t0 = performance.now();
  let bytes: Buffer;
  try {
    bytes = await readDocumentBytes(path.dirname(file), path.basename(file));
  } catch (e) {
    return failed(path.basename(file), readError(path.basename(file), e), t0);
  }
  return parseBytes(path.basename(file), bytes, opts);
}

function readError(name: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${name}: 无法读取文件 / cannot read file: ${err.code}` : err.message;
}

export interface IngestResult {
  graph: ParsedDocument['graph'];
  documents: IngestReport[];
  parseMs: number;
  /** The decoded lines of every document read (citations show these). */
  sources: DocumentSource[];
}

/**
 * Ingests every file of a directory (sorted by name; hidden files and folders skipped). A file
 * that cannot be read or parsed gets an error in its report; every other file is still ingested.
 * Two files with the same document number stay two plans; the second is reported as a duplicate
 * number. `parseMs` sums the parse time (not file reading).
 */
export async function ingestDirectory(dir: string, onProgress?: (done: number, total: number, file: string) => void): Promise<IngestResult> {
  const names = await listDocuments(dir);
  const docs: ParsedDocument[] = [];
  const byNumber = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    let doc: ParsedDocument;
    try {
      doc = await parseBytes(name, await readDocumentBytes(dir, name));
    } catch (e) {
      doc = failed(name, readError(name, e), performance.now());
    }
    const no = doc.report.ok ? doc.plan.docNumber : null;
    if (no && byNumber.has(no)) {
      doc = await parseBytes(name, await readDocumentBytes(dir, name), { planKey: `${no} ${name}` });
      doc.report.warnings.push(`文号重复 / duplicate document number ${no}: also in ${byNumber.get(no)}; kept as a separate plan`);
    } else if (no) byNumber.set(no, name);
    docs.push(doc);
    onProgress?.(i + 1, names.length, name);
  }
  const ok = docs.filter((d) => d.report.ok);
  return {
    graph: mergeGraphs(ok.map((d) => d.graph)),
    documents: docs.map((d) => d.report),
    parseMs: docs.reduce((s, d) => s + d.report.parseMs, 0),
    sources: ok.map((d) => ({ file: d.report.file, lines: d.lines, ...(d.pages ? { pages: d.pages } : {}), ...(d.report.encoding ? { encoding: d.report.encoding } : {}) })),
  };
}
