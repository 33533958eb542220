/**
 * Application name normalisation: one Application per normalised name across plans, so
 * “城市大脑”, 城市大脑 and 城市大脑应用 are one node.
 */

/** Strips quotes, spaces and a trailing generic 应用; lower-cases Latin letters. */
export function appKey(name: string): string {
  let k = name.replace(/[\s“”‘’"'「」『』]/g, '').toLowerCase();
  k = k.replace(/(?:场景应用|应用场景|应用)$/, (m) => (k.length - m.length >= 2 ? '' : m));
  return k;
}

/** A display form: spaces removed, quotes kept ("“智水一件事” 应用" → "“智水一件事”应用"). */
export function cleanAppName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').replace(/"([^"]+)"/g, '“$1”');
}

/** Platforms every Zhejiang plan builds on, recognised even when not quoted. */
export const KNOWN_PLATFORMS = ['浙里办', '浙政钉', '城市大脑', '浙江政务服务网'];
