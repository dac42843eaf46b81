// What the saved Scholar pages do not show: the address gate, ids in title and side links, the
// byline's shorter forms, rows that cannot be saved, and broken rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { scholar } from './scholar';

const PAGE = 'https://scholar.google.com/scholar?q=test';

function detect(html: string, address = PAGE) {
  return scholar.detect(
    parseHtml(`<html><body><div id="gs_res_ccl_mid">${html}</div></body></html>`, address),
    new URL(address),
  );
}

/** One result row in Scholar's 2026 markup (results-2026). */
function row(options: { title: string; href?: string; label?: string; byline?: string; side?: string }): string {
  const label = options.label
    ? `<span class="gs_ctc"><span class="gs_ct1">${options.label}</span><span class="gs_ct2">${options.label}</span></span> `
    : '';
  const link = options.href ? `<a id="x" href="${options.href}">${options.title}</a>` : options.title;
  const side = options.side
    ? `<div class="gs_ggs gs_fl"><div class="gs_ggsd"><div class="gs_or_ggsm"><a href="${options.side}"><span class="gs_ctg2">[PDF]</span> host</a></div></div></div>`
    : '';
  return `<div class="gs_r gs_or gs_scl" data-cid="x" data-rp="0">${side}<div class="gs_ri">
    <h3 class="gs_rt">${label}${link}</h3>
    <div class="gs_a">${options.byline ?? 'J Doe, A Roe - Some Journal, 2020 - example.org'}</div>
    <div class="gs_rs">… a cut excerpt …</div></div></div>`;
}

describe('scholar address gate', () => {
  it.each([
    'https://scholar.google.com/scholar?q=transformers',
    'https://scholar.google.com/scholar?cites=8981356803495928007&as_sdt=2005',
    'https://scholar.google.co.jp/scholar?hl=en&q=x',
    'https://scholar.google.de/citations?user=Xq3cT0kAAAAJ&hl=en',
    'https://scholar.google.com.au/citations?view_op=list_works&user=x',
  ])('reads %s', (address) => {
    expect(scholar.matches(new URL(address))).toBe(true);
  });

  it.each([
    'https://scholar.google.com/',
    'https://scholar.google.com/scholar_settings?hl=en',
    'https://www.google.com/search?q=scholar',
    'https://scholar.googleusercontent.com/scholar?q=cache:x',
    'https://scholar.google.example.com/scholar?q=x',
    'https://scholar.google.xx/scholar?q=x',
  ])('leaves %s alone', (address) => {
    expect(scholar.matches(new URL(address))).toBe(false);
  });

  it('asks to run exactly where it reads: one pattern per country domain', () => {
    expect(scholar.patterns).toContain('https://scholar.google.com/*');
    expect(scholar.patterns).toContain('https://scholar.google.co.uk/*');
    for (const pattern of scholar.patterns) {
      const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
      expect(scholar.matches(new URL(`https://${host}/scholar?q=x`)), pattern).toBe(true);
    }
  });
});

