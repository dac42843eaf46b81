// Reading JSON text with an error a person can act on. JSON.parse's messages differ between
// engines and Chromium's often give no position ("Unexpected token 'x', ... is not valid JSON"),
// so on failure a small scanner finds the offset of the first character that breaks the grammar.
import { FormatError } from './errors';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Offset of the first character that is not valid JSON (text.length for a cut-off text); -1 when valid. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  };
  const isDigit = (): boolean => i < text.length && text.charAt(i) >= '0' && text.charAt(i) <= '9';
  const digits = (): boolean => {
    if (!isDigit()) return false;
    while (isDigit()) i++;
    return true;
  };
  const string = (): boolean => {
    i++; // the opening quote
    while (i < text.length) {
      const ch = text.charAt(i);
      if (ch === '"') {
        i++;
        return true;
      }
      if (ch < ' ') return false;
      if (ch === '\\') {
        i++;
        const escaped = text.charAt(i);
        if (escaped === 'u') {
          for (let n = 0; n < 4; n++) {
            i++;
            if (!/^[0-9a-fA-F]$/.test(text.charAt(i))) return false;
          }
        } else if (!ESCAPES.has(escaped)) {
          return false;
        }
      }
      i++;
    }
    return false;
  };
  const number = (): boolean => {
    if (text.charAt(i) === '-') i++;
    if (text.charAt(i) === '0') i++;
    else if (!digits()) return false;
    if (text.charAt(i) === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      i++;
      if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  const value = (): boolean => {
    skipSpace();
    const ch = text.charAt(i);
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text.charAt(i) === close) {
        i++;
        return true;
      }
      for (;;) {
        if (ch === '{') {
          skipSpace();
          if (text.charAt(i) !== '"' || !string()) return false;
          skipSpace();
          if (text.charAt(i) !== ':') return false;
          i++;
        }
        if (!value()) return false;
        skipSpace();
        if (text.charAt(i) === close) {
          i++;
          return true;
        }
        if (text.charAt(i) !== ',') return false;
        i++;
      }
    }
    if (ch === '"') return string();
    if (ch === '-' || isDigit()) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    return false;
  };
  try {
    if (!value()) return Math.min(i, text.length);
  } catch {
    // Nesting deeper than the call stack: no position to give.
    return text.length;
  }
  skipSpace();
  return i < text.length ? i : -1;
}

/** 1-based line and column (in characters) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** JSON.parse that throws a FormatError naming the line and column of the first syntax error. */
export function parseJsonText(text: string, what: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new FormatError(`${what}: the file is empty`);
  try {
    return JSON.parse(body);
  } catch {
    const offset = jsonErrorOffset(body);
    const at = lineColumn(body, offset < 0 ? body.length : offset);
    const found =
      offset < 0 || offset >= body.length
        ? 'the text ends too early'
        : `unexpected ${JSON.stringify([...body.slice(offset)][0])}`;
    throw new FormatError(`${what}: not valid JSON at line ${at.line}, column ${at.column}: ${found}`, at);
  }
}
