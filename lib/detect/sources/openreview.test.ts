// What the saved-page fixtures do not show: the address gate, a forum whose head is left from
// another forum (in-app navigation), a forum saved without its body, anonymous and long author
// lists, website links that carry an arXiv id, replies in lists, and pages it cannot read.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { openreview } from './openreview';

function detect(html: string, address: string) {
  return openreview.detect(parseHtml(html, address), new URL(address));
}

/** A forum note in ForumNote.js markup. */
function forumNote(title: string, authors: string, extra = ''): string {
  return `<div class="forum-container"><div class="forum-note">
    <div class="forum-title mt-2 mb-2"><h2 class="citation_title">${title}</h2>${extra}</div>
    <div class="forum-authors mb-2"><h3><span>${authors} </span></h3></div>
    <div class="clearfix mb-1"><div class="forum-meta">
      <span class="date item"><span class="glyphicon glyphicon-calendar " aria-hidden="true"></span>27 Sept 2024 (modified: 05 Feb 2025)</span>
      <span class="item"><span class="glyphicon glyphicon-folder-open " aria-hidden="true"></span>Submitted to ICLR 2025</span>
    </div></div>
    <div class="note-content"><div><strong class="note-content-field">Abstract<!-- -->:</strong> <div class="note-content-value markdown-rendered"><p>Body abstract with <mjx-container class="MathJax"><mjx-math aria-hidden="true"><mjx-mi><mjx-c class="mjx-c1D465"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml><math><mi>x</mi></math></mjx-assistive-mml></mjx-container> rendered.</p></div></div></div>
  </div></div>`;
}

/** A list note in Note.js (NoteV2) markup. */
function listNote(href: string, title: string, extra = ''): string {
  return `<li><div class="note"><h4><a href="${href}">${title}</a>${extra}</h4>
    <div class="note-authors"><span><a href="/profile?id=~Ada_Byron1">Ada Byron</a> </span></div>
    <ul class="note-meta-info list-inline"><li>2019</li><li>ICLR 2019 Conference</li></ul></div></li>`;
}

describe('openreview address gate', () => {
  it.each([
    'https://openreview.net/forum?id=Zq3xY8kLmN',
    'https://openreview.net/pdf?id=Zq3xY8kLmN',
    'https://openreview.net/group?id=ICLR.cc/2025/Conference',
    'https://openreview.net/search?term=adapters',
    'https://openreview.net/profile?id=~Ada_Byron1',
    'https://openreview.net/submissions?venue=ICLR.cc/2025/Conference',
  ])('reads %s', (address) => {
    expect(openreview.matches(new URL(address))).toBe(true);
  });

  it.each([
    'https://openreview.net/',
    'https://openreview.net/venues',
    'https://openreview.net/login',
    'https://api.openreview.net/notes?id=Zq3xY8kLmN',
    'https://openreview.net.example.com/forum?id=Zq3xY8kLmN',
  ])('leaves %s alone', (address) => {
    expect(openreview.matches(new URL(address))).toBe(false);
  });
});

