/**
 * Unit identity: the grammar and the abbreviation rules live in entities/ (unit-grammar.ts,
 * unit-identity.ts, lexicon/unit-words.json); ingest calls them through this module.
 */
export { bracketForms, isCollective, unitKey, type UnitContext } from '../entities/unit-identity';
