/**
 * Word's automatic numbering written out as text. A plan's 一、 （一） 1. drawn by Word from
 * numbering.xml are in no paragraph's text, and mammoth gives numbered paragraphs as bare lists,
 * so a plan numbered that way lost its outline. Before mammoth reads the file, every numbered
 * paragraph (its own w:numPr, or its paragraph style's) gets the label Word shows — its level's
 * lvlText with each counter in its level's format, counting on across the list as Word does and
 * restarting where a list instance overrides its start — and loses the numPr, so the numbering
 * reads as if typed. Bullets stay lists. A part that cannot be read leaves the file as it was.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface List {
  abstract: string;
  starts: Map<number, number>; // lvlOverride/startOverride of this instance
}

const CN = '零一二三四五六七八九';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${n % 10 ? CN[n % 10] : ''}`;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) [out, n] = [out + s, n - v];
  return out;
}

const letter = (n: number) => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** A counter in a level's w:numFmt (ECMA-376 §17.18.59; the formats plans use, decimal otherwise). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return BRANCHES[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

const children = (el: Element | null | undefined, name: string): Element[] => {
  const out: Element[] = [];
  for (let c = el?.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name) out.push(c as Element);
  return out;
};
const child = (el: Element | null | undefined, name: string): Element | undefined => children(el, name)[0];
const attr = (el: Element, name: string) => el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) || '';
/** An element's w:val (undefined when the element or its value is missing). */
const val = (el: Element | undefined) => (el && attr(el, 'val')) || undefined;

function readNumbering(xml: string): { abstracts: Map<string, Map<number, Level>>; lists: Map<string, List> } {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of children(a, 'lvl')) {
      levels.set(Number(attr(l, 'ilvl') || 0), {
        start: Number(val(child(l, 'start')) ?? 1),
        format: val(child(l, 'numFmt')) ?? 'decimal',
        text: val(child(l, 'lvlText')) ?? '',
        suffix: val(child(l, 'suff')) ?? 'tab',
      });
    }
    abstracts.set(attr(a, 'abstractNumId'), levels);
  }
  const lists = new Map<string, List>();
  for (const n of children(root, 'num')) {
    const starts = new Map<number, number>();
    for (const o of children(n, 'lvlOverride')) {
      const s = val(child(o, 'startOverride'));
      if (s !== undefined) starts.set(Number(attr(o, 'ilvl') || 0), Number(s));
    }
    lists.set(attr(n, 'numId'), { abstract: val(child(n, 'abstractNumId')) ?? '', starts });
  }
  return { abstracts, lists };
}

/** Paragraph styles that number their paragraphs (a heading style linked to a list). */
function styleNumbering(xml: string | null): Map<string, { numId: string; level: number }> {
  const out = new Map<string, { numId: string; level: number }>();
  if (!xml) return out;
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  for (const s of children(root, 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    const numId = val(child(numPr, 'numId'));
    if (numId) out.set(attr(s, 'styleId'), { numId, level: Number(val(child(numPr, 'ilvl')) ?? 0) });
  }
  return out;
}

/** The .docx with its numbered paragraphs' labels as text (the same bytes when it numbers nothing). */
export async function numberingAsText(bytes: Buffer): Promise<Buffer> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const numberingXml = await zip.file('word/numbering.xml')?.async('string');
    const documentXml = await zip.file('word/document.xml')?.async('string');
    if (!numberingXml || !documentXml) return bytes;
    const { abstracts, lists } = readNumbering(numberingXml);
    const styles = styleNumbering((await zip.file('word/styles.xml')?.async('string')) ?? null);
    const doc = new DOMParser().parseFromString(documentXml, 'text/xml');
    const counters = new Map<string, number[]>(); // per abstract list: the counter of each level
    const begun = new Set<string>(); // list instances whose start override has been applied
    let changed = false;
    const paragraphs = doc.getElementsByTagNameNS(W, 'p');
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      const pPr = child(p, 'pPr');
      const own = child(pPr, 'numPr');
      const styled = styles.get(val(child(pPr, 'pStyle')) ?? '');
      const numId = own ? val(child(own, 'numId')) : styled?.numId;
      if (!numId || numId === '0') continue;
      const level = own ? Number(val(child(own, 'ilvl')) ?? styled?.level ?? 0) : styled!.level;
      const list = lists.get(numId);
      const levels = list && abstracts.get(list.abstract);
      const lvl = levels?.get(level);
      if (!list || !levels || !lvl || lvl.format === 'bullet' || lvl.format === 'none') continue;
      const count = counters.get(list.abstract) ?? [];
      counters.set(list.abstract, count);
      if (!begun.has(numId)) {
        begun.add(numId);
        for (const [l, s] of list.starts) count[l] = s - 1;
      }
      count[level] = (count[level] ?? (levels.get(level)?.start ?? 1) - 1) + 1;
      count.length = level + 1; // deeper levels start again under this item
      const label = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
        const l = Number(k) - 1;
        return formatNumber(count[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.format ?? 'decimal');
      });
      if (!label) continue;
      const run = doc.createElementNS(W, 'w:r');
      const t = doc.createElementNS(W, 'w:t');
      t.setAttribute('xml:space', 'preserve');
      t.appendChild(doc.createTextNode(lvl.suffix === 'nothing' || /[、，.．:：)）]$/.test(label) ? label : `${label} `));
      run.appendChild(t);
      p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild);
      if (own) pPr!.removeChild(own);
      else if (pPr) {
        // the style's numbering is written out: this paragraph is numbered by none
        const off = doc.createElementNS(W, 'w:numPr');
        const lv = doc.createElementNS(W, 'w:ilvl');
        lv.setAttribute('w:val', '0');
        const id = doc.createElementNS(W, 'w:numId');
        id.setAttribute('w:val', '0');
        off.appendChild(lv);
        off.appendChild(id);
        pPr.appendChild(off);
      }
      changed = true;
    }
    if (!changed) return bytes;
    zip.file('word/document.xml', new XMLSerializer().serializeToString(doc));
    return await zip.generateAsync({ type: 'nodebuffer' });
  } catch {
    return bytes; // mammoth reads it as it is, and says what it cannot
  }
}
