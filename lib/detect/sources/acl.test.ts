// What the saved-page fixtures do not show: the address gate, PDF addresses with old ids and
// revisions, event pages in the older list markup, front matter, and paper pages the site serves
// without their body or with details of another paper.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { acl } from './acl';

function detect(html: string, address: string) {
  return acl.detect(parseHtml(html, address), new URL(address));
}

/** One row of a volume or event list, in the older template's markup (p.d-sm-flex, Bootstrap 4). */
function oldRow(id: string, title: string, authors: string[]): string {
  return `<p class="d-sm-flex align-items-stretch">
    <span class="d-block mr-2 text-nowrap list-button-row">
      <a class="badge badge-primary align-middle mr-1" href="https://aclanthology.org/${id}.pdf" data-toggle="tooltip" title="Open PDF">pdf</a>
      <a class="badge badge-secondary align-middle mr-1" href="/${id}.bib" title="Export to BibTeX">bib</a>
    </span>
    <span class="d-block"><strong><a class="align-middle" href="/${id}/">${title}</a></strong><br />
      ${authors.map((name) => `<a href="/people/${name.toLowerCase().replace(/\s+/g, '-')}/">${name}</a>`).join(' | ')}
    </span></p>`;
}

describe('acl address gate', () => {
  it.each([
    'https://aclanthology.org/2021.naacl-main.208/',
    'https://aclanthology.org/2021.naacl-main.208',
    'https://aclanthology.org/N04-1001/',
    'https://aclanthology.org/P19-1001.pdf',
    'https://aclanthology.org/2021.naacl-main.208v2.pdf',
    'https://aclanthology.org/people/andreas-madsack/',
    'https://aclanthology.org/people/andreas-madsack/unverified/',
    'https://aclanthology.org/volumes/2023.acl-long/',
    'https://aclanthology.org/events/acl-2023/',
  ])('reads %s', (address) => {
    expect(acl.matches(new URL(address))).toBe(true);
  });

  it.each([
    'https://aclanthology.org/',
    'https://aclanthology.org/faq/',
    'https://aclanthology.org/venues/acl/',
    'https://aclanthology.org/search/?q=parsing',
    'https://aclanthology.org/2021.naacl-main.208.bib',
    'https://aclanthology.org.example.com/P19-1001/',
    'https://www.aclweb.org/anthology/P19-1001/',
  ])('leaves %s alone', (address) => {
    expect(acl.matches(new URL(address))).toBe(false);
  });
});

describe('acl PDF addresses', () => {
  it('takes the year from an old-style id: 04 is 2004, 79 is 1979', () => {
    const [naacl] = detect('<html><body></body></html>', 'https://aclanthology.org/N04-1001.pdf');
    expect(naacl?.paper).toMatchObject({
      key: 'acl:N04-1001',
      title: 'ACL:N04-1001',
      authors: [],
      published: '2004',
      url: 'https://aclanthology.org/N04-1001/',
      pdfUrl: 'https://aclanthology.org/N04-1001.pdf',
    });
    expect(naacl?.anchor?.tagName).toBe('BODY');
    const [journal] = detect('<html><body></body></html>', 'https://aclanthology.org/J79-1001.pdf');
    expect(journal?.paper.published).toBe('1979');
  });

  it('keeps the revision the address names in the PDF link, not in the id', () => {
    const [found] = detect('<html><body></body></html>', 'https://aclanthology.org/2021.naacl-main.208v2.pdf');
    expect(found?.paper).toMatchObject({
      key: 'acl:2021.naacl-main.208',
      pdfUrl: 'https://aclanthology.org/2021.naacl-main.208v2.pdf',
    });
  });

  it('does not offer a volume or its front matter as a paper', () => {
    for (const address of [
      'https://aclanthology.org/2023.acl-long.0.pdf',
      'https://aclanthology.org/P19-1000.pdf',
      'https://aclanthology.org/W19-4200.pdf',
      'https://aclanthology.org/2023.acl-long.pdf',
    ]) {
      expect(detect('<html><body></body></html>', address), address).toEqual([]);
    }
  });
});

