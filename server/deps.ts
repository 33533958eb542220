import type { Config } from '../core/config';
import type { GraphStore } from '../graph/store';
import type { SearchService } from '../search/types';

/** The injected parts the app is built from (real ones in app/serve.ts, the same in tests). */
export interface AppDeps {
  store: GraphStore;
  search: SearchService;
  config: Config;
  /** Where 5xx details are written; default console.error unless config.logLevel is silent. */
  log?: (msg: string) => void;
}
