// TeX in titles, as arXiv, Hugging Face and OpenReview show them ("$\ell_1$ Penalties",
// "Ga$_2$O$_3$", "$400^\circ$C"), turned into readable Unicode text (ℓ₁, Ga₂O₃, 400°C) for display.
// Pure, and safe on any text: what is not a `$…$` or `\(…\)` pair is left as it is (a lone "$5"
// stays "$5"), and what it does not know inside one it shows without its backslash.

/** `"a α b β"` → `{ a: 'α', b: 'β' }`: the tables below, written compactly. */
function pairs(list: string): Record<string, string> {
  const words = list.split(' ');
  const table: Record<string, string> = {};
  for (let index = 0; index + 1 < words.length; index += 2) table[words[index] as string] = words[index + 1] as string;
  return table;
}

const GREEK = pairs(
  'alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ ' +
    'iota ι kappa κ lambda λ mu μ nu ν xi ξ pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς ' +
    'tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ ' +
    'Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω',
);

const SYMBOLS = pairs(
  'ell ℓ infty ∞ partial ∂ nabla ∇ hbar ℏ emptyset ∅ varnothing ∅ times × cdot · pm ± mp ∓ ' +
    'circ ∘ ast ∗ star ⋆ dagger † ddagger ‡ bullet • oplus ⊕ otimes ⊗ cup ∪ cap ∩ wedge ∧ ' +
    'land ∧ vee ∨ lor ∨ neg ¬ lnot ¬ forall ∀ exists ∃ sum ∑ prod ∏ int ∫ surd √ ldots … ' +
    'dots … cdots ⋯ prime ′ langle ⟨ rangle ⟩ lfloor ⌊ rfloor ⌋ lceil ⌈ rceil ⌉ | ‖ { { } } ' +
    '% % & & # # _ _ $ $ Vert ‖ vert | backslash \\ degree ° top ⊤ bot ⊥ square □',
);

// Relations and arrows read better with a space on each side.
const RELATIONS = pairs(
  'le ≤ leq ≤ ge ≥ geq ≥ ne ≠ neq ≠ approx ≈ sim ∼ simeq ≃ cong ≅ equiv ≡ propto ∝ ll ≪ ' +
    'gg ≫ in ∈ notin ∉ ni ∋ subset ⊂ subseteq ⊆ supset ⊃ supseteq ⊇ mid | parallel ∥ perp ⊥ ' +
    'to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐ ' +
    'Leftrightarrow ⇔ implies ⇒ iff ⇔ mapsto ↦ = = < < > >',
);

// Named operators TeX sets upright, followed by a space.
const OPERATORS = new Set(
  'log ln exp sin cos tan min max sup inf lim arg det dim ker deg Pr gcd argmin argmax'.split(' '),
);

// Commands whose argument is shown as it is.
const PLAIN = new Set(
  (
    'text textrm textit textbf textsf texttt mathrm mathit mathbf mathsf mathtt boldsymbol bm ' +
    'mathnormal operatorname emph mbox hbox displaystyle textstyle'
  ).split(' '),
);

const ACCENTS = pairs(
  'hat \u0302 widehat \u0302 bar \u0304 overline \u0305 tilde \u0303 widetilde \u0303 ' +
    'vec \u20d7 dot \u0307 ddot \u0308 check \u030c breve \u0306 acute \u0301 grave \u0300',
);

function alphabet(from: string, to: string): Record<string, string> {
  const target = [...to];
  return Object.fromEntries([...from].map((char, index) => [char, target[index] ?? char]));
}

