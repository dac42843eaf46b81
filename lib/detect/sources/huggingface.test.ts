// The Hugging Face source beyond its fixtures: the address gate, and the markup fallbacks run on the
// real saved pages with their hydration JSON taken away in memory (the files stay untouched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { huggingface } from './huggingface';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures/huggingface');

function savedPage(name: string, url: string): Document {
  return parseHtml(readFileSync(join(fixtures, name, 'page.html'), 'utf8'), url);
}

function papers(doc: Document, url: string) {
  return huggingface.detect(doc, new URL(url)).map((detection) => detection.paper);
}

describe('huggingface.matches', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/',
    'https://huggingface.co/papers?q=world+model',
    'https://huggingface.co/papers?date=2025-10-01',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://huggingface.co/papers/week/2026-W39',
    'https://huggingface.co/papers/month/2026-09',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/2509.24002',
    'https://huggingface.co/papers/2509.24002#community',
  ])('reads %s', (url) => {
    expect(huggingface.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://huggingface.co/',
    'https://huggingface.co/models',
    'https://huggingface.co/papers/submit',
    'https://huggingface.co/papers/date/yesterday',
    'https://huggingface.co/papers/week/2026-39',
    'https://huggingface.co/papers/2509.24002/community',
    'https://huggingface.co/papers/2513.00001',
    'https://huggingface.co/papersfoo',
    'https://hf.co/papers/2509.24002',
    'https://example.org/papers/2509.24002',
  ])('leaves %s alone', (url) => {
    expect(huggingface.matches(new URL(url))).toBe(false);
  });
});

describe('huggingface listing without its JSON', () => {
  const url = 'https://huggingface.co/papers';

  it('reads the real cards of daily-listing', () => {
    const doc = savedPage('daily-listing', url);
    doc.querySelector('[data-target="DailyPapers"]')?.removeAttribute('data-props');
    const found = huggingface.detect(doc, new URL(url));
    expect(found.map(({ anchor }) => anchor?.closest('h3') !== null)).toEqual([true, true, true, true, true, true]);
    // The control's place: the flex row of the card's own links that ends the line under the title.
    expect(
      found.map(({ anchor, actions }) => actions === anchor?.closest('h3')?.nextElementSibling?.lastElementChild),
    ).toEqual([true, true, true, true, true, true]);
    expect(found.map(({ actions }) => actions?.className)).toEqual(found.map(() => 'flex items-center gap-2'));
    // What each card shows: votes, organisation chip or "· N authors", stars, comments.
    expect(
      found.map(({ paper }) => [
        paper.key,
        paper.upvotes,
        paper.organization ?? paper.authorCount,
        paper.stars,
        paper.comments,
      ]),
    ).toEqual([
      ['arxiv:2609.31620', 110, 'USC Physical Superintelligence (PSI) Lab', 12, 2],
      ['arxiv:2609.18703', 42, 'Peking University', 11, 2],
      ['arxiv:2609.31093', 19, 'ByteDance Seed', undefined, 1],
      ['arxiv:2609.31394', 17, 48, undefined, undefined],
      ['arxiv:2609.24385', 10, 4, 2, 1],
      ['arxiv:2609.31199', 8, 'Thales', undefined, 1],
    ]);
    expect(found[3]?.paper.title).toBe(
      'InternW0-Δ: A World Action Model Bridging Predictive Dynamics and Actions with 20K+ Hours of Open Data',
    );
    // Avatar titles are user names ("parohod"), not author names: none are taken.
    expect(found.every(({ paper }) => paper.authors.length === 0)).toBe(true);
  });

  it.each(['{"dailyPapers": [', 'null', '[]', '42', '{"dailyPapers": "none"}', '{"dailyPapers": [null, 7]}'])(
    'falls back to the cards when data-props is %s',
    (props) => {
      const doc = savedPage('daily-listing', url);
      doc.querySelector('[data-target="DailyPapers"]')?.setAttribute('data-props', props);
      const found = papers(doc, url);
      expect(found).toHaveLength(6);
      expect(found[0]?.abstract).toBeUndefined();
      expect(found[0]?.upvotes).toBe(110);
    },
  );

  it('uses the JSON of a card and reads the cards it does not list', () => {
    const doc = savedPage('daily-listing', url);
    const element = doc.querySelector('[data-target="DailyPapers"]');
    const props = JSON.parse(element?.getAttribute('data-props') ?? '{}') as { dailyPapers: unknown[] };
    props.dailyPapers = props.dailyPapers.slice(0, 1);
    element?.setAttribute('data-props', JSON.stringify(props));
    const found = papers(doc, url);
    expect(found.map((paper) => paper.authors.length)).toEqual([16, 0, 0, 0, 0, 0]);
  });
});

