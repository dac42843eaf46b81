// Completion's figure for `npm run bench` (issue 13): papers completed per second by the test
// build's background against Semantic Scholar's batch endpoint, routed at its real address and
// answering every id with its recorded record of "How Much Should We Trust Differences-in-
// Differences Estimates?" (tests/fixtures/services). The service's published rate (one request a
// second, 500 ids a request) bounds the run: the baseline is the time that rate alone takes for the
// same papers in the background's takes (the first request at once, then one a second), so the
// ratio is what the queue, the merge and the commits add to the waiting the rate demands.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Route } from 'playwright-core';
import { takeFor } from '../../lib/completion/drain';
import { SERVICES } from '../../lib/completion/services/index';
import type { Paper } from '../../lib/paper/model';
import {
  launch,
  queuedIn,
  recordedResponse,
  saveThroughHook,
  sendFrom,
  turnOnCompletion,
} from '../../tests/e2e/browser';
import { ROOT, TEST_BUILD } from '../../tests/e2e/paths';
import type { Figure } from './figure';

export async function benchCompletion(options: { quick: boolean }): Promise<Figure[]> {
  const count = options.quick ? 1_000 : 5_000;
  if (!existsSync(TEST_BUILD)) execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: 'ignore' });
  const record = (JSON.parse(recordedResponse('semantic-scholar/batch-full-with-unknown-id').body) as object[])[1];
  const browser = await launch(TEST_BUILD);
  try {
    let requests = 0;
    await browser.context.route('https://api.semanticscholar.org/graph/v1/paper/batch**', (route: Route) => {
      requests++;
      const ids = (JSON.parse(route.request().postData() ?? '{}') as { ids: string[] }).ids;
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(ids.map((id) => ({ ...record, externalIds: { DOI: id.replace(/^DOI:/, '') } }))),
      });
    });
    const page = await browser.openExtensionPage('sidepanel.html');
    const papers: Paper[] = Array.from({ length: count }, (_, i) => ({
      key: `doi:10.5555/did.${i}`,
      title: 'How Much Should We Trust Differences-In-Differences Estimates?',
      authors: ['M Bertrand'],
      ids: { doi: `10.5555/did.${i}` },
      source: 'scholar',
    }));
    await saveThroughHook(page, papers);
    await turnOnCompletion(page, ['semantic-scholar']);
    const start = performance.now();
    const answer = await sendFrom(page, { type: 'complete' });
    if (answer.queued !== count) throw new Error(`queued ${answer.queued} of ${count}: ${answer.error ?? ''}`);
    while ((await queuedIn(page)) > 0) await page.waitForTimeout(100);
    const seconds = (performance.now() - start) / 1_000;
    const rate = SERVICES['semantic-scholar'].rate;
    const batches = Math.ceil(count / takeFor(['semantic-scholar']));
    const ideal = ((batches - 1) * rate.perMs) / rate.requests / 1_000;
    return [
      {
        metric: `completion.semantic-scholar.${count}.papersPerSecond`,
        value: count / seconds,
        unit: 'papers/s',
      },
      {
        metric: `completion.semantic-scholar.${count}.seconds`,
        value: seconds,
        unit: 's',
        baseline: ideal,
        ratio: seconds / ideal,
        target: 1.2,
      },
      { metric: `completion.semantic-scholar.${count}.requests`, value: requests, unit: 'requests', target: batches },
    ];
  } finally {
    await browser.close();
  }
}