describe('openreview forum pages', () => {
  it('ignores a head left from another forum and reads the body', () => {
    const html = `<html><head>
      <meta name="citation_title" content="The Forum Opened First"/>
      <meta name="citation_pdf_url" content="https://openreview.net/pdf?id=Other12345"/>
      <meta name="citation_abstract" content="Not this paper's abstract."/>
      <meta name="citation_online_date" content="2020/01/01"/>
    </head><body>${forumNote('The Forum Shown Now', '<a href="/profile?id=~Ada_Byron1">Ada Byron</a>')}</body></html>`;
    const [found] = detect(html, 'https://openreview.net/forum?id=Shown12345');
    expect(found?.paper).toMatchObject({
      key: 'openreview:Shown12345',
      title: 'The Forum Shown Now',
      authors: ['Ada Byron'],
      // MathJax 3 output is not text; the assistive MathML it keeps is left out with it.
      abstract: 'Body abstract with rendered.',
      published: '2024-09-27',
      venue: 'Submitted to ICLR 2025',
    });
    expect(found?.paper.pdfUrl).toBeUndefined();
    expect(found?.anchor?.tagName).toBe('H2');
  });

  it('reads a forum saved without its body from the head', () => {
    const html = `<html><head>
      <meta name="citation_title" content="Head Only"/>
      <meta name="citation_author" content="Grace Hopper"/>
      <meta name="citation_online_date" content="2023/10/13"/>
      <meta name="citation_pdf_url" content="https://openreview.net/pdf?id=Head123456"/>
      <meta name="citation_abstract" content="From the head."/>
      <meta name="citation_conference_title" content="The Twelfth International Conference on Learning Representations"/>
    </head><body></body></html>`;
    const [found] = detect(html, 'https://openreview.net/forum?id=Head123456');
    expect(found?.paper).toMatchObject({
      title: 'Head Only',
      authors: ['Grace Hopper'],
      abstract: 'From the head.',
      published: '2023-10-13',
      venue: 'The Twelfth International Conference on Learning Representations',
      pdfUrl: 'https://openreview.net/pdf?id=Head123456',
    });
    expect(found?.anchor?.tagName).toBe('BODY');
  });

  it('records no authors for an anonymous submission, and counts authors hidden behind "et al."', () => {
    const anonymous = forumNote('Anonymous', '<span>ICLR 2025 Conference Submission1234 Authors</span>');
    expect(detect(anonymous, 'https://openreview.net/forum?id=Anon123456')[0]?.paper.authors).toEqual([]);
    const names = Array.from({ length: 20 }, (_, index) => `<a href="/profile?id=~P_${index}1">Person ${index}</a>`);
    const many = forumNote(
      'Many',
      `${names.join(', ')} <a href="#" title="Expand list" role="button" class="show-all">et al. (7 additional authors not shown)</a>`,
    );
    const [found] = detect(many, 'https://openreview.net/forum?id=Many123456');
    expect(found?.paper.authors).toHaveLength(20);
    expect(found?.paper.authorCount).toBe(27);
  });

  it('drops institution marks beside names and takes the arXiv id of the website link', () => {
    const authors = `<span class="note-author-with-institutions"><a href="/profile?id=~Ada_Byron1">Ada Byron</a><sup>1,2</sup></span>`;
    const website = `<div class="forum-content-link"><a href="https://arxiv.org/abs/2401.00001v2" title="Open Website" target="_blank"><img alt="Open Webpage"/></a></div>`;
    const html = `${forumNote('Imported', authors, website)}<div class="note-authors-institutions"><div><sup>1</sup> University (uni.edu)</div></div>`;
    const [found] = detect(html, 'https://openreview.net/forum?id=Impo123456');
    expect(found?.paper.authors).toEqual(['Ada Byron']);
    expect(found?.paper.key).toBe('arxiv:2401.00001');
    expect(found?.paper.ids).toMatchObject({ arxiv: '2401.00001', openreview: 'Impo123456' });
  });

  it('finds nothing without a forum id, and nothing on a page it does not know', () => {
    expect(detect(forumNote('No id', 'Ada Byron'), 'https://openreview.net/forum')).toEqual([]);
    expect(detect('<html><body><p>Not Found</p></body></html>', 'https://openreview.net/forum?id=Gone123456')).toEqual(
      [],
    );
    expect(detect('<html><body></body></html>', 'https://openreview.net/pdf?id=')).toEqual([]);
  });
});

describe('openreview lists', () => {
  it('skips replies, notes without a forum link and broken links, keeping the papers', () => {
    const html = `<ul class="list-unstyled submissions-list">
      ${listNote('/forum?id=Paper12345', 'A Paper', '<a class="pdf-link" href="https://example.org/paper.pdf" title="Download PDF"><img/></a>')}
      ${listNote('/forum?id=Paper12345&noteId=Review1234', 'Official Review of Submission1 by Reviewer abcd')}
      ${listNote('/group?id=ICLR.cc/2019/Conference', 'A group')}
      ${listNote('http://[broken', 'Broken')}
      <li><div class="note"><p>no heading</p></div></li>
    </ul>`;
    const found = detect(html, 'https://openreview.net/profile?id=~Ada_Byron1');
    expect(found.map((detection) => detection.paper.key)).toEqual(['openreview:Paper12345']);
    expect(found[0]?.paper).toMatchObject({
      published: '2019',
      venue: 'ICLR 2019 Conference',
      // A PDF kept outside OpenReview is linked as it is.
      pdfUrl: 'https://example.org/paper.pdf',
    });
    expect(found[0]?.anchor?.tagName).toBe('H4');
  });

  it('splits keywords at commas and semicolons outside brackets', () => {
    const fields = `<div class="note-content"><div><strong class="note-content-field">Keywords:</strong> <span class="note-content-value">graph neural networks (GNN, MPNN); molecules, , drug discovery</span></div></div>`;
    const html = `<ul class="submissions-list"><li><div class="note"><h4><a href="/forum?id=Keys123456">Keys</a></h4>${fields}</div></li></ul>`;
    const [found] = detect(html, 'https://openreview.net/search?term=gnn');
    expect(found?.paper.keywords).toEqual(['graph neural networks (GNN, MPNN)', 'molecules', 'drug discovery']);
  });
});
