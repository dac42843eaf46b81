import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const PRODUCTION_BUILD = join(ROOT, '.output/chrome-mv3');
export const TEST_BUILD = join(ROOT, '.output/chrome-mv3-test');
export const FIXTURES = join(ROOT, 'tests/fixtures');
/** Folders of tests/fixtures that hold corpora (bibliographies, the CSL schema, databases, service
 * responses, the bench's library), not saved pages of a reader. */
export const CORPORA: ReadonlySet<string> = new Set(['bib', 'csl', 'db', 'services', 'library']);
