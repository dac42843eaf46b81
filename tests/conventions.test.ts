// House rules for sources (CONTRIBUTING.md, "Add a site"): every file under lib/detect/sources/ is
// registered, its id is its file name, and it has at least one saved-page fixture; every fixture
// folder names a source.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../lib/detect/index';
import { CORPORA } from './e2e/paths';

const sourceDir = join(import.meta.dirname, '../lib/detect/sources');
const fixtureDir = join(import.meta.dirname, 'fixtures');
const sourceFiles = readdirSync(sourceDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('source conventions', () => {
  it('registers every source file exactly once, under its file name', () => {
    expect(sources.map((source) => source.id).sort()).toEqual([...sourceFiles].sort());
  });

  for (const id of sourceFiles) {
    it(`${id} has saved-page fixtures`, () => {
      const dir = join(fixtureDir, id);
      const cases = existsSync(dir)
        ? readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
        : [];
      expect(cases.length, `tests/fixtures/${id}/<case>/`).toBeGreaterThan(0);
      for (const entry of cases) {
        expect(existsSync(join(dir, entry.name, 'page.html')), `${id}/${entry.name}/page.html`).toBe(true);
      }
    });
  }

  it('names a source with every fixture folder (but the bibliography, database and service corpora)', () => {
    const folders = readdirSync(fixtureDir, { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && !CORPORA.has(entry.name),
    );
    for (const folder of folders) expect(sourceFiles, `tests/fixtures/${folder.name}`).toContain(folder.name);
  });

  it('gives every site source match patterns, and no generic reader any', () => {
    for (const source of sources) {
      if (source.kind === 'site') expect(source.patterns.length, source.id).toBeGreaterThan(0);
      else expect(source.patterns, source.id).toEqual([]);
      for (const pattern of source.patterns) expect(pattern).toMatch(/^https:\/\/[^/*]+\/.*$/);
    }
  });

  it('lists site sources first, then metadata readers, then listing readers', () => {
    const order = { site: 0, metadata: 1, listing: 2 };
    const kinds = sources.map((source) => order[source.kind]);
    expect(kinds).toEqual([...kinds].sort());
  });
});

/** Every source file of ours that ships or runs (tests excluded: they build pages on purpose). */
function shippedSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return shippedSources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('page text stays text', () => {
  // web-ext lint's innerHTML and eval warnings come from libraries (CONTRIBUTING.md, "web-ext
  // lint"); this keeps our own code from adding any.
  const FORBIDDEN =
    /\.(inner|outer)HTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|new Function|\beval\(/;

  it('writes no HTML from strings and evaluates no code in lib, entrypoints, components or scripts', () => {
    const root = join(import.meta.dirname, '..');
    const offenders = ['lib', 'entrypoints', 'components', 'scripts']
      .flatMap((dir) => shippedSources(join(root, dir)))
      .filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
