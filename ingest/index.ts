/**
 * Ingest: a plan document (bytes or text) → Plan, Tasks, Units, Applications as GraphData with
 * provenance, and an ingest report. Never throws; unreadable files are reported, not fatal.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ids, type Label } from '../graph/model';
import { decodeDocument } from './decode';
import { normalizeDocument } from './normalize';
import { buildOutline } from './outline';
import { extractTasks, paragraphsOf } from './tasks';
import { firstListedLeads } from './units';
import { extractMetadata } from './metadata';
import { parseAppTable } from './app-table';
import { toGraph, unitAliasGroups } from './to-graph';
import { mergeGraphs } from './merge';
import type { IngestReport, ParsedDocument, ParsedPlan } from './types';

export type { ParsedDocument, ParsedTask, IngestReport, ParsedPlan, UnitMention, AppMention, ListedApp } from './types';
export { mergeGraphs } from './merge';

function emptyPlan(fileName: string): ParsedPlan {
  const title = path.basename(fileName).replace(/\.[^.]+$/, '') || fileName;
  return { id: ids.plan(title), title, issuer: null, docNumber: null, date: null, region: null, level: null, sourceFile: fileName, implements: [] };
}

function failed(fileName: string, message: string, t0: number): ParsedDocument {
  const plan = emptyPlan(fileName);
  const report: IngestReport = {
    file: fileName, ok: false, error: { code: 'INGEST_FAILED', message }, tasks: 0, measures: 0, paragraphs: 0,
    units: 0, applications: 0, warnings: [], parseMs: performance.now() - t0,
  };
  return { plan, tasks: [], listedApps: [], unitAliases: [], graph: toGraph(plan, [], []), report };
}

function parse(fileName: string, content: Buffer | string, t0: number): ParsedDocument {
  const decoded = decodeDocument(content);
  if (!decoded.ok) return failed(fileName, `${fileName}: ${decoded.reason}`, t0);
  const lines = normalizeDocument(decoded.text);
  const warnings: string[] = [];
  if (lines.length === 0) warnings.push('空文档 / empty document');
  const { root, rest } = buildOutline(lines);
  const bodyStart = root.children.length ? lines.indexOf(root.children[0].line) : lines.length;
  const meta = extractMetadata(lines, bodyStart, fileName);
  const planId = ids.plan(meta.docNumber ?? meta.title);
  const plan: ParsedPlan = { id: planId, ...meta, sourceFile: fileName };
  const listedApps = parseAppTable(rest);
  const ctx = { planId, sourceFile: fileName, firstLeads: firstListedLeads(decoded.text), knownApps: listedApps.map((a) => a.name) };
  let tasks = extractTasks(root, ctx, warnings);
  if (tasks.length === 0 && lines.length > 0) {
    warnings.push('未识别到编号结构，按段落保留 / no numbered structure: kept as paragraphs');
    tasks = paragraphsOf(lines, ctx);
  }
  const graph = toGraph(plan, tasks, listedApps);
  const count = (label: Label) => graph.nodes.filter((n) => n.labels.includes(label)).length;
  const report: IngestReport = {
    file: fileName, ok: true, encoding: decoded.encoding,
    tasks: tasks.filter((t) => t.kind === 'task').length,
    measures: tasks.filter((t) => t.kind === 'measure').length,
    paragraphs: tasks.filter((t) => t.kind === 'paragraph').length,
    units: count('Unit'), applications: count('Application'), warnings, parseMs: 0,
  };
  const unitAliases = unitAliasGroups(tasks, listedApps, { region: plan.region, level: plan.level });
  report.parseMs = performance.now() - t0;
  return { plan, tasks, listedApps, unitAliases, graph, report };
}

/** Parses one document. Never throws: failures come back as `report.ok = false` with INGEST_FAILED. */
export function parseDocument(fileName: string, content: Buffer | string): ParsedDocument {
  const t0 = performance.now();
  try {
    return parse(fileName, content, t0);
  } catch (e) {
    return failed(fileName, `${fileName}: 解析失败 / parse failed: ${(e as Error)?.message ?? String(e)}`, t0);
  }
}

/**
 * Ingests every regular file of a directory (sorted by name). An unreadable file gets an error in
 * its report; every other file is still ingested. `parseMs` sums the parse time (not file reading).
 */
export async function ingestDirectory(
  dir: string,
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<{ graph: ParsedDocument['graph']; documents: IngestReport[]; parseMs: number }> {
  const entries = (await fs.readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort();
  const docs: ParsedDocument[] = [];
  for (const [i, name] of entries.entries()) {
    let content: Buffer | null = null;
    let readError = '';
    try {
      content = await fs.readFile(path.join(dir, name));
    } catch (e) {
      readError = `${name}: 无法读取文件 / cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
    docs.push(content ? parseDocument(name, content) : failed(name, readError, performance.now()));
    onProgress?.(i + 1, entries.length, name);
  }
  const ok = docs.filter((d) => d.report.ok);
  return {
    graph: mergeGraphs(ok.map((d) => d.graph)),
    documents: docs.map((d) => d.report),
    parseMs: docs.reduce((s, d) => s + d.report.parseMs, 0),
  };
}
