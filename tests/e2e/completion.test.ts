// Completion (issue 13) in the test build, its requests answered at the services' real addresses
// with recorded responses (tests/fixtures/services, origins in tests/fixtures/SOURCES.md):
// Playwright's context routes catch the background's own requests, so nothing is served from
// elsewhere and no base address is changed. With completion off nothing is sent at all; on, papers
// added by identifier arrive complete (after a 429), a preprint is found published, Undo takes it
// back, and a background stopped with 500 papers queued resumes and commits each result once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import {
  type Browser,
  hasChromium,
  launch,
  queuedIn,
  recordedResponse,
  recordsIn,
  saveThroughHook,
  sendFrom,
  turnOnCompletion,
} from './browser';
import { FIXTURES, TEST_BUILD } from './paths';

/** True when the extension itself (its background or one of its pages) made `request`. */
function fromExtension(request: Request): boolean {
  if (request.serviceWorker()) return true;
  try {
    return request.frame().url().startsWith('chrome-extension://');
  } catch {
    return false;
  }
}

async function openPanel(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  return page;
}

async function addByIdentifier(page: Page, lines: string[]): Promise<void> {
  await page.locator('[data-action="add-papers"]').click();
  await page.getByRole('textbox', { name: 'Add papers by identifier or address, one a line' }).fill(lines.join('\n'));
  await page.getByRole('button', { name: 'Add papers', exact: true }).click();
}