describe('huggingface paper page', () => {
  const url = 'https://huggingface.co/papers/2509.24002';

  it('reads the same paper from the real markup as from the JSON', () => {
    const fromJson = papers(savedPage('paper-page', url), url)[0];
    const doc = savedPage('paper-page', url);
    doc.querySelector('[data-target="PaperContent"]')?.removeAttribute('data-props');
    const detections = huggingface.detect(doc, new URL(url));
    expect(detections).toHaveLength(1);
    expect(detections[0]?.anchor?.tagName).toBe('H1');
    const fromMarkup = detections[0]?.paper;
    for (const field of [
      'key',
      'title',
      'authors',
      'organization',
      'url',
      'pdfUrl',
      'codeUrl',
      'projectUrl',
      'upvotes',
      'stars',
    ] as const) {
      expect(fromMarkup?.[field], field).toEqual(fromJson?.[field]);
    }
    // The saved page was re-serialised with a line break around each keyword link ("agents ."),
    // so the abstracts are compared without spaces; "Sep 28" has no year, so no date is guessed.
    const squeeze = (text: string | undefined) => text?.replace(/\s+/g, '');
    expect(squeeze(fromMarkup?.abstract)).toBe(squeeze(fromJson?.abstract));
    expect(fromMarkup?.published).toBeUndefined();
    expect(fromMarkup?.keywords).toContain('minimal agent framework');
  });

  it('finds nothing when the page has no title to anchor on', () => {
    const doc = savedPage('paper-page', url);
    doc.querySelector('h1')?.remove();
    expect(huggingface.detect(doc, new URL(url))).toEqual([]);
  });
});

describe('huggingface collections and repository pages', () => {
  it.each([
    'https://huggingface.co/collections/Qwen/qwen35',
    'https://huggingface.co/collections/LiquidAI/lfm2-686d721927015b2ad73eaa38',
    'https://huggingface.co/mistralai/Mistral-7B-v0.1',
    'https://huggingface.co/datasets/HuggingFaceFW/fineweb',
  ])('reads %s', (url) => {
    expect(huggingface.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://huggingface.co/mistralai',
    'https://huggingface.co/mistralai/Mistral-7B-v0.1/tree/main',
    'https://huggingface.co/mistralai/Mistral-7B-v0.1/discussions',
    'https://huggingface.co/datasets/HuggingFaceFW',
    'https://huggingface.co/spaces/sleep-lab/recall-demo',
    'https://huggingface.co/blog/paper-pages',
    'https://huggingface.co/docs/transformers',
    'https://huggingface.co/collections/Qwen',
    'https://huggingface.co/papers/2509.24002/community',
  ])('leaves %s alone', (url) => {
    expect(huggingface.matches(new URL(url))).toBe(false);
  });

  const url = 'https://huggingface.co/sleep-lab/memory-consolidation-7b';
  const found = (body: string) =>
    huggingface.detect(parseHtml(`<body>${body}</body>`, url), new URL(url)).map(({ paper, anchor }) => ({
      title: paper.title,
      key: paper.key,
      anchor: anchor?.tagName,
    }));

  it('titles a paper from a link whose text is a title, never from a label, an id or an address', () => {
    expect(
      found(`
        <a href="/papers/2305.14314">paper</a>
        <a href="/papers/2305.14314">QLoRA paper</a>
        <a href="https://huggingface.co/papers/2305.14314">https://huggingface.co/papers/2305.14314</a>
        <a href="/papers/2310.06825">📄 Paper page</a>
        <a href="/papers/2310.06825">Mistral 7B</a>
        <a href="/papers/2106.09685">2106.09685</a>
        <a href="/papers/2106.09685">LoRA</a>`),
    ).toEqual([
      { title: 'arXiv:2305.14314', key: 'arxiv:2305.14314', anchor: 'A' },
      { title: 'Mistral 7B', key: 'arxiv:2310.06825', anchor: 'A' },
      { title: 'arXiv:2106.09685', key: 'arxiv:2106.09685', anchor: 'A' },
    ]);
  });

  it('reads arxiv tags, whatever element carries them, once per paper', () => {
    expect(
      found(`
        <a href="/models?other=arxiv:2305.14314"><div class="tag"><span>arxiv:</span><span>2305.14314</span></div></a>
        <span class="tag">arxiv:2310.06825</span>
        <button>arxiv:2305.14314</button>
        <button>arxiv: not-an-id</button>
        <a href="/papers/2513.00001">A Paper That Cannot Exist</a>`),
    ).toEqual([
      { title: 'arXiv:2305.14314', key: 'arxiv:2305.14314', anchor: 'A' },
      { title: 'arXiv:2310.06825', key: 'arxiv:2310.06825', anchor: 'SPAN' },
    ]);
  });

  it('finds nothing on a repository page that cites no paper', () => {
    expect(found('<h1>sleep-lab/memory-consolidation-7b</h1><a href="/papers">Papers</a>')).toEqual([]);
  });
});
