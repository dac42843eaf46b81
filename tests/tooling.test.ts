// The tooling tells the truth about Node: every Node version `package.json` accepts must be one
// that each locked package accepts, except the two whose claim is documented as harmless in
// CONTRIBUTING.md ("The machine"). A dependency bump that asks for a newer Node fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subset, validRange } from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** Declare Node ≥ 22 but run on Node 20: wxt builds, and @topcli/prompts serves only `wxt init`. */
const DOCUMENTED = new Map([
  ['node_modules/wxt', '>=22'],
  ['node_modules/@topcli/prompts', '>=22.0.0'],
]);

describe('Node version', () => {
  const ours = manifest.engines.node;

  it('is a valid range that includes Node 20', () => {
    expect(validRange(ours)).not.toBeNull();
    expect(subset('20.19.0', ours)).toBe(true);
  });

  it('is accepted by every locked package but the documented ones', () => {
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (path === '' || wanted === undefined || DOCUMENTED.get(path) === wanted) continue;
      if (!subset(ours, wanted)) refusing.push(`${path}@${entry.version} wants node ${wanted}`);
    }
    expect(refusing).toEqual([]);
  });

  it('still needs each documented exception (remove it from here and CONTRIBUTING.md when not)', () => {
    for (const [path, wanted] of DOCUMENTED) {
      const entry = lock.packages[path];
      expect(entry?.engines, path).toMatchObject({ node: wanted });
    }
  });
});
