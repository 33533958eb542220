/**
 * `npm run kg -- <command> [args]`: the terminal entry point. Each command lives in
 * cli/commands/<command>.ts and exports `run(args): Promise<number>` (the exit code).
 */
import fs from 'node:fs';
import path from 'node:path';
import { terminalSafe } from './terminal-text';

interface Command {
  run(args: string[]): Promise<number>;
  summary?: string;
}

function available(): string[] {
  const dir = path.join(__dirname, 'commands');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const names = available();
  if (!name || name === '--help' || name === '-h' || !names.includes(name)) {
    if (name && !['--help', '-h'].includes(name)) console.error(`未知命令 / unknown command: ${name}`);
    console.error('用法 / usage: npm run kg -- <command> [options]');
    for (const n of names) {
      const cmd = (await import(`./commands/${n}`)) as Command;
      console.error(`  ${n.padEnd(10)} ${cmd.summary ?? ''}`);
    }
    return name && !['--help', '-h'].includes(name) ? 2 : 0;
  }
  const cmd = (await import(`./commands/${name}`)) as Command;
  return cmd.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as { code?: string; message?: string };
    console.error(terminalSafe(`错误 / error${e.code ? ` [${e.code}]` : ''}: ${e.message ?? String(err)}`));
    process.exit(1);
  },
);
