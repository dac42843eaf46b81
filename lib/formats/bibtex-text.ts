// BibTeX text made ready for the parser, in one linear pass that keeps every line where it was
// (nothing inserted or removed spans a line break, so the parser's lines are the file's):
// - a `%` inside a field value is text (BibTeX reads it so; only LaTeX would take it for a
//   comment), so it is escaped; a `%` between entries or between fields stays a comment;
// - an entry still open when a line starts with the next `@type{` is closed there, and named,
//   so that one missing brace costs one entry, not the rest of the file (and not quadratic time);
// - commands the parser renders wrongly are rewritten: \foreignlanguage{lang}{text} → {text},
//   \texorpdfstring{tex}{text} → {text}, \SI{5}{\km} → 5 km, \num{5} → 5.

/** A change made to the text before parsing, by line. */
export interface TextWarning {
  line: number;
  message: string;
}

const ENTRY_START = /@[ \t]*[A-Za-z]+[ \t]*[{(]/y;

// Fields the parser reads verbatim, where a `%` is already text.
const VERBATIM = /(?:^|[\s,{(])(?:url|doi|eprint|file|pdf|keywords|verba|verbb|verbc|urlraw|howpublished_url)\s*=\s*$/i;

/** Escapes `%` in values and closes entries left open before the next entry; linear in the text. */
function scan(text: string): { text: string; warnings: TextWarning[] } {
  const warnings: TextWarning[] = [];
  let out = '';
  let from = 0;
  let depth = 0;
  let quoted = false;
  let verbatim = false;
  let line = 1;
  let entryLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      line++;
      // A new entry at the start of a line while one is open: close the open one here.
      ENTRY_START.lastIndex = i + 1;
      if (depth > 0 && ENTRY_START.test(text)) {
        out += `${text.slice(from, i)}${quoted ? '"' : ''}${'}'.repeat(depth)}`;
        from = i;
        warnings.push({ line: entryLine, message: `the entry is not closed; read up to line ${line - 1}` });
        depth = 0;
        quoted = false;
      }
      continue;
    }
    if (ch === '\\') {
      if (text.charAt(i + 1) !== '\n') i++;
      continue;
    }
    if (ch === '%') {
      if ((depth >= 2 || (depth === 1 && quoted)) && !verbatim) {
        out += `${text.slice(from, i)}\\`;
        from = i;
      } else {
        // A comment: skip to the end of the line, so its braces do not count.
        const end = text.indexOf('\n', i);
        i = (end < 0 ? text.length : end) - 1;
      }
      continue;
    }
    const opensValue = depth === 1 && (ch === '{' || (ch === '"' && !quoted));
    if (opensValue) verbatim = VERBATIM.test(text.slice(Math.max(0, i - 40), i));
    if (ch === '"' && depth === 1) quoted = !quoted;
    else if (ch === '{') {
      if (depth === 0) entryLine = line;
      depth++;
    } else if (ch === '}' && depth > 0) depth--;
  }
  return { text: out + text.slice(from), warnings };
}

// A braced argument with at most one level of braces inside.
const ARG = String.raw`\{((?:[^{}]|\{[^{}]*\})*)\}`;
const REWRITES: [RegExp, (...groups: string[]) => string][] = [
  [new RegExp(String.raw`\\foreignlanguage\s*\{[^{}]*\}\s*${ARG}`, 'g'), (_m, body) => `{${body}}`],
  [new RegExp(String.raw`\\texorpdfstring\s*${ARG}\s*${ARG}`, 'g'), (_m, _tex, plain) => `{${plain}}`],
  [
    new RegExp(String.raw`\\(?:SI|qty)\s*(?:\[[^\]]*\])?\s*${ARG}\s*${ARG}`, 'g'),
    (_m, value, unit) => `${value}\\,${unitText(unit ?? '')}`,
  ],
  [new RegExp(String.raw`\\(?:num|si|unit)\s*(?:\[[^\]]*\])?\s*${ARG}`, 'g'), (_m, value) => `{${value}}`],
];

const UNIT_WORDS: Record<string, string> = { percent: '\\%', degree: '°', celsius: '°C', micro: 'µ', ohm: 'Ω' };

// siunitx units as text: \kilo\metre → kilometre, \km → km, \percent → %.
function unitText(unit: string): string {
  return unit.replace(/\\([A-Za-z]+)\s*/g, (_m, word: string) => UNIT_WORDS[word] ?? word);
}

/** Rewrites the commands above, keeping the line breaks of what it replaced. */
function rewrite(text: string): string {
  let result = text;
  for (const [pattern, replace] of REWRITES) {
    result = result.replace(pattern, (...args: unknown[]) => {
      const match = String(args[0]);
      const groups = args.slice(1, -2).map((group) => (typeof group === 'string' ? group : ''));
      const breaks = match.split('\n').length - 1;
      return replace(match, ...groups).replace(/\n/g, ' ') + '\n'.repeat(breaks);
    });
  }
  return result;
}

/** The text the parser reads, and what was changed, by line. */
export function prepareBibtex(text: string): { text: string; warnings: TextWarning[] } {
  return scan(rewrite(text));
}

/** An address or DOI with BibTeX escapes undone: `a\_b` → `a_b`, `\&` → `&`, `\#`, `\%`, `\~`. */
export function unescapeAddress(value: string): string {
  return value.replace(/\\([_&#%$~{}])/g, '$1').replace(/\{\}/g, '');
}
