// Builds the production and test extensions once before the browser tests, when Chromium is
// here. docs/CONTRACT.md: without /usr/bin/chromium the browser tests are skipped, except under
// CI=true, where a missing browser fails the run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, ROOT } from './paths';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true') {
      throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (apt-get install -y chromium)`);
    }
    process.stderr.write(`e2e: ${CHROMIUM} not found, browser tests skipped (apt-get install -y chromium)\n`);
    return;
  }
  for (const args of [['build'], ['build', '--mode', 'test']]) {
    execFileSync('npx', ['wxt', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
