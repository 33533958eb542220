/**
 * `npm run kg -- <command> [args]`: the terminal entry point. Each command lives in
 * cli/commands/<command>.ts and exports its `spec` (options, positionals: cli/args.ts parses them
 * for every command alike) and `run(parsed): Promise<number>` (the exit code).
 */
import fs from 'node:fs';
import path from 'node:path';
import { HelpRequested, parseCommand, usage, UsageError, type CommandSpec, type Parsed } from './args';
import { terminalSafe } from './terminal-text';

interface Command {
  spec: CommandSpec;
  run(parsed: Parsed): Promise<number>;
}

function available(): string[] {
  const dir = path.join(__dirname, 'commands');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
}

async function overview(): Promise<string> {
  const lines = ['用法 / usage: npm run kg -- <command> [options]   (npm run kg -- <command> --help)', ''];
  for (const n of available()) lines.push(`  ${n.padEnd(10)} ${((await import(`./commands/${n}`)) as Command).spec.summary}`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.error(await overview());
    return 0;
  }
  if (!available().includes(name)) {
    console.error(terminalSafe(`未知命令 / unknown command: ${name}`) + `\n${await overview()}`);
    return 2;
  }
  const cmd = (await import(`./commands/${name}`)) as Command;
  let parsed: Parsed;
  try {
    parsed = parseCommand(cmd.spec, args);
  } catch (e) {
    if (e instanceof HelpRequested) {
      console.log(usage(cmd.spec));
      return 0;
    }
    if (e instanceof UsageError) {
      console.error(`${terminalSafe(e.message)}\n\n${usage(cmd.spec)}`);
      return 2;
    }
    throw e;
  }
  return cmd.run(parsed);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const e = err as { code?: string; message?: string };
      console.error(terminalSafe(`错误 / error${e.code ? ` [${e.code}]` : ''}: ${e.message ?? String(err)}`));
      process.exit(1);
    },
  );
}
