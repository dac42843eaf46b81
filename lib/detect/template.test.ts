// The template readers on their saved pages (tests/fixtures/SOURCES.md), each reader run alone;
// the expected fields were read off the pages by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../scripts/html';
import { contentKey } from '../paper/content-key';
import { academicpages } from './sources/academicpages';
import { hugoAcademic } from './sources/hugo-academic';
import { jekyllScholar } from './sources/jekyll-scholar';
import type { Source } from './types';

const fixtures = join(import.meta.dirname, '../../tests/fixtures');

function run(source: Source, name: string) {
  const dir = join(fixtures, name);
  const { url } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
  const doc = parseHtml(readFileSync(join(dir, 'page.html'), 'utf8'), url);
  return source.detect(doc, new URL(url)).map((detection) => detection.paper);
}

describe('hugo-academic', () => {
  it('reads the citation view: author spans, "(2026).", the title link, the venue text, the DOI button', () => {
    const papers = run(hugoAcademic, 'hugo-academic/jravilab-citation');
    expect(papers).toHaveLength(23);
    expect(papers[0]).toMatchObject({
      key: 'doi:10.1128/msystems.01362-25',
      title:
        'Genomic comparison and phenotypic characterization of Pseudomonas aeruginosa isolates across environmental and diverse clinical isolation sites',
      authors: ['Cristina Penaranda', 'Evan Brenner', 'Anne Clatworthy', 'Lisa Cosimi', 'Janani Ravi', 'Deborah Hung'],
      venue: 'mSystems',
      published: '2026',
    });
    // bioRxiv: "Preprint" and "PDF" buttons give the DOI and the PDF; the venue was in <em>.
    expect(papers[1]).toMatchObject({
      key: 'doi:10.1101/2025.10.13.678797',
      venue: 'bioRxiv',
      pdfUrl: 'https://www.biorxiv.org/content/10.1101/2025.10.13.678797v1.full.pdf',
    });
  });

  it('reads the older `.author_list` text and keys a paper that links only its site page by that page', () => {
    const [first] = run(hugoAcademic, 'hugo-academic/reuvers-citation');
    expect(first).toMatchObject({
      key: 'url:https://hannoreuvers.github.io/Webpage-HugoAcademic/publication/lad-paper',
      title: 'Inference on VAR Models using Least Absolute Deviations',
      authors: ['Hanno Reuvers'],
      published: '2019',
    });
  });

  it('reads the stream view; an entry that links nothing gets its content key (title, first author, year; not the venue as shown)', () => {
    const papers = run(hugoAcademic, 'hugo-academic/gewu-lab-stream');
    expect(papers).toHaveLength(76);
    expect(papers[0]).toMatchObject({
      key: 'arxiv:2602.20871',
      title: 'GeCo-SRT: Geometry-aware Continual Adaptation for Robotic Cross-Task Sim-to-Real Transfer',
      authors: ['Wenbo Yu', 'Wenke Xia', 'Weitao Zhang', 'Di Hu'],
      venue: 'Computer Vision and Pattern Recognition (CVPR)',
      published: '2026',
    });
    const second = papers[1];
    expect(second?.title).toBe('Information-Theoretic Decomposition for Multimodal Interaction Learning');
    expect(second?.url).toBeUndefined();
    expect(second?.key).toBe(
      contentKey({
        title: 'Information-Theoretic Decomposition for Multimodal Interaction Learning',
        authors: ['Zequn Yang', 'Yake Wei', 'Haotian Ni', 'Zhihao Xu', 'Di Hu'],
        date: '2026',
      }),
    );
  });

  it('finds nothing on a Hugo Academic page whose list is empty', () => {
    expect(run(hugoAcademic, 'hugo-academic/milab-empty-publications')).toEqual([]);
  });
});

describe('academicpages', () => {
  it('reads "Published in", the recommended citation and the download link, not the localhost title link', () => {
    const papers = run(academicpages, 'academicpages/boroojeny-publications');
    expect(papers.map((paper) => paper.title)).toEqual([
      'Intracellular spatial transcriptomic analysis toolkit (InSTAnT)',
      'Graph traversal edit distance and extensions',
      'Spectrum Extraction and Clipping for Implicitly Linear Layers',
      'BPPart: RNA-RNA interaction partition function in the absence of entropy',
      'GTED: Graph traversal edit distance',
    ]);
    expect(papers[0]).toMatchObject({
      key: 'doi:10.1038/s41467-024-49457-w',
      venue: 'Nature Communications',
      published: '2024',
    });
    expect(papers[1]).toMatchObject({
      key: 'doi:10.1089/cmb.2019.0511',
      venue: 'Journal of Computational Biology',
      published: '2020',
    });
    for (const paper of papers) expect(paper.url ?? '').not.toContain('localhost');
  });

  it('reads `.pubauthors` and `.pubvenuedate`, and an arXiv "Download here" link', () => {
    const papers = run(academicpages, 'generic-links/ecoffet-academicpages');
    const goExplore = papers.find(
      (paper) => paper.title === 'Go-explore: a new approach for hard-exploration problems',
    );
    expect(goExplore).toMatchObject({
      authors: ['Adrien Ecoffet', 'Joost Huizinga', 'Joel Lehman', 'Kenneth O. Stanley', 'Jeff Clune'],
      venue: 'arXiv',
      published: '2019',
    });
  });
});

describe('jekyll-scholar', () => {
  it('reads APA citations: authors turned round, the title up to the venue, a thesis title in <i>', () => {
    const papers = run(jekyllScholar, 'jekyll-scholar/poinas-publications');
    expect(papers).toHaveLength(7);
    expect(papers[0]).toMatchObject({
      title: 'Mixing properties and central limit theorem for associated point processes',
      authors: ['A. Poinas', 'B. Delyon', 'F. Lavancier'],
      venue: 'Bernoulli',
      published: '2019',
    });
    expect(papers[6]).toMatchObject({
      title: 'Asymptotic inference of stationary and non-stationary determinantal point processes',
      authors: ['A. Poinas'],
      published: '2019',
    });
    expect(papers[6]?.venue).toBeUndefined();
  });
});
