// The extractor as a user runs it (docs/CONTRACT.md, extractor): `npm run --silent extract` on a
// saved page prints exactly the papers the fixture expects, as JSON, and nothing else; a file it
// cannot read gets one line on stderr, nothing on stdout, and exit 2.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SLOW = 60_000;

function extract(...args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'extract', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run --silent extract', () => {
  it(
    'prints only the JSON array of papers, the same as the saved page expects',
    () => {
      const dir = join(ROOT, 'tests/fixtures/arxiv/listing-new');
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
        url: string;
        papers: unknown[];
      };
      const run = extract(join(dir, 'page.html'), '--url', expected.url);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(expected.papers);
    },
    SLOW,
  );

  it(
    'prints [] and exits 0 on a page with no papers',
    () => {
      const dir = join(ROOT, 'tests/fixtures/generic-links/news-site-synthetic');
      const { url } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
      const run = extract(join(dir, 'page.html'), '--url', url);
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        status: 0,
        stdout: '[]\n',
        stderr: '',
      });
    },
    SLOW,
  );

  it(
    'exits 2 with one line on stderr when the file cannot be read',
    () => {
      const run = extract(join(ROOT, 'no-such-page.html'), '--url', 'https://arxiv.org/list/cs.LG/new');
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^extract: cannot read .*no-such-page\.html: ENOENT\n$/);
    },
    SLOW,
  );
});
