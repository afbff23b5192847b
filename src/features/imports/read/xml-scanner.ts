// A small streaming XML tokenizer, enough for the parts of an XLSX workbook: element names lose their namespace
// prefix (`x:row` → `row`, as some writers prefix SpreadsheetML), text arrives with entities decoded, comments and
// processing instructions are skipped. It keeps at most one unfinished token in memory, never the document.

/** What a part reader does with the tokens. A self-closing element calls `open` then `close`. */
export interface XmlHandler {
  open(name: string, attributes: string): void;
  close(name: string): void;
  text(text: string): void;
}

/** The longest tag or text run held while waiting for its end; Excel caps a cell at 32 767 characters. */
export const MAX_XML_TOKEN = 4 * 1024 * 1024;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references (`&#233;`, `&#x1F600;`). */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const attributePatterns = new Map<string, RegExp>();

/** The decoded value of an attribute in a tag's attribute text (`name` may hold a regex such as `[\w.-]+:id`). */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined;
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

/** The index just past `marker` searched from `from`, or -1. */
function endOf(buffer: string, marker: string, from: number): number {
  const index = buffer.indexOf(marker, from);
  return index < 0 ? -1 : index + marker.length;
}

/** Tokenizes XML fed in pieces and hands the tokens to a handler as soon as each is whole. */
export class XmlScanner {
  private rest = '';
  private depth = 0;

  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
  ) {}

  /** Feeds the next piece of decoded text; tokens split across pieces wait for the rest. */
  feed(chunk: string): void {
    const buffer = this.rest + chunk;
    let at = 0;
    for (;;) {
      const lt = buffer.indexOf('<', at);
      if (lt < 0) break;
      if (lt > at) this.handler.text(decodeXml(buffer.slice(at, lt)));
      at = lt;
      const end = this.markupEnd(buffer, at);
      if (end < 0) break;
      this.markup(buffer, at, end);
      at = end;
    }
    this.rest = buffer.slice(at);
    if (this.rest.length > MAX_XML_TOKEN) throw new Error(`${this.part} holds a tag or text longer than Excel writes`);
  }

  /** Checks the document ended where it should: every element closed, nothing half-written. */
  end(): void {
    if (this.rest.trim() !== '' || this.depth !== 0) throw new Error(`${this.part} ends in the middle of its XML`);
  }

  /** The index just past the markup starting at `at`, or -1 when the buffer does not hold its end yet. */
  private markupEnd(buffer: string, at: number): number {
    if (buffer.startsWith('<!--', at)) return endOf(buffer, '-->', at + 4);
    if (buffer.startsWith('<![CDATA[', at)) return endOf(buffer, ']]>', at + 9);
    if (buffer.startsWith('<?', at)) return endOf(buffer, '?>', at + 2);
    if (buffer[at + 1] === '!') {
      if (buffer.length - at < 9) return -1; // may still become a comment or CDATA
      // A DTD could declare entities; Excel never writes one, so a part that has one is refused.
      throw new Error(`${this.part} declares a DTD, which no spreadsheet writer does`);
    }
    // A tag ends at the first `>` outside a quoted attribute value (values may hold `>`).
    for (let i = at + 1; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c === 62) return i + 1;
      if (c === 34 || c === 39) {
        const quote = buffer.indexOf(c === 34 ? '"' : "'", i + 1);
        if (quote < 0) return -1;
        i = quote;
      }
    }
    return -1;
  }

  private markup(buffer: string, at: number, end: number): void {
    if (buffer.startsWith('<![CDATA[', at)) {
      this.handler.text(buffer.slice(at + 9, end - 3));
      return;
    }
    if (buffer[at + 1] === '!' || buffer[at + 1] === '?') return;
    if (buffer[at + 1] === '/') {
      this.depth--;
      this.handler.close(localName(buffer.slice(at + 2, end - 1).trim()));
      return;
    }
    const selfClosing = buffer[end - 2] === '/';
    const body = buffer.slice(at + 1, selfClosing ? end - 2 : end - 1);
    const space = body.search(/\s/);
    const name = localName(space < 0 ? body : body.slice(0, space));
    this.handler.open(name, space < 0 ? '' : body.slice(space));
    if (selfClosing) this.handler.close(name);
    else this.depth++;
  }
}
