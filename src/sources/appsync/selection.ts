/**
 * A GraphQL selection set in the two forms AppSync hands a resolver (FORMATS-api-identity §5.1):
 * `info.selectionSetList`, every selected field as a path of response names joined with `/`
 * (`author`, `author/name`), and `info.selectionSetGraphQL`, the selection as GraphQL text. Both are
 * made from one tree, so they always agree; the checker parses the text back to compare.
 */

/** One selected field (or inline fragment) as written, and what it selects. */
export interface SelectionNode {
  /** The response name: the alias when there is one, else the field's name; `''` for a fragment. */
  readonly name: string;
  /** How it is written: `secondAuthor: author(id: 7) @include(if: $x)`, `... on Post`. */
  readonly text: string;
  readonly children: readonly SelectionNode[];
}

/** Why a text is no selection set; the caller words the message for its reader. */
export class SelectionSyntaxError extends Error {}

/** A fragment spread (`...postFields`) names a definition the selection text does not hold. */
export class FragmentSpreadError extends SelectionSyntaxError {}

const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;
export const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Reads GraphQL selections, with or without the outer braces. */
class SelectionReader {
  private at = 0;

  constructor(private readonly text: string) {}

  readTop(): SelectionNode[] {
    this.skip();
    let nodes: SelectionNode[];
    if (this.peek() === '{') {
      nodes = this.readSet();
      this.skip();
    } else nodes = this.readUntil(undefined);
    if (this.at < this.text.length) this.fail(`unexpected '${this.text[this.at]}'`);
    return nodes;
  }

  private readSet(): SelectionNode[] {
    this.expect('{');
    const nodes = this.readUntil('}');
    this.expect('}');
    if (nodes.length === 0) this.fail('a selection set { } selects no field');
    return nodes;
  }

  private readUntil(end: '}' | undefined): SelectionNode[] {
    const nodes: SelectionNode[] = [];
    for (this.skip(); this.at < this.text.length && this.peek() !== end; this.skip()) {
      nodes.push(this.readSelection());
    }
    if (end !== undefined && this.at >= this.text.length) this.fail(`a '{' is not closed`);
    return nodes;
  }

  private readSelection(): SelectionNode {
    if (this.text.startsWith('...', this.at)) {
      this.at += 3;
      this.skip();
      let text = '...';
      if (this.peek() !== '{' && this.peek() !== '@') {
        const name = this.readName();
        if (name !== 'on')
          throw new FragmentSpreadError(`the fragment spread ...${name} needs its definition`);
        this.skip();
        text += ` on ${this.readName()}`;
      }
      text += this.readDirectives();
      this.skip();
      return { name: '', text, children: this.readSet() };
    }
    const name = this.readName();
    let text = name;
    this.skip();
    if (this.peek() === ':') {
      this.at += 1;
      this.skip();
      text = `${name}: ${this.readName()}`;
      this.skip();
    }
    if (this.peek() === '(') text += this.readBalanced();
    text += this.readDirectives();
    this.skip();
    const children = this.peek() === '{' ? this.readSet() : [];
    return { name, text, children };
  }

  private readDirectives(): string {
    let text = '';
    for (this.skip(); this.peek() === '@'; this.skip()) {
      this.at += 1;
      text += ` @${this.readName()}`;
      this.skip();
      if (this.peek() === '(') text += this.readBalanced();
    }
    return text;
  }

  /** An argument list, kept as written (strings may hold parentheses). */
  private readBalanced(): string {
    const start = this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.text[this.at] as string;
      if (c === '"') this.skipString();
      else {
        this.at += 1;
        if (c === '(') depth += 1;
        else if (c === ')' && --depth === 0) return this.text.slice(start, this.at);
      }
    }
    return this.fail(`a '(' is not closed`);
  }

  private skipString(): void {
    for (this.at += 1; this.at < this.text.length; this.at += 1) {
      const c = this.text[this.at];
      if (c === '\\') this.at += 1;
      else if (c === '"') {
        this.at += 1;
        return;
      }
    }
    this.fail('a string is not closed');
  }

  private readName(): string {
    NAME.lastIndex = this.at;
    const found = NAME.exec(this.text);
    if (!found) {
      const next = this.text[this.at];
      return this.fail(
        next === undefined ? 'a field name is missing at the end' : `'${next}' is not a field name`,
      );
    }
    this.at = NAME.lastIndex;
    return found[0];
  }

  private expect(c: string): void {
    this.skip();
    if (this.peek() !== c) this.fail(`'${c}' is missing`);
    this.at += 1;
  }

  private peek(): string | undefined {
    return this.text[this.at];
  }

  /** White space, commas (insignificant in GraphQL) and `#` comments. */
  private skip(): void {
    while (this.at < this.text.length) {
      const c = this.text[this.at] as string;
      if (c === '#') {
        const end = this.text.indexOf('\n', this.at);
        this.at = end < 0 ? this.text.length : end;
      } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '\uFEFF')
        this.at += 1;
      else return;
    }
  }

  private fail(why: string): never {
    throw new SelectionSyntaxError(why);
  }
}

/** Parses GraphQL selections (`id title author { name }`, outer braces optional); `''` selects nothing. */
export function parseSelection(text: string): SelectionNode[] {
  return new SelectionReader(text).readTop();
}

/** The tree a list of paths describes; `author/name` selects `author` too. */
export function selectionFromPaths(paths: readonly string[]): SelectionNode[] {
  interface Building {
    name: string;
    children: Building[];
  }
  const top: Building[] = [];
  for (const path of paths) {
    let level = top;
    for (const segment of path.split('/')) {
      if (!GRAPHQL_NAME.test(segment)) {
        throw new SelectionSyntaxError(`'${segment}' in '${path}' is not a field name`);
      }
      let node = level.find((n) => n.name === segment);
      if (!node) {
        node = { name: segment, children: [] };
        level.push(node);
      }
      level = node.children;
    }
  }
  const finish = (nodes: Building[]): SelectionNode[] =>
    nodes.map((n) => ({ name: n.name, text: n.name, children: finish(n.children) }));
  return finish(top);
}

/** `info.selectionSetList`: response names as paths, each field before what it selects; fragments merged. */
export function selectionList(nodes: readonly SelectionNode[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (level: readonly SelectionNode[], prefix: string) => {
    for (const node of level) {
      if (node.name === '') {
        walk(node.children, prefix);
        continue;
      }
      const path = prefix + node.name;
      if (!seen.has(path)) {
        seen.add(path);
        out.push(path);
      }
      walk(node.children, `${path}/`);
    }
  };
  walk(nodes, '');
  return out;
}

/**
 * `info.selectionSetGraphQL`: the selection in braces, one field a line, two spaces a level, as the
 * captured event has it (`"{\n  id\n  field1\n}"`); a field with no selection (a scalar) gives `''`
 * (UNCONFIRMED: no capture of a scalar field).
 */
export function selectionGraphQL(nodes: readonly SelectionNode[]): string {
  if (nodes.length === 0) return '';
  const lines = (level: readonly SelectionNode[], indent: string): string =>
    level
      .map((n) =>
        n.children.length === 0
          ? `${indent}${n.text}`
          : `${indent}${n.text} {\n${lines(n.children, `${indent}  `)}\n${indent}}`,
      )
      .join('\n');
  return `{\n${lines(nodes, '  ')}\n}`;
}
