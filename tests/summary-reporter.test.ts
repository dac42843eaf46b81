// The closing line CI reads, on a real vitest run over a few small files in a temp folder: a
// passing, a failing and a skipped test, a file that cannot load, and a failing beforeAll. Each of
// the last two fails the run without a failed test, and must count as a failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'papershelf-reporter-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(files: Record<string, string>): { line: string; status: number | null } {
  const dir = mkdtempSync(join(root, 'run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--root', dir, '--reporter', join(import.meta.dirname, 'summary-reporter.ts')],
    { cwd: join(import.meta.dirname, '..'), encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  const lines = result.stdout.split('\n').filter((line) => line.startsWith('vitest: '));
  return { line: lines.at(-1) ?? result.stdout + result.stderr, status: result.status };
}

describe('summary reporter', () => {
  it('counts passed, failed and skipped tests, and a clean run exits 0', () => {
    const clean = run({
      'a.test.ts':
        "import { it } from 'vitest';\nit('one', () => {});\nit('two', () => {});\nit.skip('three', () => {});\n",
    });
    expect(clean).toEqual({ line: 'vitest: 2 passed, 0 failed, 1 skipped', status: 0 });
  });

  it('counts a file that cannot load and a failed hook as failures', () => {
    const broken = run({
      'a.test.ts':
        "import { expect, it } from 'vitest';\nit('passes', () => {});\nit('fails', () => expect(1).toBe(2));\n",
      'b.test.ts': "import { it } from 'vitest';\nthrow new Error('cannot load');\nit('never runs', () => {});\n",
      'c.test.ts':
        "import { beforeAll, describe, it } from 'vitest';\ndescribe('s', () => {\n  beforeAll(() => {\n    throw new Error('hook');\n  });\n  it('skipped by its hook', () => {});\n});\n",
    });
    expect(broken).toEqual({ line: 'vitest: 1 passed, 3 failed, 1 skipped', status: 1 });
  });
});