describe('scholar result identity', () => {
  it('keys a result by the DOI in a publisher path, without the view the publisher adds', () => {
    const found = detect(
      [
        row({ title: 'Wiley', href: 'https://onlinelibrary.wiley.com/doi/abs/10.1002/anie.201915678' }),
        row({ title: 'Wiley old', href: 'https://onlinelibrary.wiley.com/doi/10.1002/adma.200904328/full' }),
        row({ title: 'bioRxiv', href: 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full.pdf' }),
        row({ title: 'IOP', href: 'https://iopscience.iop.org/article/10.1088/1742-6596/1234/1/012001/pdf' }),
        row({ title: 'PLOS', href: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456' }),
        row({ title: 'doi.org', href: 'https://doi.org/10.1145/3290605.3300233' }),
      ].join(''),
    );
    expect(found.map((detection) => detection.paper.key)).toEqual([
      'doi:10.1002/anie.201915678',
      'doi:10.1002/adma.200904328',
      'doi:10.1101/2020.03.22.002386',
      'doi:10.1088/1742-6596/1234/1/012001',
      'doi:10.1371/journal.pone.0123456',
      'doi:10.1145/3290605.3300233',
    ]);
    // The link stays the landing page as Scholar gives it.
    expect(found[0]?.paper.url).toBe('https://onlinelibrary.wiley.com/doi/abs/10.1002/anie.201915678');
  });

  it('keys by the arXiv id of the title link, or of the [PDF] side link, never keeping a version', () => {
    const found = detect(
      row({ title: 'Attention', href: 'https://arxiv.org/abs/1706.03762v5' }) +
        row({
          title: 'Published version',
          href: 'https://ieeexplore.ieee.org/abstract/document/9999999/',
          side: 'https://arxiv.org/pdf/2310.03646',
        }),
    );
    expect(found[0]?.paper.key).toBe('arxiv:1706.03762');
    expect(found[0]?.paper.ids).toEqual({ arxiv: '1706.03762' });
    expect(found[1]?.paper).toMatchObject({
      key: 'arxiv:2310.03646',
      url: 'https://ieeexplore.ieee.org/abstract/document/9999999/',
      pdfUrl: 'https://arxiv.org/pdf/2310.03646',
    });
  });

  it('takes the arXiv id a venue line names, also for a result without a link', () => {
    const found = detect(
      row({
        title: 'Preprint',
        label: '[CITATION]',
        byline: 'A Author, B Author - arXiv preprint arXiv:2106.09685, 2021',
      }),
    );
    expect(found[0]?.paper).toMatchObject({ key: 'arxiv:2106.09685', venue: 'arXiv preprint arXiv:2106.09685' });
    expect(found[0]?.paper.url).toBeUndefined();
  });

  it('does not take an id from a venue Scholar cut short', () => {
    const found = detect(
      row({ title: 'Cut', label: '[CITATION]', byline: 'A Author - arXiv preprint arXiv:2106.0…, 2021' }),
    );
    expect(found).toEqual([]);
  });

  it('skips a result with neither a title link nor an id: nothing could find it again', () => {
    const found = detect(row({ title: 'A book chapter', label: '[CITATION]', byline: 'J Doe - Some Book, 1999' }));
    expect(found).toEqual([]);
  });

  it('uses a title labelled [PDF] as both the address and the PDF; an [HTML] label is not a PDF', () => {
    const [pdf, html] = detect(
      row({ title: 'Report', label: '[PDF]', href: 'https://www.example.edu/~doe/report.pdf' }) +
        row({ title: 'Page', label: '[HTML]', href: 'https://www.example.org/page' }),
    );
    expect(pdf?.paper).toMatchObject({
      key: 'url:https://www.example.edu/~doe/report.pdf',
      title: 'Report',
      url: 'https://www.example.edu/~doe/report.pdf',
      pdfUrl: 'https://www.example.edu/~doe/report.pdf',
    });
    expect(html?.paper.title).toBe('Page');
    expect(html?.paper.pdfUrl).toBeUndefined();
  });
});

describe('scholar byline', () => {
  it('reads "authors - year - host" and "authors - host" without inventing a venue', () => {
    const [yearOnly, hostOnly, venueOnly] = detect(
      row({ title: 'One', href: 'https://example.org/1', byline: 'J Doe - 2019 - example.org' }) +
        row({ title: 'Two', href: 'https://example.org/2', byline: 'J Doe, R Roe - example.org' }) +
        row({ title: 'Three', href: 'https://example.org/3', byline: 'J Doe - Some Journal - Springer' }),
    );
    expect(yearOnly?.paper).toMatchObject({ authors: ['J Doe'], published: '2019' });
    expect(yearOnly?.paper.venue).toBeUndefined();
    expect(hostOnly?.paper.authors).toEqual(['J Doe', 'R Roe']);
    expect(hostOnly?.paper.venue).toBeUndefined();
    expect(hostOnly?.paper.published).toBeUndefined();
    expect(venueOnly?.paper.venue).toBe('Some Journal');
    expect(venueOnly?.paper.published).toBeUndefined();
  });

  it('never keeps the ellipsis of a cut author list, nor invents a count', () => {
    const [found] = detect(
      row({ title: 'Cut', href: 'https://example.org/c', byline: 'J Doe, É Müller… - Journal of …, 2024 - Elsevier' }),
    );
    expect(found?.paper.authors).toEqual(['J Doe', 'É Müller']);
    expect(found?.paper.authorCount).toBeUndefined();
    expect(found?.paper.venue).toBe('Journal of …');
  });

  it('keeps a venue that holds a hyphen between spaces', () => {
    const [found] = detect(
      row({ title: 'H', href: 'https://example.org/h', byline: 'J Doe - SSM - population health, 2016 - Elsevier' }),
    );
    expect(found?.paper).toMatchObject({ venue: 'SSM - population health', published: '2016' });
  });
});

describe('scholar pages it does not know', () => {
  it('skips the "Create alert" block and rows without a title, and never throws on broken rows', () => {
    const html = `
      <div class="gs_r gs_alrt_btm gs_oph gs_ota"><div class="gs_alrt_btm"><a href="/scholar_alerts?view_op=cancel_alert_options">Create alert</a></div></div>
      <div class="gs_r gs_or gs_scl" data-cid="a"><div class="gs_ri"><div class="gs_a">J Doe - 2020</div></div></div>
      <div class="gs_r gs_or gs_scl" data-cid="b"><div class="gs_ri"><h3 class="gs_rt"><a href="https://example.org/b"></a></h3></div></div>
      <div class="gs_r gs_or gs_scl" data-cid="c"><div class="gs_ri"><h3 class="gs_rt"><a href="javascript:void(0)">No address</a></h3></div></div>
      ${row({ title: 'Fine', href: 'https://example.org/fine', byline: '' })}`;
    const found = detect(html);
    expect(found.map((detection) => detection.paper.title)).toEqual(['Fine']);
    expect(found[0]?.paper.authors).toEqual([]);
    expect(found[0]?.anchor?.tagName).toBe('H3');
  });
});

describe('scholar profile rows', () => {
  const address = 'https://scholar.google.de/citations?user=U1&hl=de';

  it('keys an older row by its href, without the view parameters, on scholar.google.com', () => {
    const html = `<table id="gsc_a_t"><tbody id="gsc_a_b">
      <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;hl=de&amp;oe=ASCII&amp;user=U1&amp;pagesize=100&amp;sortby=pubdate&amp;citation_for_view=U1:abc_D-1" class="gsc_a_at">Paper</a>
      <div class="gs_gray">H Caesar, V Bankiti, ...</div><div class="gs_gray">CVPR<span class="gs_oph">, 2020</span></div></td>
      <td class="gsc_a_c"></td><td class="gsc_a_y"><span class="gsc_a_h gs_ibl">2020</span></td></tr>
      <tr class="gsc_a_tr"><td class="gsc_a_t"><a class="gsc_a_at">No link at all</a></td></tr>
    </tbody></table>`;
    const found = scholar.detect(parseHtml(`<html><body>${html}</body></html>`, address), new URL(address));
    expect(found).toHaveLength(1);
    expect(found[0]?.paper).toMatchObject({
      key: 'url:https://scholar.google.com/citations?view_op=view_citation&user=U1&citation_for_view=U1%3Aabc_D-1',
      authors: ['H Caesar', 'V Bankiti'],
      venue: 'CVPR',
      published: '2020',
    });
    expect(found[0]?.anchor?.className).toBe('gsc_a_at');
  });
});

describe('where the control goes on a results page', () => {
  it("joins each result's own link row (Cite, Cited by…) of the real 2026 page, not the [PDF] side link", () => {
    const html = readFileSync(
      join(import.meta.dirname, '../../../tests/fixtures/scholar/results-2026/page.html'),
      'utf8',
    );
    const found = scholar.detect(parseHtml(html, PAGE), new URL(PAGE));
    expect(found.length).toBeGreaterThan(0);
    for (const { actions, anchor } of found) {
      expect(actions?.matches('.gs_ri > .gs_fl')).toBe(true);
      expect(actions?.closest('.gs_ri')).toBe(anchor?.closest('.gs_ri'));
      expect(actions?.textContent).toContain('Cite');
    }
  });
});
