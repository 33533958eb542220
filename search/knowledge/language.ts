/**
 * The language data of search (language.json): how Chinese questions are asked — stopwords,
 * question words, the cue words of target questions, the kinds of plan documents, the words naming a
 * plan's tasks, function characters,
 * the words asking for a role. Data, not code: a
 * deployment for other wording edits the file. Read once, checked (format, version, every list
 * present) and turned into the sets and patterns the tokenizer, `match`, the target answers and
 * the typo corrections use.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LanguageFile {
  format: string;
  version: number;
  stopwords: { words: string[] };
  stopchars: { chars: string };
  questionWords: { words: string[]; latin: string[] };
  targetCues: { words: string[] };
  planKinds: { words: string[] };
  functionChars: { chars: string };
  taskWords: { words: string[] };
  relativeYears: { offsets: Record<string, number> };
  roleWords: { lead: string[]; co: string[]; either: string[]; any: string[]; who: string[] };
}

export const LANGUAGE_FILE = path.join(__dirname, 'language.json');

/** Reads and checks a language file; throws on another format or version, or a missing list. */
export function loadLanguage(file: string): LanguageFile {
  const d = JSON.parse(fs.readFileSync(file, 'utf8')) as LanguageFile;
  const lists = [d.stopwords?.words, d.questionWords?.words, d.questionWords?.latin, d.targetCues?.words, d.planKinds?.words, d.taskWords?.words, d.roleWords?.lead, d.roleWords?.co, d.roleWords?.either, d.roleWords?.any, d.roleWords?.who];
  if (d.format !== 'kg-language' || d.version !== 1 || lists.some((l) => !Array.isArray(l)) || typeof d.stopchars?.chars !== 'string' || typeof d.relativeYears?.offsets !== 'object' || Object.values(d.relativeYears.offsets).some((o) => !Number.isInteger(o)) || typeof d.functionChars?.chars !== 'string') {
    throw new Error(`${file}: not a kg-language file of version 1 with every list`);
  }
  return d;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One alternation, longest word first (at one position the longer word wins). */
const alternation = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');

const data = loadLanguage(LANGUAGE_FILE);

/** Words that carry no topic, removed on both sides of the keyword channels. */
export const STOPWORDS: ReadonlySet<string> = new Set(data.stopwords.words);
/** Single characters the character channel drops. */
export const STOPCHARS: ReadonlySet<string> = new Set([...data.stopchars.chars]);
/** Question words and particles, Chinese and (whole-word) English: how a question is asked. */
export const QUESTION_WORDS = new RegExp(`${alternation(data.questionWords.words)}|\\b(?:${alternation(data.questionWords.latin)})\\b`, 'g');
/** The Chinese question words and particles as whole words (a word of jieba's cut). */
export const QUESTION_WORD_SET: ReadonlySet<string> = new Set(data.questionWords.words);
/** English question words and particles (what, how, the …): never translated as a topic. */
export const LATIN_QUESTION_WORDS: ReadonlySet<string> = new Set(data.questionWords.latin);
/** Words naming a kind of plan document (实施方案, 工作要点, 政府工作报告): a plan asked about, no topic. */
export const PLAN_KINDS = new RegExp(alternation(data.planKinds.words), 'g');
/** The words of a target question that are not its topic (the plan kinds among them). */
export const TARGET_CUES = new RegExp(alternation([...data.targetCues.words, ...data.planKinds.words]), 'g');
/** Words naming what a plan consists of and asking for its list (任务, 重点工作, 要做哪些): no topic beside a scope (scope.ts). */
export const TASK_WORDS = new RegExp(alternation(data.taskWords.words), 'g');
/** Years said relative to today (今年 0, 明年 +1, 去年 −1), longest word first at one position. */
export const RELATIVE_YEARS: ReadonlyMap<string, number> = new Map(Object.entries(data.relativeYears.offsets));
export const RELATIVE_YEAR = new RegExp(alternation(Object.keys(data.relativeYears.offsets)), 'g');
/** Conjunctions, prepositions and particles: never a typo. */
export const FUNCTION_CHARS: ReadonlySet<string> = new Set([...data.functionChars.chars]);
/** The words asking for the lead unit (牵头), the co-units (协同, 配合), either (参与). */
export const ROLE_LEAD = new RegExp(alternation(data.roleWords.lead));
export const ROLE_CO = new RegExp(alternation(data.roleWords.co));
export const ROLE_EITHER = new RegExp(alternation(data.roleWords.either));
/** Every word that asks who does a task (those above and 负责, 责任单位 …): how a question asks, no topic. */
export const ROLE_WORDS: ReadonlySet<string> = new Set([...data.roleWords.lead, ...data.roleWords.co, ...data.roleWords.either, ...data.roleWords.any]);
/** The same words as one pattern (taken out of a question's topic). */
export const ROLE_WORD_PATTERN = new RegExp(alternation([...ROLE_WORDS]), 'g');
/** How a question asks who does something (谁负责, 由哪个部门): responsible-answer.ts. */
export const WHO_WORDS = new RegExp(alternation(data.roleWords.who), 'g');
