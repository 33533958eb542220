import { Neo4jError } from 'neo4j-driver';
import type { DriverLike, SessionLike, TxLike } from '../../graph/neo4j-store';

export interface Sent {
  query: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
  attempt: number;
}

export type Row = Record<string, unknown>;

/**
 * A recording stand-in for neo4j-driver's Driver: records every statement with its parameters,
 * answers reads from `respond`, and re-runs a transaction's work on retriable errors the way the
 * driver's executeRead/executeWrite do (up to `maxAttempts`). Only committed statements stay in
 * `committed`; a failed attempt's statements are rolled back.
 */
export class FakeDriver implements DriverLike {
  readonly sent: Sent[] = [];
  readonly committed: Sent[] = [];
  readonly sessions: { database?: string; mode?: string; closed: boolean }[] = [];
  respond: (query: string, params: Record<string, unknown>) => Row[] = () => [];
  /** Throws this error from the n-th `tx.run` (0-based, counted over the whole driver), once. */
  failures = new Map<number, Error>();
  maxAttempts = 3;
  connectivityError: Error | null = null;
  closed = false;
  private runs = 0;

  session(config: { database?: string; defaultAccessMode?: 'READ' | 'WRITE' }): SessionLike {
    const info = { database: config.database, mode: config.defaultAccessMode, closed: false };
    this.sessions.push(info);
    const execute = async <T>(mode: 'READ' | 'WRITE', work: (tx: TxLike) => Promise<T>): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        const pending: Sent[] = [];
        const tx: TxLike = {
          run: async (query, params = {}) => {
            const n = this.runs++;
            const sent = { query, params, mode, attempt };
            this.sent.push(sent);
            const failure = this.failures.get(n);
            if (failure) {
              this.failures.delete(n);
              throw failure;
            }
            pending.push(sent);
            const rows = this.respond(query, params);
            return { records: rows.map((row) => ({ get: (k: string) => row[k] })) };
          },
        };
        try {
          const result = await work(tx);
          this.committed.push(...pending);
          return result;
        } catch (e) {
          if (!Neo4jError.isRetriable(e) || attempt >= this.maxAttempts) throw e;
        }
      }
    };
    return {
      executeRead: (work) => execute('READ', work),
      executeWrite: (work) => execute('WRITE', work),
      close: async () => {
        info.closed = true;
      },
    };
  }

  async verifyConnectivity(): Promise<unknown> {
    if (this.connectivityError) throw this.connectivityError;
    return {};
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
