import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type ParsedDocument } from '../../ingest';

export const SEEDS = path.resolve(__dirname, '../../seeds');
export const GOLD_DIR = path.resolve(__dirname, '../../eval/gold-dev');

export const seedFiles = (): string[] => fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

const cache = new Map<string, ParsedDocument>();
/** Parses a seed once per test file. */
export function parsedSeed(file: string): ParsedDocument {
  let d = cache.get(file);
  if (!d) {
    d = parseDocument(file, fs.readFileSync(path.join(SEEDS, file)));
    cache.set(file, d);
  }
  return d;
}

export interface GoldTask {
  path: string;
  section: string[];
  title: string;
  textStart: string;
  kind: string;
  units: { raw: string; role: string }[];
  applications: { name: string; clear: boolean }[];
  years: number[];
}
export interface Gold {
  file: string;
  plan: { title: string; issuer: string | null; docNumber: string | null; date: string | null; region: string; level: string; implements: string[] };
  tasks: GoldTask[];
  applications: { name: string; tier: string; no: number; units: string[] }[];
  unitAliases: string[][];
}

export function goldFiles(): Gold[] {
  if (!fs.existsSync(GOLD_DIR)) throw new Error(`gold annotations missing: ${GOLD_DIR}`);
  return fs.readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(GOLD_DIR, f), 'utf8')) as Gold);
}
