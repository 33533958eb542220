/**
 * Reading a plans folder safely: symbolic links that leave the folder, FIFOs and devices are
 * refused with a clear error (and never hang), every other file is still ingested; two files with
 * the same document number stay two plans, the second reported as a duplicate number.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestDirectory, parseFile } from '../../ingest';
import { fingerprint } from '../../app/manifest';
import { SEEDS } from './helpers';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const SEED = '004_bb281ce7d484c788.txt';

test('a symbolic link out of the folder is refused; one inside it is read', async () => {
  fs.copyFileSync(path.join(SEEDS, SEED), path.join(dir, 'a.txt'));
  fs.symlinkSync(path.join(SEEDS, SEED), path.join(dir, 'out.txt'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  const { documents } = await ingestDirectory(dir);
  const by = new Map(documents.map((d) => [d.file, d]));
  expect(by.get('a.txt')?.ok).toBe(true);
  expect(by.get('b.txt')?.ok).toBe(true);
  for (const f of ['out.txt', 'zero.txt']) {
    expect(by.get(f)?.ok).toBe(false);
    expect(by.get(f)?.error?.message).toMatch(/符号链接.*symbolic link leaves the plans folder/);
  }
});

test('a FIFO is refused at once (never opened, never waited on)', async () => {
  fs.copyFileSync(path.join(SEEDS, SEED), path.join(dir, 'a.txt'));
  try {
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  } catch {
    console.log('SKIP FIFO case: mkfifo is not available here');
    return;
  }
  const t0 = Date.now();
  const { documents } = await ingestDirectory(dir);
  expect(Date.now() - t0).toBeLessThan(30_000);
  const pipe = documents.find((d) => d.file === 'pipe.txt');
  expect(pipe?.ok).toBe(false);
  expect(pipe?.error?.message).toMatch(/不是普通文件.*FIFO/);
  expect(documents.find((d) => d.file === 'a.txt')?.ok).toBe(true);
  const single = await parseFile(path.join(dir, 'pipe.txt'));
  expect(single.report.error?.message).toMatch(/FIFO/);
});

test('a device node in the folder is refused', async () => {
  try {
    execFileSync('mknod', [path.join(dir, 'dev.txt'), 'c', '1', '3'], { stdio: 'ignore' });
  } catch {
    console.log('SKIP device case: cannot create a device node here (mknod needs privileges)');
    return;
  }
  const { documents } = await ingestDirectory(dir);
  expect(documents[0].error?.message).toMatch(/设备文件 \/ a device/);
});

test('two files with the same document number stay two plans, the second reported', async () => {
  const text = fs.readFileSync(path.join(SEEDS, '000_4cb10dc33e04c09c.txt'), 'utf8');
  fs.writeFileSync(path.join(dir, 'a.txt'), text);
  fs.writeFileSync(path.join(dir, 'b.txt'), text.replace('嘉兴市加快推进数字政府建设实施方案', '嘉兴市加快推进数字政府建设实施方案（修订稿）'));
  const { graph, documents } = await ingestDirectory(dir);
  const plans = graph.nodes.filter((n) => n.labels.includes('Plan') && n.properties.cited === false);
  expect(plans.map((p) => p.properties.sourceFile).sort()).toEqual(['a.txt', 'b.txt']);
  expect(new Set(plans.map((p) => p.id)).size).toBe(2);
  expect(plans.every((p) => p.properties.docNumber === '嘉政发〔2022〕18号')).toBe(true);
  expect(documents[0].warnings.join()).not.toMatch(/duplicate/);
  expect(documents[1].warnings.join()).toMatch(/文号重复 \/ duplicate document number 嘉政发〔2022〕18号: also in a\.txt/);
  // each plan's tasks hang from their own plan
  const taskPlans = new Set(graph.nodes.filter((n) => n.labels.includes('Task')).map((n) => n.properties.planId));
  expect(taskPlans).toEqual(new Set(plans.map((p) => p.id)));
});

test('sourceFile is the file\'s own name with its extension; the decoded lines come back for citations', async () => {
  fs.copyFileSync(path.join(SEEDS, SEED), path.join(dir, '浙江省 数字政府.md'));
  const { sources, graph } = await ingestDirectory(dir);
  expect(sources.map((s) => s.file)).toEqual(['浙江省 数字政府.md']);
  const plan = graph.nodes.find((n) => n.labels.includes('Plan') && n.properties.cited === false);
  expect(plan?.properties.sourceFile).toBe('浙江省 数字政府.md');
  expect(sources[0].lines.join('\n')).toBe(fs.readFileSync(path.join(SEEDS, SEED), 'utf8').replace(/\r\n/g, '\n'));
});

test('the manifest fingerprint reads only what ingest reads (a FIFO never blocks it)', () => {
  fs.copyFileSync(path.join(SEEDS, SEED), path.join(dir, 'a.txt'));
  fs.symlinkSync(path.join(SEEDS, SEED), path.join(dir, 'out.txt'));
  try {
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  } catch {
    console.log('SKIP FIFO part: mkfifo is not available here');
  }
  const fp = fingerprint(dir);
  expect(fp['a.txt']).toMatch(/^[0-9a-f]{64}$/);
  expect(fp['out.txt']).toBe('unread:outside');
  if (fs.existsSync(path.join(dir, 'pipe.txt'))) expect(fp['pipe.txt']).toBe('unread:special');
});
