import type { GraphData, GraphExport } from '../model';

/** The versioned JSON export: `{"version":1,"nodes":[…],"relationships":[…]}`, nodes and edges sorted. */
export function toJson(data: GraphData): string {
  const out: GraphExport = { version: 1, nodes: data.nodes, relationships: data.relationships };
  return `${JSON.stringify(out, null, 1)}\n`;
}
