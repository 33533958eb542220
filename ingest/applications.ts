/**
 * Named applications and platforms in task text: the grammar lives in entities/ (applications.ts,
 * app-grammar.ts); ingest calls it through this module.
 */
export { extractApplications } from '../entities/applications';
