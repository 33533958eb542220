// @orama/tokenizers exposes its subpaths only through package "exports", which this project's
// moduleResolution ("node") does not read; this is its published declaration, restated.
declare module '@orama/tokenizers/mandarin' {
  import type { DefaultTokenizer } from '@orama/orama';
  export function createTokenizer(config?: { language?: 'mandarin' }): DefaultTokenizer;
}