describe.skipIf(!hasChromium)('completion', () => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('sends nothing anywhere while it is off: saves, a Save all through the background, papers added by id', async () => {
    browser = await launch(TEST_BUILD);
    const sent: string[] = [];
    browser.context.on('request', (request) => {
      if (/^https?:/.test(request.url()) && fromExtension(request)) sent.push(request.url());
    });
    const page = await openPanel(browser);
    const listing = JSON.parse(readFileSync(join(FIXTURES, 'huggingface/daily-listing/expected.json'), 'utf8')) as {
      papers: Paper[];
    };
    // A Hugging Face listing's cards (thin: "16 authors", no abstract) saved through the background.
    expect(await sendFrom(page, { type: 'save', papers: listing.papers })).toMatchObject({ ok: true });
    await addByIdentifier(page, ['1501.05039', '10.1371/journal.pone.0033693', 'PMID: 11748933']);
    await expect.poll(() => page.locator('.ps-toast').textContent()).toContain('Added 3 papers');
    // Asked for explicitly, it is refused, and says why.
    expect(await sendFrom(page, { type: 'complete' })).toEqual({
      ok: false,
      error: 'Completion is off: turn on a service in the settings first.',
    });
    // Give a background that would send something the time to do it.
    await page.waitForTimeout(3_000);
    expect(sent).toEqual([]);
    expect(await queuedIn(page)).toBe(0);
    const records = await recordsIn(page);
    expect(records.filter((record) => record.completion !== undefined)).toEqual([]);
  });

  it('completes papers added by identifier from the recorded answers, after a 429 and a lost network, finds a preprint published, refuses another paper, and Undo takes it back', async () => {
    browser = await launch(TEST_BUILD);
    const asked: string[] = [];
    let arxivTries = 0;
    const answer = (name: string) => (route: Route) => {
      asked.push(route.request().url());
      const { status, contentType, body } = recordedResponse(name);
      return route.fulfill({ status, contentType, body });
    };
    await browser.context.route('https://export.arxiv.org/api/query**', (route) => {
      arxivTries++;
      if (arxivTries === 1) {
        asked.push(`429 ${route.request().url()}`);
        return route.fulfill({ status: 429, headers: { 'retry-after': '1' }, body: 'Rate exceeded.' });
      }
      return answer('arxiv/query-search-ten')(route);
    });
    // Crossref cannot be reached at first (no network): the paper waits and is asked again.
    let crossrefTries = 0;
    await browser.context.route('https://api.crossref.org/works/10.1371/journal.pone.0033693**', (route) => {
      crossrefTries++;
      if (crossrefTries === 1) return route.abort('internetdisconnected');
      return answer('crossref/work-journal-article')(route);
    });
    await browser.context.route(
      'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi**',
      answer('pubmed/efetch-two-articles'),
    );
    const page = await openPanel(browser);
    await browser.context.route('https://huggingface.co/api/papers/**', answer('huggingface/paper-object'));
    await turnOnCompletion(page, ['arxiv', 'crossref', 'pubmed', 'huggingface']);

    await addByIdentifier(page, [
      '1501.05039',
      'arXiv:1503.01162',
      'doi:10.1371/journal.pone.0033693',
      'PMID: 11748933',
    ]);
    await expect.poll(() => page.locator('.ps-toast').textContent()).toContain('Added 4 papers; completing them');
    const recordOf = async (key: string) => (await recordsIn(page)).find((record) => record.key === key);
    await expect
      .poll(async () => (await recordOf('arxiv:1501.05039'))?.title, { timeout: 20_000 })
      .toBe('Defining Data Science');

    const data = await recordOf('arxiv:1501.05039');
    expect(data?.authors).toHaveLength(2);
    expect(data?.abstract).toBeTruthy();
    expect(data?.incomplete).toBeUndefined();
    expect(data?.completion?.fields.title?.service).toBe('arxiv');
    expect(data?.completion?.replaced?.title).toBe('arXiv:1501.05039');
    // The arXiv API answered 429 first; the same request went again after its Retry-After.
    expect(arxivTries).toBe(2);

    // The authors' journal reference: found published, its DOI beside the arXiv id (the key stays).
    const report = await recordOf('arxiv:1503.01162');
    expect(report?.publication).toMatchObject({ doi: '10.1007/s11191-014-9716-8' });
    expect(report?.publication?.venue ?? report?.publication?.container).toMatch(/^Science & Education/);
    await expect
      .poll(() => page.locator('li.row[data-paper-key="arxiv:1503.01162"] .row-meta-text').textContent())
      .toContain('published in Science & Education');

    await expect
      .poll(async () => (await recordOf('doi:10.1371/journal.pone.0033693'))?.title, { timeout: 20_000 })
      .toBe(
        'Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice',
      );
    expect((await recordOf('doi:10.1371/journal.pone.0033693'))?.authors).toHaveLength(6);
    expect(crossrefTries).toBe(2);
    await expect
      .poll(async () => (await recordOf('pubmed:11748933'))?.title)
      .toMatch(/^Is cryopreservation a homogeneous process\?/);
    expect(await queuedIn(page)).toBe(0);

    // A page's paper whose PubMed id the service knows as another paper: its record is refused,
    // and the settings say so.
    const other = {
      key: 'pubmed:11700088',
      title: 'Attention Is All You Need',
      authors: [],
      ids: { pubmed: '11700088' },
      source: 'test',
    };
    expect(await sendFrom(page, { type: 'save', papers: [other] })).toMatchObject({ ok: true });
    await expect.poll(() => queuedIn(page)).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          type Local = { get(key: string): Promise<Record<string, { problems?: string[] }>> };
          const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
          return (await local.get('completionStatus')).completionStatus?.problems ?? [];
        }),
      )
      .toContainEqual(
        expect.stringMatching(/^pubmed answered with another paper: “Proton MRI of \(13\)C distribution/),
      );
    const refused = await recordOf('pubmed:11700088');
    expect(refused?.title).toBe('Attention Is All You Need');
    expect(refused?.completion).toBeUndefined();

    // The row says where its fields came from; Undo in its menu takes them out again.
    const row = page.locator('li.row[data-paper-key="arxiv:1501.05039"]');
    await expect.poll(() => row.locator('.row-completed').getAttribute('aria-label')).toBe('Completed from arXiv');
    // Its sheet shows what was filled from where, and the abstract folded.
    await row.locator('.row-title').click();
    await page.keyboard.press('e');
    const details = page.locator('.editor-details');
    await expect
      .poll(() => details.locator('.editor-completed').textContent())
      .toMatch(/^Completed from arXiv \(title, /);
    await details.locator('details.editor-abstract summary').click();
    await expect
      .poll(() => details.locator('details.editor-abstract p').textContent())
      .toMatch(/^Data science is gaining more and more and widespread attention/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.editor').count()).toBe(0);
    await row.hover();
    await row.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Undo completion' }).click();
    await expect.poll(async () => (await recordOf('arxiv:1501.05039'))?.title).toBe('arXiv:1501.05039');
    const undone = await recordOf('arxiv:1501.05039');
    expect(undone?.incomplete).toBe(true);
    expect(undone?.authors).toEqual([]);
    expect(undone?.completion).toBeUndefined();

    // A Hugging Face card read without the page's data: a title, the arXiv id, "15 authors". Saved
    // from the page, it is completed from the Hub to every author and the abstract.
    const card = {
      key: 'arxiv:2509.24002',
      title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
      authors: [],
      authorCount: 15,
      ids: { arxiv: '2509.24002' },
      url: 'https://huggingface.co/papers/2509.24002',
      upvotes: 51,
      source: 'huggingface',
      pageUrl: 'https://huggingface.co/papers/date/2025-09-30',
    };
    expect(await sendFrom(page, { type: 'save', papers: [card] })).toMatchObject({ ok: true });
    await expect.poll(async () => (await recordOf(card.key))?.authors.length, { timeout: 10_000 }).toBe(15);
    const completed = await recordOf(card.key);
    expect(completed?.authors.slice(0, 2)).toEqual(['Zijian Wu', 'Xiangyan Liu']);
    expect(completed?.abstract).toMatch(/^MCP standardizes how LLMs interact with external systems/);
    expect(completed?.upvotes).toBe(51);
    expect(completed?.completion?.fields.authors?.service).toBe('huggingface');

    // A Scholar row linking a publisher's page, no identifier, three authors shown: looked up by
    // title and first author, it gains its DOI — the DOI of the paper added above — and the two
    // become one record (the older one's), not two.
    await browser.context.route(
      'https://api.crossref.org/works?query.bibliographic=**',
      answer('crossref/work-journal-article'),
    );
    const scholarRow = {
      key: 'url:https://journals.example.org/article/methylphenidate',
      title:
        'Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the basal ganglia of mice',
      authors: ['S Sadasivan', 'BB Pond', 'AK Pani'],
      published: '2012',
      url: 'https://journals.example.org/article/methylphenidate',
      source: 'scholar',
    };
    const before = (await recordsIn(page)).length;
    expect(await sendFrom(page, { type: 'save', papers: [scholarRow] })).toMatchObject({ ok: true });
    await expect.poll(async () => (await recordsIn(page)).length, { timeout: 10_000 }).toBe(before);
    const united = await recordOf('doi:10.1371/journal.pone.0033693');
    expect(united?.url).toBe('https://journals.example.org/article/methylphenidate');
    expect(united?.authors).toHaveLength(6);
    expect(await recordOf(scholarRow.key)).toBeUndefined();

    // Nothing went to a service that was off, nor for a paper with nothing to ask.
    expect(
      asked.every((url) =>
        /export\.arxiv\.org|api\.crossref\.org|eutils\.ncbi\.nlm\.nih\.gov|huggingface\.co/.test(url),
      ),
    ).toBe(true);
  });

  it('resumes a queue of 500 papers after the background is stopped mid-run, committing each result once', async () => {
    browser = await launch(TEST_BUILD);
    // Crossref's record of "Methylphenidate Exposure Induces Dopamine Neuron Loss…" (recorded),
    // given for each DOI a filter asks for, as the list `works?filter=doi:…` answers: 500 rows of
    // that title with one author shown and no container, under DOIs of this test's own. Crossref
    // takes 20 DOIs a request, so the queue goes in 25 takes.
    const work = (JSON.parse(recordedResponse('crossref/work-journal-article').body) as { message: object }).message;
    const askedFor = new Map<string, number>();
    let requests = 0;
    let hold: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      hold = resolve;
    });
    await browser.context.route('https://api.crossref.org/works?filter=**', async (route) => {
      requests++;
      const filter = new URL(route.request().url()).searchParams.get('filter') ?? '';
      const dois = filter.split(',').map((part) => part.replace(/^doi:/, ''));
      for (const doi of dois) askedFor.set(doi, (askedFor.get(doi) ?? 0) + 1);
      // The third take never answers: the background is stopped while it waits.
      if (requests === 3) {
        hold?.();
        return;
      }
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          status: 'ok',
          'message-type': 'work-list',
          message: { items: dois.map((doi) => ({ ...work, DOI: doi })) },
        }),
      });
    });
    const page = await openPanel(browser);
    const papers: Paper[] = Array.from({ length: 500 }, (_, i) => ({
      key: `doi:10.5555/mph.${i}`,
      title:
        'Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the basal ganglia of mice',
      authors: ['S Sadasivan'],
      ids: { doi: `10.5555/mph.${i}` },
      source: 'scholar',
    }));
    await saveThroughHook(page, papers);
    await turnOnCompletion(page, ['crossref']);
    expect(await sendFrom(page, { type: 'complete' })).toEqual({ ok: true, queued: 500 });

    await held;
    const before = await recordsIn(page);
    const committed = before.filter((paper) => paper.completion !== undefined).map((paper) => paper.key);
    expect(committed).toHaveLength(40);
    await browser.stopServiceWorker();
    expect(await queuedIn(page)).toBe(460);
    // Any message starts the background again, which resumes the queue.
    await sendFrom(page, { type: 'lookup', terms: ['doi:10.5555/mph.0'] });
    await expect.poll(() => queuedIn(page), { timeout: 60_000 }).toBe(0);

    const after = await recordsIn(page);
    expect(after).toHaveLength(500);
    for (const paper of after) {
      expect(paper.authors).toEqual([
        'Shankar Sadasivan',
        'Brooks B. Pond',
        'Amar K. Pani',
        'Chunxu Qu',
        'Yun Jiao',
        'Richard J. Smeyne',
      ]);
      expect(paper.container).toBe('PLoS ONE');
      expect(paper.completion?.fields.authors?.service).toBe('crossref');
    }
    // The two takes committed before the stop were never asked again; the one cut short was asked
    // twice; the rest once.
    const times = (key: string) => askedFor.get(key.replace(/^doi:/, ''));
    expect(committed.map(times)).toEqual(committed.map(() => 1));
    const counts = papers.map((paper) => times(paper.key));
    expect(counts.filter((n) => n === 2)).toHaveLength(20);
    expect(counts.filter((n) => n === 1)).toHaveLength(480);
    // A paper committed before the stop kept its first stamps.
    const first = before.find((paper) => paper.key === committed[0]);
    expect(after.find((paper) => paper.key === committed[0])?.completion).toEqual(first?.completion);
  });
});
