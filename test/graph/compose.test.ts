import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// No Docker engine here: these check that the files parse and say what the README promises.
const root = path.resolve(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

interface Service {
  image?: string;
  build?: string;
  environment: Record<string, string>;
  ports: string[];
  volumes: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const { neo4j, app } = compose.services;

  test('neo4j: the tested version (neo4j-local/pom.xml, which CI runs) community with APOC, auth from .env, a query healthcheck, a data volume, Browser and Bolt ports', () => {
    const pom = read('neo4j-local/pom.xml');
    const tested = pom.match(/<neo4j\.version>([^<]+)</)![1];
    expect(tested).toMatch(/^5\.26\.\d+$/); // the 5.26 LTS line
    expect(neo4j.image).toBe(`neo4j:${tested}-community`);
    expect(pom.match(/<apoc\.version>([^<]+)</)![1]).toBe(tested); // APOC is released per Neo4j version
    expect(JSON.parse(neo4j.environment.NEO4J_PLUGINS)).toEqual(['apoc']);
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD[:?}]/);
    expect(neo4j.healthcheck!.test.join(' ')).toContain("cypher-shell -u neo4j -p '${NEO4J_PASSWORD}' 'RETURN 1'");
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(compose.volumes).toHaveProperty('neo4j-data');
    expect(neo4j.ports).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));
  });

  test('app: built here, waits for a healthy neo4j, points at it, listens on 0.0.0.0:3000', () => {
    expect(app.build).toBe('.');
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(app.environment).toMatchObject({ NEO4J_URI: 'bolt://neo4j:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '${NEO4J_PASSWORD}', HOST: '0.0.0.0', PORT: '3000' });
    expect(app.ports).toContain('3000:3000');
  });

  test('every variable compose interpolates is documented in .env.example', () => {
    const used = new Set([...read('docker-compose.yml').matchAll(/\$\{(\w+)/g)].map((m) => m[1]));
    const documented = new Set([...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...used].filter((v) => !documented.has(v))).toEqual([]);
  });

  test('.env.example documents only settings core/config.ts reads, and all of them', () => {
    const documented = new Set([...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const readByConfig = new Set([...read('core/config.ts').matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]));
    readByConfig.delete('NODE_ENV');
    expect([...documented].filter((v) => !readByConfig.has(v))).toEqual([]);
    expect([...readByConfig].filter((v) => !documented.has(v))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  test('node 20, npm ci with the postinstall script present, npm start on port 3000', () => {
    expect(lines[0]).toMatch(/^FROM node:20\b/);
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    expect(at(/^COPY scripts /)).toBeGreaterThan(-1);
    expect(at(/^COPY scripts /)).toBeLessThan(at(/^RUN npm ci\b/)); // postinstall runs scripts/fetch-model.mjs
    expect(at(/^RUN npm ci\b/)).toBeLessThan(at(/^COPY \. \./));
    expect(text).toMatch(/^EXPOSE 3000$/m);
    expect(lines[lines.length - 1]).toBe('CMD ["npm", "start"]');
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.postinstall).toContain('scripts/fetch-model.mjs');
  });

  test('.dockerignore keeps host builds and secrets out of the image', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'data', 'models', '.env']));
  });
});
