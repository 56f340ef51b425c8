/**
 * Blanks comments (and optionally string, template and regex literal contents) out of TypeScript
 * source while keeping every newline and column, so matches still report the right line.
 * A small hand-written scanner: good enough for lint-style checks, not a full parser.
 */

const REGEX_AFTER_CHAR = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_AFTER_WORD = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new|instanceof)$/;

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

class Stripper {
  private out = '';
  private i = 0;
  // One entry per open `${`: how many `{` are open inside that expression.
  private readonly templates: number[] = [];

  constructor(
    private readonly text: string,
    private readonly blankLiterals: boolean,
  ) {}

  run(): string {
    while (this.i < this.text.length) this.step();
    return this.out;
  }

  private literal(body: string): string {
    return this.blankLiterals ? blank(body) : body;
  }

  private step(): void {
    const { text, i } = this;
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (c === '/' && next === '/') return this.skipTo(text.indexOf('\n', i), 0);
    if (c === '/' && next === '*') return this.skipTo(text.indexOf('*/', i + 2), 2);
    if (c === "'" || c === '"') return this.quoted(c);
    if (c === '`') {
      this.out += '`';
      this.i += 1;
      return this.template();
    }
    if (c === '/' && this.regexAllowed()) return this.regex();
    const depth = this.templates.length - 1;
    if (c === '}' && depth >= 0 && this.templates[depth] === 0) {
      this.templates.pop();
      this.out += '}';
      this.i += 1;
      return this.template();
    }
    if (depth >= 0 && (c === '{' || c === '}')) this.templates[depth] = (this.templates[depth] ?? 0) + (c === '{' ? 1 : -1);
    this.out += c;
    this.i += 1;
  }

  private skipTo(found: number, extra: number): void {
    const end = found < 0 ? this.text.length : found + extra;
    this.out += blank(this.text.slice(this.i, end));
    this.i = end;
  }

  private quoted(quote: string): void {
    let j = this.i + 1;
    while (j < this.text.length && this.text[j] !== quote && this.text[j] !== '\n') j += this.text[j] === '\\' ? 2 : 1;
    const closed = this.text[j] === quote;
    this.out += quote + this.literal(this.text.slice(this.i + 1, j)) + (closed ? quote : '');
    this.i = closed ? j + 1 : j;
  }

  private template(): void {
    let j = this.i;
    while (j < this.text.length) {
      const c = this.text[j];
      if (c === '\\') j += 2;
      else if (c === '`' || (c === '$' && this.text[j + 1] === '{')) break;
      else j += 1;
    }
    this.out += this.literal(this.text.slice(this.i, j));
    if (this.text[j] === '`') {
      this.out += '`';
      this.i = j + 1;
    } else if (j < this.text.length) {
      this.out += '${';
      this.templates.push(0);
      this.i = j + 2;
    } else {
      this.i = j;
    }
  }

  private regexAllowed(): boolean {
    const before = this.out.trimEnd();
    const last = before[before.length - 1];
    return last === undefined || REGEX_AFTER_CHAR.has(last) || REGEX_AFTER_WORD.test(before);
  }

  private regex(): void {
    let j = this.i + 1;
    let inClass = false;
    while (j < this.text.length && this.text[j] !== '\n') {
      const c = this.text[j];
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === '/' && !inClass) break;
      if (c === '[') inClass = true;
      if (c === ']') inClass = false;
      j += 1;
    }
    if (this.text[j] !== '/') {
      // Not a regex after all (unterminated on this line): treat the slash as division.
      this.out += '/';
      this.i += 1;
      return;
    }
    let end = j + 1;
    while (end < this.text.length && /[a-z]/.test(this.text[end] ?? '')) end += 1;
    this.out += `/${this.literal(this.text.slice(this.i + 1, j))}/${this.text.slice(j + 1, end)}`;
    this.i = end;
  }
}

/** Returns the source with comments blanked out; string contents are kept. */
export function stripComments(text: string): string {
  return new Stripper(text, false).run();
}

/** Returns the source with comments and the contents of string, template and regex literals blanked. */
export function stripCommentsAndStrings(text: string): string {
  return new Stripper(text, true).run();
}

/** Returns the 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line += 1;
  return line;
}