describe('acl event pages', () => {
  it('reads rows in the older <p> markup and names each paper by the volume heading above it', () => {
    const html = `<section id="main"><h2 id="title">Annual Meeting of the Association for Computational Linguistics (2019)</h2>
      <div id="p19-1">
        <h4 class="d-sm-flex pb-2 border-bottom">
          <span class="d-block mr-2 list-button-row"><a class="badge badge-primary align-middle mr-1" href="https://aclanthology.org/P19-1.pdf">pdf&nbsp;(full)</a></span>
          <a class="align-middle" href="/volumes/P19-1/">Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics</a></h4>
        ${oldRow('P19-1000', 'Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics', ['Anna Korhonen'])}
        ${oldRow('P19-1001', 'One Time of Interaction May Not Be Enough', ['Chunyuan Yuan', 'Wei Zhou'])}
        ${oldRow('P19-1100', 'A Hundredth Paper Is Still a Paper', ['Zoë Lee'])}
      </div>
      <div id="w19-42">
        <h4 class="d-sm-flex pb-2 border-bottom"><a class="align-middle" href="/volumes/W19-42/">Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology</a></h4>
        ${oldRow('W19-4200', 'Proceedings of the 16th Workshop', ['Garrett Nicolai'])}
        ${oldRow('W19-4201', 'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task', ['Andreas Madsack'])}
      </div></section>`;
    const found = detect(html, 'https://aclanthology.org/events/acl-2019/');
    // The front matter of both volumes (P19-1000, W19-4200) is left out; P19-1100 is a paper.
    expect(found.map((detection) => detection.paper.key)).toEqual(['acl:P19-1001', 'acl:P19-1100', 'acl:W19-4201']);
    expect(found[0]?.paper).toMatchObject({
      authors: ['Chunyuan Yuan', 'Wei Zhou'],
      published: '2019',
      venue: 'Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics',
      pdfUrl: 'https://aclanthology.org/P19-1001.pdf',
    });
    expect(found[2]?.paper.venue).toBe(
      'Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology',
    );
    expect(found[0]?.anchor?.tagName).toBe('STRONG');
  });

  it('skips rows it cannot read and keeps the rest, without throwing', () => {
    const html = `<section id="main">
      <div class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="/faq/">Not a paper</a></strong></span></div>
      <div class="d-sm-flex"><span class="d-block"><strong>No link at all</strong></span></div>
      <div class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="http://[bad">Broken</a></strong></span></div>
      <div class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="/2020.acl-main.1/"></a></strong></span></div>
      ${oldRow('2020.acl-main.2', 'The one good row', ['Ada Byron'])}
    </section>`;
    const found = detect(html, 'https://aclanthology.org/volumes/2020.acl-main/');
    expect(found.map((detection) => detection.paper.title)).toEqual(['The one good row']);
    // No details list on this page: the year comes from the id.
    expect(found[0]?.paper.published).toBe('2020');
  });
});

describe('acl paper pages', () => {
  it('falls back to the citation_* tags when the body is missing', () => {
    const html = `<html><head>
      <meta content="Head Only Paper" name="citation_title">
      <meta content="Jane Doe" name="citation_author"><meta content="John Roe" name="citation_author">
      <meta content="Proceedings of Something" name="citation_conference_title">
      <meta content="2019/7" name="citation_publication_date">
      <meta content="https://aclanthology.org/P19-1234.pdf" name="citation_pdf_url">
      <meta content="10.18653/v1/P19-1234" name="citation_doi">
    </head><body></body></html>`;
    const [found] = detect(html, 'https://aclanthology.org/P19-1234/');
    expect(found?.paper).toMatchObject({
      key: 'doi:10.18653/v1/p19-1234',
      title: 'Head Only Paper',
      authors: ['Jane Doe', 'John Roe'],
      published: '2019-07',
      venue: 'Proceedings of Something',
      ids: { acl: 'P19-1234', doi: '10.18653/v1/p19-1234' },
      pdfUrl: 'https://aclanthology.org/P19-1234.pdf',
    });
    expect(found?.anchor?.tagName).toBe('BODY');
  });

  it('takes the authors from the lead, not the editors, and a repository from the Code row', () => {
    const html = `<section id="main"><h2 id="title"><a href="https://aclanthology.org/D18-1003.pdf">A Paper</a></h2>
      <p class="lead"><a href="/people/k/kashyap-popat/">Kashyap Popat</a>, <a href="/people/g/gerhard-weikum/">Gerhard Weikum</a></p>
      <div class="row acl-paper-details"><div class="col"><dl>
        <dt>Anthology ID:</dt><dd>D18-1003</dd>
        <dt>Month:</dt><dd>October-November</dd><dt>Year:</dt><dd>2018</dd>
        <dt>Editors:</dt><dd><a href="/people/e/ellen-riloff/">Ellen Riloff</a></dd>
        <dt>DOI:</dt><dd></dd>
        <dt>Code</dt><dd><a href="https://paperswithcode.com/paper/?acl=D18-1003">additional community code</a> <a href="https://github.com/someone/declare">someone/declare</a></dd>
      </dl></div></div></section>`;
    const [found] = detect(html, 'https://aclanthology.org/D18-1003/');
    expect(found?.paper).toMatchObject({
      key: 'acl:D18-1003',
      authors: ['Kashyap Popat', 'Gerhard Weikum'],
      // "October-November": the first month.
      published: '2018-10',
      codeUrl: 'https://github.com/someone/declare',
      pdfUrl: 'https://aclanthology.org/D18-1003.pdf',
    });
    expect(found?.paper.ids?.doi).toBeUndefined();
  });

  it('finds nothing on a page whose details name another paper, or on front matter', () => {
    const other = `<section id="main"><h2 id="title">Another</h2><div class="acl-paper-details"><dl>
      <dt>Anthology ID:</dt><dd>P19-1002</dd></dl></div></section>`;
    expect(detect(other, 'https://aclanthology.org/P19-1001/')).toEqual([]);
    const frontMatter = `<section id="main"><h2 id="title">Proceedings of the 61st Annual Meeting</h2></section>`;
    expect(detect(frontMatter, 'https://aclanthology.org/2023.acl-long.0/')).toEqual([]);
  });
});
