/**
 * Citations for every encoding and format: GET /api/source serves the lines ingest decoded (a GBK
 * plan cites Chinese, not mojibake; a PDF's lines carry their page), and the lineStart–lineEnd of
 * every task of those files points at lines holding the task's title.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import iconv from 'iconv-lite';
import request from 'supertest';
import { loadConfig } from '../../core/config';
import { parseFile } from '../../ingest';
import { errorMiddleware } from '../../server/http-errors';
import { sourceRoutes } from '../../server/routes/source';
import type { AppDeps } from '../../server/deps';

const ROOT = path.resolve(__dirname, '../..');
const SEED = '004_bb281ce7d484c788';
let dir: string;
let app: express.Express;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-formats-'));
  fs.writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode(fs.readFileSync(path.join(ROOT, 'seeds', `${SEED}.txt`), 'utf8'), 'gbk'));
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/formats', `${SEED}.pdf`), path.join(dir, `${SEED}.pdf`));
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/formats', `${SEED}.docx`), path.join(dir, `${SEED}.docx`));
  fs.symlinkSync(path.join(ROOT, 'package.json'), path.join(dir, 'escape.txt'));
  const config = { ...loadConfig({}), seedsDir: dir };
  app = express();
  app.use('/api', sourceRoutes({ config } as unknown as AppDeps));
  app.use(errorMiddleware(() => {}));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, '');

test('lists the plan files of the folder, any format', async () => {
  const res = await request(app).get('/api/source').expect(200);
  expect(res.body.files).toEqual([`${SEED}.docx`, `${SEED}.pdf`, 'escape.txt', 'gbk.txt']);
});

test.each(['gbk.txt', `${SEED}.pdf`, `${SEED}.docx`])('%s: every task\'s cited lines hold its title, in Chinese', async (file) => {
  const doc = await parseFile(path.join(dir, file));
  expect(doc.tasks.length).toBe(17);
  for (const t of doc.tasks.slice(0, 6)) {
    const res = await request(app).get(`/api/source/${encodeURIComponent(file)}`).query({ from: t.lineStart, to: t.lineEnd }).expect(200);
    expect(squash(res.body.lines.map((l: { text: string }) => l.text).join(''))).toContain(squash(t.title));
    if (file.endsWith('.pdf')) expect(res.body.lines[0].page).toBe(t.page);
    else expect(res.body.lines[0].page).toBeUndefined();
  }
});

test('a link out of the folder is listed by name but never served', async () => {
  const res = await request(app).get('/api/source/escape.txt');
  expect(res.status).toBe(404);
  expect(res.body.error.message).toMatch(/symbolic link/);
});
