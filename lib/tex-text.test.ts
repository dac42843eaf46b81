import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { texToText } from './tex-text';

// Titles and abstracts as the arXiv listing fixture carries them (tests/fixtures/arxiv/listing-new:
// arxiv.org/list/cond-mat.mtrl-sci/new, a real page), read from the detector's expected output.
const listing = JSON.parse(
  readFileSync(join(import.meta.dirname, '../tests/fixtures/arxiv/listing-new/expected.json'), 'utf8'),
) as { papers: { title: string; abstract?: string }[] };
const titled = (start: string) => listing.papers.find((paper) => paper.title.startsWith(start));

describe('texToText', () => {
  it('renders the math of real arXiv titles as readable text', () => {
    expect(texToText(titled('Revealing epitaxial')?.title ?? '')).toBe(
      'Revealing epitaxial relationships at Ga₂O₃ interfaces with p-type oxides',
    );
    expect(texToText(titled('Experiments and Modeling of Defect')?.title ?? '')).toBe(
      'Experiments and Modeling of Defect Dynamics and BTI Behavior in Doped InO TFTs during 400°C Post-Processing Forming Gas Annealing',
    );
  });

  it('leaves no raw TeX in any title or abstract of the real listing', () => {
    const texts = listing.papers.flatMap((paper) => [paper.title, paper.abstract ?? '']);
    expect(texts.some((text) => text.includes('$'))).toBe(true);
    for (const text of texts) expect(texToText(text)).not.toMatch(/\$|\\[A-Za-z]/);
  });

  it('reads the math of a real abstract: Greek, accents, script letters', () => {
    const abstract = titled('Revealing epitaxial')?.abstract ?? '';
    const text = texToText(abstract);
    expect(text).toContain('Cr₂O₃ and NiO');
    expect(text).toContain('monoclinic β-Ga₂O₃');
  });

  // arXiv titles as arXiv lists them: 2109.00301, 2501.06252, 2410.24164; the hand-made listing
  // fixtures (listing-recent-synthetic) for ℓ₁ and k.
  it.each([
    ['$\\infty$-former: Infinite Memory Transformer', '∞-former: Infinite Memory Transformer'],
    ['$\\text{Transformer}^2$: Self-adaptive LLMs', 'Transformer²: Self-adaptive LLMs'],
    [
      '$\\pi_0$: A Vision-Language-Action Flow Model for General Robot Control',
      'π₀: A Vision-Language-Action Flow Model for General Robot Control',
    ],
    ['A Note on $\\ell_1$ Penalties in Made-Up Models', 'A Note on ℓ₁ Penalties in Made-Up Models'],
    [
      'Sparse Mixtures of Synthetic Experts for $k$-Shot Parsing',
      'Sparse Mixtures of Synthetic Experts for k-Shot Parsing',
    ],
  ])('%s', (title, text) => {
    expect(texToText(title)).toBe(text);
  });

  it('renders fractions, roots, relations, operators and blackboard letters', () => {
    expect(texToText('Rates of $O(1/\\sqrt{n})$ and $\\mathcal{O}(r d)$ memory')).toBe(
      'Rates of O(1/√n) and 𝒪(rd) memory',
    );
    expect(texToText('$\\frac{a+b}{c}$, $\\frac12$, $a \\leq b$, $\\log n$, $\\mathbb{R}^d$, $e^{-x}$')).toBe(
      '(a+b)/c, 1/2, a ≤ b, log n, ℝᵈ, e⁻ˣ',
    );
    expect(texToText('$(\\bar{2}01)$ planes $\\parallel$ the film')).toBe('(2̄01) planes ∥ the film');
    expect(texToText('$x_{\\text{max}}$ and $x_{\\text{best}}$')).toBe('xₘₐₓ and x_(best)');
  });

  it('leaves prices, lone dollars and plain titles alone', () => {
    expect(texToText('Models that cost $5 and $10 to train')).toBe('Models that cost $5 and $10 to train');
    expect(texToText('A $1M prize')).toBe('A $1M prize');
    expect(texToText('Attention Is All You Need')).toBe('Attention Is All You Need');
    expect(texToText('Q\\&A over 100\\% of it')).toBe('Q&A over 100% of it');
  });

  it("reads text-mode TeX: a paper's own macro (the listing above), accents, escapes", () => {
    const abstract = listing.papers.map((paper) => paper.abstract ?? '').find((text) => text.includes('ntbuilder'));
    expect(texToText(abstract ?? '')).toContain('implement it in ntbuilder (NanoTube Builder)');
    expect(texToText(`Schr\\"{o}dinger bridges and Poincar\\'e maps`)).toBe('Schrödinger bridges and Poincaré maps');
    expect(texToText('\\emph{Not} all tokens')).toBe('Not all tokens');
  });

  it('never throws on broken TeX', () => {
    for (const broken of ['$\\frac{a$', '$^$', '$\\$', '${{{$', '$\\mathcal{$ x $}$', '\\(a', '$_{}$']) {
      expect(typeof texToText(broken)).toBe('string');
    }
  });
});
