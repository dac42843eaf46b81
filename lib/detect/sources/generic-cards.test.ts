// What the saved-page fixtures do not show: card shapes other than Hugo's, the repetition and venue
// rules that keep news lists, blog indexes, menus and tag clouds out, the hand-over of cards with
// an id link to generic-links, and broken pages. Detection here runs the two listing readers alone.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/html';
import { genericCards } from './generic-cards';
import { genericLinks } from './generic-links';

const PAGE = 'https://lab.example.edu/publications';

function page(body: string, address = PAGE): Document {
  return parseHtml(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`, address);
}

function cards(body: string, address = PAGE) {
  return genericCards.detect(page(body, address), new URL(address)).map(({ paper }) => paper);
}

/** A Tailwind publication card (article > h3 > a, then authors and "venue · year" paragraphs). */
function tailwindCard(slug: string, title: string, authors: string, venue: string, extra = ''): string {
  return `<article class="group border border-neutral-200 rounded-lg p-5">
    <h3 class="font-display text-lg leading-snug"><a class="no-underline hover:underline" href="/papers/${slug}/">${title}</a></h3>
    <p class="mt-2 text-sm text-neutral-700">${authors}</p>
    <p class="mt-1 text-sm text-neutral-500">${venue}</p>${extra}
  </article>`;
}

/** A news or blog teaser card: kicker, headline link, byline, date. */
function teaser(slug: string, headline: string, byline: string, kicker = 'Science'): string {
  return `<article class="story-card"><span class="kicker">${kicker}</span>
    <h3><a href="/${slug}">${headline}</a></h3>
    <p class="byline">${byline}</p><time datetime="2024-03-03">March 3, 2024</time></article>`;
}

describe('generic-cards address gate', () => {
  it("runs on any address but a web search engine's, and is a listing reader", () => {
    expect(genericCards.kind).toBe('listing');
    expect(genericCards.patterns).toEqual([]);
    expect(genericCards.matches(new URL(PAGE))).toBe(true);
    const grid = [1, 2, 3]
      .map((n) => tailwindCard(`p${n}`, `Paper Number ${n} on Sparse Models`, 'Ana Ortiz, Wei Zhang', 'NeurIPS 2023'))
      .join('');
    expect(cards(`<div class="grid">${grid}</div>`)).toHaveLength(3);
    expect(cards(`<div class="grid">${grid}</div>`, 'https://www.bing.com/search?q=sparse+models')).toEqual([]);
  });
});

describe('generic-cards', () => {
  it('reads a Tailwind card grid: title link, authors and venue from unnamed paragraphs', () => {
    const found = cards(`<div class="grid gap-6">
      ${tailwindCard('sparse-kv', 'Sparse Key-Value Caches for Long-Context Inference', 'María José García, Søren Østergaard and Tri Dao', 'ES-FoMo Workshop at ICML · 2024', '<a href="https://github.com/example/sparse-kv">Code</a>')}
      ${tailwindCard('event-vo', 'Robust Visual Odometry in Low Light with Event Cameras', 'Maria Rossi, Tomás Herrera, Léa Dubois', 'IEEE Transactions on Robotics · 2021')}
      ${tailwindCard('focal', 'Learning Depth from Focal Stacks', 'Jonas Becker, Ana Ortiz', 'CVPR 2022')}
    </div>`);
    expect(found).toEqual([
      {
        key: 'url:https://lab.example.edu/papers/sparse-kv',
        title: 'Sparse Key-Value Caches for Long-Context Inference',
        authors: ['María José García', 'Søren Østergaard', 'Tri Dao'],
        published: '2024',
        venue: 'ES-FoMo Workshop at ICML',
        url: 'https://lab.example.edu/papers/sparse-kv/',
        codeUrl: 'https://github.com/example/sparse-kv',
        source: 'generic-cards',
        pageUrl: PAGE,
      },
      {
        key: 'url:https://lab.example.edu/papers/event-vo',
        title: 'Robust Visual Odometry in Low Light with Event Cameras',
        authors: ['Maria Rossi', 'Tomás Herrera', 'Léa Dubois'],
        published: '2021',
        venue: 'IEEE Transactions on Robotics',
        url: 'https://lab.example.edu/papers/event-vo/',
        source: 'generic-cards',
        pageUrl: PAGE,
      },
      {
        key: 'url:https://lab.example.edu/papers/focal',
        title: 'Learning Depth from Focal Stacks',
        authors: ['Jonas Becker', 'Ana Ortiz'],
        published: '2022',
        venue: 'CVPR 2022',
        url: 'https://lab.example.edu/papers/focal/',
        source: 'generic-cards',
        pageUrl: PAGE,
      },
    ]);
  });

  it('reads the div.pub > h4 > a + .authors + .venue shape, anchored on the title link', () => {
    const pub = (slug: string, title: string, authors: string, venue: string) => `<div class="pub">
      <h4><a href="https://lab.example.edu/projects/${slug}/">${title}</a></h4>
      <div class="authors">${authors}</div><div class="venue">${venue}</div></div>`;
    const doc = page(`<div class="pubs">
      ${pub('a', 'Sparse Scene Graphs for Open-Vocabulary Detection', 'Ana Ortiz and Wei Zhang', 'In ICCV 2023')}
      ${pub('b', 'Efficient Perception for Embodied Agents', 'Wei Zhang', 'PhD Thesis, Example University, 2020')}
      ${pub('c', 'A Benchmark for Low-Light Odometry', 'Maria Rossi, Tomás Herrera', 'arXiv preprint, 2024')}
    </div>`);
    const found = genericCards.detect(doc, new URL(PAGE));
    expect(found.map(({ paper }) => [paper.title, paper.authors, paper.venue, paper.published])).toEqual([
      ['Sparse Scene Graphs for Open-Vocabulary Detection', ['Ana Ortiz', 'Wei Zhang'], 'ICCV 2023', '2023'],
      ['Efficient Perception for Embodied Agents', ['Wei Zhang'], 'PhD Thesis, Example University', '2020'],
      ['A Benchmark for Low-Light Odometry', ['Maria Rossi', 'Tomás Herrera'], 'arXiv preprint', '2024'],
    ]);
    expect(found.every(({ anchor }) => anchor?.tagName === 'A' && doc.contains(anchor))).toBe(true);
  });

  it('needs three paper cards, and at least half of the group', () => {
    const two = [1, 2].map((n) =>
      tailwindCard(`p${n}`, `Paper Number ${n} on Sparse Models`, 'Ana Ortiz, Wei Zhang', 'NeurIPS 2023'),
    );
    const blog = [1, 2, 3, 4].map((n) =>
      tailwindCard(`b${n}`, `What We Learned in Week ${n}`, 'Ana Ortiz', 'March 2024'),
    );
    expect(cards(`<div class="grid">${two.join('')}${blog.slice(0, 2).join('')}</div>`)).toEqual([]);
    const three = [1, 2, 3].map((n) =>
      tailwindCard(`p${n}`, `Paper Number ${n} on Sparse Models`, 'Ana Ortiz, Wei Zhang', 'NeurIPS 2023'),
    );
    // Three paper cards among seven: a blog index that mentions papers, not a publication list.
    expect(cards(`<div class="grid">${three.join('')}${blog.join('')}</div>`)).toEqual([]);
  });

  it('finds nothing in news lists, blog indexes, menus and tag clouds', () => {
    const news = [
      teaser('a', 'Scientists Map a Million New Galaxies', 'By Jane Doe and John Roe'),
      teaser('b', 'AI Model Predicts How Proteins Pair Up With DNA', 'By Priya Natarajan and Wei Zhang'),
      teaser('c', 'Deep-Sea Microbes Found Digesting Plastic', 'By Tomás Herrera and Léa Dubois'),
      teaser('d', 'Short Naps Improve Memory in Older Adults', 'By Maria Rossi'),
    ].join('');
    expect(cards(`<section class="grid">${news}</section>`)).toEqual([]);
    // A shop's blog is its "Journal": a tag "Trail Journal 2024" on every card is not a venue.
    const journal = [
      teaser('j1', 'How to Pack for a Week-Long Trek', 'By Jane Doe and John Roe', 'Trail Journal 2024'),
      teaser('j2', 'Caring for Waxed Canvas and Leather', 'By Tomás Herrera and Léa Dubois', 'Trail Journal 2024'),
      teaser(
        'j3',
        'Ultralight or Comfortable? Choosing Your Frame',
        'By Sam Rivera and Wei Zhang',
        'Trail Journal 2024',
      ),
    ].join('');
    expect(cards(`<ul class="blog">${journal}</ul>`)).toEqual([]);
    const menu = ['Research Projects', 'Our Team Members', 'Open Positions', 'Contact the Lab']
      .map(
        (label, n) => `<li class="menu-item"><h4><a href="/m${n}">${label}</a></h4><span>Conference room B</span></li>`,
      )
      .join('');
    expect(cards(`<nav><ul>${menu}</ul></nav>`)).toEqual([]);
    expect(cards(`<ul>${menu}</ul>`)).toEqual([]);
    const tags = ['Machine Learning', 'Computer Vision', 'Robotics Research', 'Natural Language']
      .map((tag) => `<a class="tag title-tag" href="/tags/${tag}">${tag}</a>`)
      .join(' ');
    expect(cards(`<div class="tag-cloud">${tags}</div>`)).toEqual([]);
  });

  it('leaves a card that links a paper id to generic-links, which reads it with the same identity', () => {
    const grid = `<div class="grid">
      ${tailwindCard('one', 'Sparse Scene Graphs for Open-Vocabulary Detection', 'Ana Ortiz, Wei Zhang', 'ICCV 2023')}
      ${tailwindCard('two', 'Segment Anything', 'Alexander Kirillov, Eric Mintun, Nikhila Ravi', 'ICCV 2023', '<a href="https://arxiv.org/abs/2304.02643">arXiv</a>')}
      ${tailwindCard('three', 'Robust Visual Odometry in Low Light', 'Maria Rossi, Léa Dubois', 'TPAMI 2021', '<a href="/papers/three.pdf">PDF</a>')}
      ${tailwindCard('four', 'Learning Depth from Focal Stacks', 'Jonas Becker, Ana Ortiz', 'CVPR 2022')}
    </div>`;
    expect(cards(grid).map((paper) => paper.key)).toEqual([
      'url:https://lab.example.edu/papers/one',
      'url:https://lab.example.edu/papers/four',
    ]);
    const doc = page(grid);
    const linked = genericLinks
      .detect(doc, new URL(PAGE))
      .map(({ paper }) => [paper.key, paper.title, paper.projectUrl]);
    // The title links to the paper's page on the lab's site, which is not a project page.
    expect(linked).toEqual([
      ['arxiv:2304.02643', 'Segment Anything', undefined],
      ['url:https://lab.example.edu/papers/three.pdf', 'Robust Visual Odometry in Low Light', undefined],
    ]);
  });

  it('returns fewer papers on broken cards, never throws', () => {
    const broken = [
      '',
      `<div class="g">${'<div class="c"><h3><a href="http://[::1">Broken Address Here</a></h3><p>NeurIPS 2023</p></div>'.repeat(3)}</div>`,
      `<div class="g">${'<div class="c"><h3><a>No Address At All</a></h3><p>NeurIPS 2023</p></div>'.repeat(3)}</div>`,
      `<div class="g">${'<div class="c"><h3><a href="#">Same Page Anchor Link</a></h3><p>Ana Ortiz, Wei Zhang</p><p>NeurIPS 2023</p></div>'.repeat(3)}</div>`,
      `<div class="g">${'<div class="c"><h3><a href="/x"></a></h3><p>NeurIPS 2023</p></div>'.repeat(3)}</div>`,
    ];
    for (const body of broken) {
      expect(() => cards(body)).not.toThrow();
      expect(cards(body)).toEqual([]);
    }
  });
});
