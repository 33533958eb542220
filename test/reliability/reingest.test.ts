/** Re-ingesting the same files changes nothing: same node and relationship sets, same properties. */
import { bootstrap } from '../../app/pipeline';
import { buildGraph } from '../../app/build-graph';
import { identity, testConfig, tmpDir } from './helpers';

describe('re-ingesting the seeds is idempotent', () => {
  const tmp = tmpDir('reingest');
  afterAll(() => tmp.cleanup());

  test('two full rebuilds, a reuse and an upsert on top give the same graph', async () => {
    const config = testConfig(tmp.dir);
    const first = await bootstrap({ config, rebuild: true });
    const a = await first.store.exportAll();
    await first.close();
    expect(a.nodes.length).toBeGreaterThan(500);

    const second = await bootstrap({ config, rebuild: true });
    const b = await second.store.exportAll();
    expect(identity(b)).toEqual(identity(a));
    expect(b).toEqual(a); // properties too (analysis scores, provenance lines)

    // the same documents upserted again over the live store, without clearing it
    const { graph } = await buildGraph(config.seedsDir);
    await second.store.upsert(graph);
    expect(identity(await second.store.exportAll())).toEqual(identity(a));
    await second.close();

    const reused = await bootstrap({ config });
    expect(reused.reused).toBe(true);
    expect(await reused.store.exportAll()).toEqual(a);
    await reused.close();
  });
});
