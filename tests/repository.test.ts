// The repository stands on its own: no file of ours names a path outside it. A relative path that
// climbs above the root, an absolute path into the machine, a folder beside the repository, or a
// document's upper-case name (`.md`) that no folder from the file up to the root holds, is a reference a reader
// with only the repository cannot follow. Third-party content (the saved pages and recorded
// responses under tests/fixtures/, the lock file) is not ours and is not read; the fixtures' own
// notes (`*.md`) are.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.output', '.wxt', 'coverage']);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|html|css|ya?ml|sh|txt|toml)$|^\.ci\/run$|^\.gitignore$/;

/** Files of ours to read, as paths relative to the root. */
function ourFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path).split(sep).join('/');
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : ourFiles(path);
    if (rel === 'package-lock.json' || !TEXT.test(rel)) return [];
    if (rel.startsWith('tests/fixtures/') && !rel.endsWith('.md')) return [];
    return statSync(path).size > 2_000_000 ? [] : [rel];
  });
}

/** Is `path` (absolute) inside the repository? */
const inside = (path: string): boolean => path === ROOT || path.startsWith(ROOT + sep);

/** The folders from `file`'s own up to the root, where a bare document name may live. */
function foldersUp(file: string): string[] {
  const folders: string[] = [];
  for (let dir = resolve(ROOT, dirname(file)); inside(dir); dir = dirname(dir)) {
    folders.push(dir);
    if (dir === ROOT) break;
  }
  return folders;
}

/** The references in `text` (of the file at `file`, relative to the root) that leave the repository. */
function outsideReferences(file: string, text: string): string[] {
  const found = new Set<string>();
  // Web addresses name pages, not files here.
  const plain = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)'"`<>\]]+/gi, ' ');
  const here = resolve(ROOT, dirname(file));
  for (const [path] of plain.matchAll(/(?<![\w.])(?:\.\.\/)+[\w.@-]*/g)) {
    if (!inside(resolve(here, path))) found.add(path);
  }
  for (const [path] of plain.matchAll(/(?<![\w.-])\/(?:work|home|root)\/[\w./-]+/g)) found.add(path);
  // A folder beside the repository (the shared notes every developer had next to it).
  for (const [path] of plain.matchAll(/(?<![\w.-])shared\/[\w.-]+/g)) {
    if (!foldersUp(file).some((dir) => existsSync(join(dir, 'shared')))) found.add(path);
  }
  // A document by its conventional upper-case name must be reachable from the file's folder or one
  // above it: a bare upper-case name that only exists elsewhere is a reference a reader cannot follow.
  for (const [name] of plain.matchAll(/(?<![\w/.-])(?:[\w.-]+\/)*[A-Z][A-Z0-9_-]*\.md\b/g)) {
    if (!foldersUp(file).some((dir) => existsSync(join(dir, name)))) found.add(name);
  }
  return [...found];
}

describe('the repository stands on its own', () => {
  it('finds each kind of outside reference, and lets inside ones be', () => {
    // Built from parts, so that this file itself names nothing outside.
    const path = (...parts: string[]) => parts.join('/');
    const doc = (name: string) => `${name}.md`;
    expect(outsideReferences('README.md', `see ${path('..', 'shared', 'e2e-notes.md')}`)).toContain(
      path('..', 'shared'),
    );
    expect(outsideReferences('lib/x.ts', `// (${path('shared', 'fixtures')}/)`)).toEqual([path('shared', 'fixtures')]);
    expect(outsideReferences('lib/x.ts', `// (${doc('CONTRACT')}, "Storage")`)).toEqual([doc('CONTRACT')]);
    expect(outsideReferences('lib/x.ts', `// ${path('', 'work', 'notes')}`)).toHaveLength(1);
    const fine = `import { a } from '${path('..', '..', 'scripts', 'html')}'; // ${path('docs', doc('CONTRACT'))}`;
    expect(outsideReferences('lib/paper/x.ts', fine)).toEqual([]);
    const links = `[c](${path('..', doc('CONTRIBUTING'))}), ${doc('README')}, https://a.org/x/${path('..', 'y', doc('NOTES'))}`;
    expect(outsideReferences('docs/x.md', links)).toEqual([]);
    expect(outsideReferences('CONTRIBUTING.md', 'chrome-extension://<id>/popup.html, .../sidepanel.html')).toEqual([]);
  });

  it('names no path outside it in any file of ours', () => {
    const offenders = ourFiles().flatMap((file) =>
      outsideReferences(file, readFileSync(join(ROOT, file), 'utf8')).map((path) => `${file}: ${path}`),
    );
    expect(offenders).toEqual([]);
  });
});
