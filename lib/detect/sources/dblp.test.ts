// What the saved-page fixtures do not show: the address gate, records without an id or electronic
// edition, homonym numbers and titles at their edges, journal tables of contents, and entries it
// cannot read.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { dblp } from './dblp';

function detect(html: string, address: string) {
  return dblp.detect(parseHtml(html, address), new URL(address));
}

/** A dblp record: `li.entry` with its nav of electronic editions and its citation. */
function entry(options: {
  type?: string;
  id?: string;
  authors?: string[];
  title: string;
  venue?: string;
  ees?: string[];
}) {
  const ees = (options.ees ?? []).map(
    (href) => `<li class="ee"><a href="${href}" itemprop="url">electronic edition</a></li>`,
  );
  const authors = (options.authors ?? ['Ada Byron']).map(
    (name) =>
      `<span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="https://dblp.org/pid/1/1.html" itemprop="url"><span itemprop="name" title="${name}">${name}</span></a></span>`,
  );
  return `<li class="entry ${options.type ?? 'article'}"${options.id ? ` id="${options.id}"` : ''}>
    <nav class="publ"><ul><li class="drop-down"><div class="body"><p><b>view</b></p><ul>${ees.join('')}</ul></div></li></ul></nav>
    <cite class="data tts-content" itemprop="headline">${authors.join(', ')}:<br> <span class="title" itemprop="name">${options.title}</span> ${options.venue ?? ''}</cite></li>`;
}

describe('dblp address gate', () => {
  it.each([
    'https://dblp.org/pid/123/4567-2.html',
    'https://dblp.org/pers/hd/v/Vaswani:Ashish',
    'https://dblp.org/search?q=attention',
    'https://dblp.uni-trier.de/db/conf/nips/nips2017.html',
    'https://dblp.dagstuhl.de/db/journals/cacm/cacm67.html',
    'https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.html',
  ])('reads %s', (address) => {
    expect(dblp.matches(new URL(address))).toBe(true);
  });

  it.each([
    'https://dblp.org/',
    'https://dblp.org/faq/index.html',
    'https://dblp.org/statistics/',
    'https://dblp.org.example.com/pid/1/1.html',
    'https://notdblp.org/pid/1/1.html',
  ])('leaves %s alone', (address) => {
    expect(dblp.matches(new URL(address))).toBe(false);
  });
});

describe('dblp records', () => {
  it('finds the arXiv id of a CoRR record in its key when it has no electronic edition', () => {
    const html = `<ul class="publ-list"><li class="year">2017</li>${entry({
      type: 'informal',
      id: 'journals/corr/abs-1706-03762',
      title: 'A Preprint.',
      venue: '<span itemprop="isPartOf"><span itemprop="name">CoRR</span></span>',
    })}</ul>`;
    const [found] = detect(html, 'https://dblp.org/pid/1/1.html');
    expect(found?.paper).toMatchObject({
      key: 'arxiv:1706.03762',
      title: 'A Preprint',
      venue: 'CoRR',
      // No year beside the venue: the list's year heading.
      published: '2017',
      ids: { arxiv: '1706.03762', dblp: 'journals/corr/abs-1706-03762' },
      url: 'https://dblp.org/rec/journals/corr/abs-1706-03762',
    });
  });

  it('takes the key from the BibTeX link when the entry has no id', () => {
    const html = `<ul class="publ-list"><li class="entry inproceedings">
      <nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://dblp.org/rec/conf/x/Byron24.html?view=bibtex">BibTeX</a></div></li></ul></nav>
      <cite><span itemprop="author"><span itemprop="name">Ada Byron</span></span>: <span class="title">No Id.</span></cite></li></ul>`;
    const [found] = detect(html, 'https://dblp.org/search?q=byron');
    expect(found?.paper.ids?.dblp).toBe('conf/x/Byron24');
  });

  it('strips only a trailing four-digit homonym number, and only the closing full stop of a title', () => {
    const html = `<ul class="publ-list">${entry({
      id: 'journals/x/A24',
      authors: ['Wei Zhang 0001', 'Route 66', 'Jean 2000 Dupont'],
      title: 'Et cetera...',
      ees: ['https://doi.org/10.1000/XYZ.1'],
    })}</ul>`;
    const [found] = detect(html, 'https://dblp.org/pid/1/1.html');
    expect(found?.paper.authors).toEqual(['Wei Zhang', 'Route 66', 'Jean 2000 Dupont']);
    expect(found?.paper.title).toBe('Et cetera...');
    expect(found?.paper).toMatchObject({ key: 'doi:10.1000/xyz.1', url: 'https://doi.org/10.1000/XYZ.1' });
  });

  it('skips volumes, data and withdrawn records, and entries without a title, without throwing', () => {
    const html = `<ul class="publ-list">
      ${entry({ type: 'editor', id: 'conf/x/2024', title: 'Proceedings of X 2024.' })}
      ${entry({ type: 'proceedings', id: 'conf/x/2023', title: 'Proceedings of X 2023.' })}
      ${entry({ type: 'data', id: 'data/10/X24', title: 'A Data Set.' })}
      ${entry({ type: 'withdrawn', id: 'journals/x/W24', title: 'Withdrawn.' })}
      <li class="entry article" id="journals/x/NoCite"><nav class="publ"></nav></li>
      <li class="entry article" id="journals/x/NoTitle"><cite><span itemprop="author">Ada Byron</span></cite></li>
      ${entry({ id: 'journals/x/Bad24', title: 'Bad Links.', ees: ['http://[bad', 'javascript:alert(1)'] })}
    </ul>`;
    const found = detect(html, 'https://dblp.org/pid/1/1.html');
    expect(found.map((detection) => detection.paper.key)).toEqual(['url:https://dblp.org/rec/journals/x/Bad24']);
  });

  it('names a journal volume by its heading and dates its entries by their section', () => {
    const html = `<div id="main"><header id="headline" class="headline noline"><h1>Communications of the ACM, Volume 67, 2024</h1></header>
      <header class="h2"><h2>Volume 67, Number 1, January 2024</h2></header>
      <ul class="publ-list">${entry({ type: 'article toc', id: 'journals/cacm/Byron24', title: 'A Column.', venue: '<span itemprop="pagination">5-7</span>' })}</ul></div>`;
    const [found] = detect(html, 'https://dblp.org/db/journals/cacm/cacm67.html');
    expect(found?.paper).toMatchObject({ venue: 'Communications of the ACM', published: '2024' });
    expect(found?.anchor?.className).toBe('title');
  });

  it('does not take a person page heading for a venue', () => {
    const html = `<div id="main"><header id="headline"><h1>Ada Byron 2000</h1></header>
      <ul class="publ-list">${entry({ id: 'journals/x/B24', title: 'No Venue Shown.' })}</ul></div>`;
    const [found] = detect(html, 'https://dblp.org/pid/1/1.html');
    expect(found?.paper.venue).toBeUndefined();
    expect(found?.paper.published).toBeUndefined();
  });
});