const DOUBLE_STRUCK = alphabet('CHNPQRZ', 'ℂℍℕℙℚℝℤ');
const CALLIGRAPHIC = alphabet('ABCDEFGHIJKLMNOPQRSTUVWXYZ', '𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵');
const SUPERSCRIPT = alphabet(
  '0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδθιφχ′*',
  '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᶿᶥᵠᵡ′*',
);
const SUBSCRIPT = alphabet('0123456789+-=()aehijklmnoprstuvxβγρφχ', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ');

/** Reads math TeX from `at`; stops at the end or at an unmatched `}`. */
class MathReader {
  at = 0;
  constructor(private readonly tex: string) {}

  /** Everything up to the end of the current group. */
  group(): string {
    let out = '';
    while (this.at < this.tex.length && this.tex[this.at] !== '}') out += this.atom();
    return out;
  }

  /** One argument: a `{…}` group, a command, or one character. */
  argument(): string {
    this.skipSpace();
    const char = this.tex[this.at];
    if (char === undefined) return '';
    if (char === '{') {
      this.at += 1;
      const inside = this.group();
      this.at += 1; // the closing brace
      return inside;
    }
    if (char === '\\') return this.command();
    this.at += 1;
    return char;
  }

  private skipSpace(): void {
    while (/\s/.test(this.tex[this.at] ?? '')) this.at += 1;
  }

  private atom(): string {
    const char = this.tex[this.at] as string;
    if (/\s/.test(char)) {
      this.at += 1;
      return ''; // TeX ignores spaces in math
    }
    if (char === '{') return this.argument();
    if (char === '\\') return this.command();
    if (char === '^' || char === '_') {
      this.at += 1;
      return script(this.argument(), char === '^' ? SUPERSCRIPT : SUBSCRIPT, char);
    }
    if (char === '~') {
      this.at += 1;
      return ' ';
    }
    this.at += 1;
    return RELATIONS[char] && char !== '<' && char !== '>' ? ` ${RELATIONS[char]} ` : char;
  }

  private command(): string {
    const name = /^\\([A-Za-z]+|.)/.exec(this.tex.slice(this.at))?.[1] ?? '';
    this.at += 1 + name.length;
    if (name === '' || name === ',' || name === ';' || name === ':' || name === ' ' || name === '!') {
      return name === '!' || name === '' ? '' : ' ';
    }
    if (name === 'quad' || name === 'qquad') return ' ';
    if (name === 'left' || name === 'right' || name === 'big' || name === 'Big' || name === 'limits') return '';
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const top = this.argument();
      const bottom = this.argument();
      return `${grouped(top)}/${grouped(bottom)}`;
    }
    if (name === 'sqrt') return `√${grouped(this.argument())}`;
    if (name === 'mathbb') return [...this.argument()].map((c) => DOUBLE_STRUCK[c] ?? c).join('');
    if (name === 'mathcal' || name === 'mathscr') return [...this.argument()].map((c) => CALLIGRAPHIC[c] ?? c).join('');
    if (PLAIN.has(name)) return this.argument();
    const accent = ACCENTS[name];
    if (accent) return [...this.argument()].map((c) => c + accent).join('');
    if (OPERATORS.has(name)) return `${name} `;
    const relation = RELATIONS[name];
    if (relation) return ` ${relation} `;
    return GREEK[name] ?? SYMBOLS[name] ?? name;
  }
}

/** `(a+b)` for a compound fraction part or root, `a` for a single token. */
function grouped(text: string): string {
  const trimmed = text.trim();
  return [...trimmed].length <= 1 || /^[\p{L}\p{N}]+$/u.test(trimmed) ? trimmed : `(${trimmed})`;
}

function script(text: string, table: Record<string, string>, mark: string): string {
  const trimmed = text.trim();
  if (mark === '^' && (trimmed === '∘' || trimmed === '°')) return '°';
  if (mark === '^' && trimmed === '′') return '′';
  const chars = [...trimmed];
  if (chars.every((char) => table[char] !== undefined)) return chars.map((char) => table[char]).join('');
  return chars.length === 1 ? `${mark}${trimmed}` : `${mark}(${trimmed})`;
}

function mathToText(tex: string): string {
  return new MathReader(tex).group().replace(/ {2,}/g, ' ').trim();
}

// Text-mode TeX that titles and abstracts carry (from authors' sources, BibTeX): escapes, accents
// (\'e, \"{u}), and commands (\emph{…}, a macro of the paper's own such as \ntbuilder{}).
const TEXT_ESCAPES = pairs('& & % % _ _ # # $ $');
const TEXT_ACCENTS = pairs('\' \u0301 ` \u0300 ^ \u0302 " \u0308 ~ \u0303 = \u0304 . \u0307');

function textToText(text: string): string {
  return text
    .replace(/\\([&%_#$])/g, (_whole, char: string) => TEXT_ESCAPES[char] ?? char)
    .replace(/\\([`'^"~=.])\{?([A-Za-z])\}?/g, (_whole, accent: string, letter: string) =>
      `${letter}${TEXT_ACCENTS[accent] ?? ''}`.normalize('NFC'),
    )
    .replace(/\\([A-Za-z]+)(?:\{([^{}]*)\})?/g, (_whole, name: string, argument?: string) =>
      argument ? argument : name,
    );
}

// `$$…$$`, `$…$` (never an escaped `\$`) and `\(…\)`, at most 200 characters inside.
const MATH = /\$\$([^$]{1,200}?)\$\$|(?<!\\)\$([^$]{1,200}?)(?<!\\)\$|\\\(([\s\S]{1,200}?)\\\)/g;

/** A title or other line with its TeX (inline math, accents, commands) as readable Unicode text. */
export function texToText(text: string): string {
  if (!text.includes('$') && !text.includes('\\')) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MATH)) {
    const [whole, display, inline, paren] = match;
    // "$5 and $10": a pair that opens or closes on a space is prices, not math.
    if (inline !== undefined && /^\s|\s$/.test(inline)) continue;
    out += textToText(text.slice(last, match.index)) + mathToText(display ?? inline ?? paren ?? '');
    last = match.index + whole.length;
  }
  return out + textToText(text.slice(last));
}
