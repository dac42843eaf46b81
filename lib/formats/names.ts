// Personal names, split the one way every format uses: a paper keeps display names ("Ludwig van
// Beethoven"); BibTeX writes "van Beethoven, Ludwig", RIS "van Beethoven, Ludwig", CSL-JSON
// {family: "van Beethoven", given: "Ludwig"}, and each reads its form back into a display name.

/** A display name taken apart: `literal` when it is kept whole, else family, given and suffix. */
export interface NameParts {
  /** The name as one piece: an institution, a single word ("Plato", "张三"), a name with a comma. */
  literal?: string;
  /** The surname with its particles ("van Beethoven"). */
  family?: string;
  /** The given names ("Martin Luther"). */
  given?: string;
  /** "Jr.", "Sr.", "II" ... */
  suffix?: string;
  /** The surname without particles ("Beethoven"), or the first significant word of a literal name. */
  last: string;
}

/** Words a citation key skips in a title and in the name of an institution. */
export const STOP_WORDS = new Set(
  'a an the and or but nor of on in into onto for to from with without by at as via about over under upon towards toward is are be do does'.split(
    ' ',
  ),
);

const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
const INSTITUTION_WORD =
  /^(?:collaboration|consortium|team|group|project|initiative|committee|association|society|institute|university|laborator(?:y|ies)|inc\.?|ltd\.?|llc|corp\.?|gmbh)$/i;

function words(name: string): string[] {
  return name.replace(/\s+/g, ' ').trim().split(' ');
}

/**
 * Takes a display name apart. Institutions, single words, names with a comma and names holding the
 * word "and" or "others" are kept whole (`literal`): a reader would otherwise split them. Otherwise
 * a trailing Jr./Sr./II is the suffix, lower-case words before the surname are its particles
 * (BibTeX's "von" part), and the rest are given names.
 */
export function splitName(name: string): NameParts {
  const parts = words(name);
  const whole = parts.join(' ');
  if (
    parts.length === 1 ||
    parts.some((word) => INSTITUTION_WORD.test(word)) ||
    whole.includes(',') ||
    parts.some((word) => /^(?:and|others)$/i.test(word))
  ) {
    const significant = parts.find((word) => !STOP_WORDS.has(word.toLowerCase())) ?? parts[0] ?? '';
    return { literal: whole, last: significant };
  }
  let end = parts.length;
  let suffix: string | undefined;
  if (parts.length > 2 && SUFFIX.test(parts[end - 1] ?? '')) {
    suffix = parts[end - 1];
    end--;
  }
  let start = end - 1;
  while (start > 1 && /^\p{Ll}/u.test(parts[start - 1] ?? '')) start--;
  const result: NameParts = {
    family: parts.slice(start, end).join(' '),
    given: parts.slice(0, start).join(' '),
    last: parts[end - 1] ?? '',
  };
  if (suffix) result.suffix = suffix;
  return result;
}

/** A display name from its parts; empty parts are skipped ("Ludwig van Beethoven", "King Jr."). */
export function displayName(parts: { family?: string; given?: string; suffix?: string; particle?: string }): string {
  return [parts.given, parts.particle, parts.family, parts.suffix]
    .map((part) => part?.replace(/\s+/g, ' ').trim())
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

/**
 * Reads "Last, First" or "Last, First, Suffix" (RIS, and BibTeX's order) into a display name. A
 * name without a comma is already one; "Google, Inc." stays whole, since "Inc." is nobody's name.
 */
export function nameFromInverted(text: string): string {
  const pieces = text.split(',').map((piece) => piece.replace(/\s+/g, ' ').trim());
  const [family = '', given = '', ...rest] = pieces;
  if (pieces.length < 2 || INSTITUTION_WORD.test(given) || !family) return pieces.filter(Boolean).join(', ');
  return displayName({ family, given, suffix: rest.filter(Boolean).join(' ') });
}

/** Writes a display name as "Last, First, Suffix" (RIS); a literal name as it is. */
export function invertedName(name: string): string {
  const parts = splitName(name);
  if (parts.literal !== undefined) return parts.literal;
  return [parts.family, parts.given, parts.suffix].filter((part): part is string => Boolean(part)).join(', ');
}
