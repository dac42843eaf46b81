// One runner for every saved page: the whole registry runs on each tests/fixtures/<source>/<case>/
// page.html and must produce exactly the papers in expected.json. `npx vitest -u` rewrites the
// expected files from the code; review their diff like code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectionSteps } from '../lib/detect/engine';
import { worthScanning } from '../lib/detect/gate';
import { detectPapers, sources } from '../lib/detect/index';
import { PaperSchema } from '../lib/paper/model';
import { parseHtml } from '../scripts/html';
import { CORPORA } from './e2e/paths';

const root = join(import.meta.dirname, 'fixtures');

// Corpora that are not saved pages: bibliographies (bib/), a v2 library (db/), service responses (services/).

/** Every fixture case folder, as `<source>/<case>`. */
function fixtureCases(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !CORPORA.has(entry.name))
    .flatMap((source) =>
      readdirSync(join(root, source.name), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${source.name}/${entry.name}`),
    );
}

describe('saved pages', () => {
  for (const name of fixtureCases()) {
    it(name, async () => {
      const dir = join(root, name);
      const expectedPath = join(dir, 'expected.json');
      expect(existsSync(expectedPath), `${name}/expected.json must exist and hold at least {"url": ...}`).toBe(true);
      const { url } = JSON.parse(readFileSync(expectedPath, 'utf8')) as { url: string };
      const doc = parseHtml(readFileSync(join(dir, 'page.html'), 'utf8'), url);
      const detections = detectPapers(doc, new URL(url));
      for (const { anchor, paper } of detections) {
        // A save control needs a place on this very page.
        expect(anchor?.ownerDocument, `anchor of ${paper.key}`).toBe(doc);
      }
      const papers = detections.map((detection) => detection.paper);
      // toPaper builds papers valid by construction, with no schema at run time: the schema holds.
      for (const paper of papers) expect(PaperSchema.safeParse(paper).error, paper.key).toBeUndefined();
      // The content script's gate never hides a page that has papers.
      if (papers.length > 0) expect(worthScanning(sources, doc, new URL(url)), 'the gate lets it through').toBe(true);
      // The scan in steps (what the content script slices) finds the very same.
      const steps = detectionSteps(sources, doc, new URL(url));
      let step = steps.next();
      while (!step.done) step = steps.next();
      expect(step.value.map((detection) => detection.paper)).toEqual(papers);
      await expect(`${JSON.stringify({ url, papers }, null, 2)}\n`).toMatchFileSnapshot(expectedPath);
    });
  }
});
