/**
 * The one argument parser of `npm run kg`: each command declares its options and positionals
 * once (a `CommandSpec`); parsing rejects unknown flags and missing values, `--help`/`-h` works on
 * every command, and the usage text is generated from the same declaration.
 */
import { parseArgs } from 'node:util';
import { displayWidth, padTo } from './text-width';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  /** Placeholder in the usage text (`--k N`). */
  value?: string;
  /** The allowed values of a string option. */
  choices?: readonly string[];
  /** A string option that must be an integer in [min, max]. */
  integer?: { min: number; max: number };
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional arguments: `name` shown in the usage; `rest` joins all of them (a question with spaces). */
  positionals?: { name: string; description: string; required?: boolean; rest?: boolean };
  options: Record<string, OptionSpec>;
  examples?: string[];
}

export interface Parsed {
  values: Record<string, string | boolean | number | undefined>;
  positionals: string[];
}

/** A usage error: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
}

/** Thrown for `--help`: the CLI prints the usage and exits 0. */
export class HelpRequested extends Error {}

export function usage(spec: CommandSpec): string {
  const pos = spec.positionals ? (spec.positionals.required ? ` <${spec.positionals.name}>` : ` [${spec.positionals.name}]`) : '';
  const rows: [string, string][] = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? (o.choices ? o.choices.join('|') : 'VALUE')}` : ''}`;
    return [flag, o.description];
  });
  rows.push(['-h, --help', '显示帮助 / show this help']);
  if (spec.positionals) rows.unshift([`${spec.positionals.name}`, spec.positionals.description]);
  const w = Math.max(...rows.map(([f]) => displayWidth(f)));
  const lines = [`用法 / usage: npm run kg -- ${spec.name}${pos} [options]`, `  ${spec.summary}`, '', ...rows.map(([f, d]) => `  ${padTo(f, w)}  ${d}`)];
  if (spec.examples?.length) lines.push('', '例 / examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

/** Parses `args` for `spec`; throws UsageError (bad input) or HelpRequested. */
export function parseCommand(spec: CommandSpec, args: string[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}) };
  let raw: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    raw = parseArgs({ args, options, allowPositionals: !!spec.positionals, strict: true }) as typeof raw;
  } catch (e) {
    throw new UsageError(`参数错误 / ${(e as Error).message}`);
  }
  if (raw.values.help) throw new HelpRequested();
  const values: Parsed['values'] = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const v = raw.values[name];
    if (v === undefined) continue;
    if (typeof v === 'string' && o.choices && !o.choices.includes(v)) throw new UsageError(`--${name} 只能是 / must be one of ${o.choices.join(', ')} (got "${v}")`);
    if (typeof v === 'string' && o.integer) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < o.integer.min || n > o.integer.max) throw new UsageError(`--${name} 需要 ${o.integer.min}–${o.integer.max} 的整数 / needs an integer ${o.integer.min}–${o.integer.max} (got "${v}")`);
      values[name] = n;
    } else values[name] = v;
  }
  const positionals = spec.positionals?.rest ? (raw.positionals.length ? [raw.positionals.join(' ')] : []) : raw.positionals;
  if (spec.positionals?.required && !positionals.some((p) => p.trim())) throw new UsageError(`缺少 / missing <${spec.positionals.name}>`);
  if (spec.positionals && !spec.positionals.rest && positionals.length > 1) throw new UsageError(`多余的参数 / unexpected arguments: ${positionals.slice(1).join(' ')}`);
  return { values, positionals };
}
