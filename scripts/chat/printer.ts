import type { Line, Rendered } from './render.js';

/** Where the conversation is written; colours only when it is a terminal. */
export interface ChatOutput {
  write(text: string): void;
  color: boolean;
}

const styles: Record<Line['kind'] | 'you' | 'later' | 'header', [string, string]> = {
  bot: ['', ''],
  choice: ['\x1b[36m', '\x1b[39m'],
  trace: ['\x1b[2m', '\x1b[22m'],
  note: ['\x1b[33m', '\x1b[39m'],
  you: ['\x1b[1m', '\x1b[22m'],
  later: ['\x1b[33m', '\x1b[39m'],
  header: ['\x1b[2m', '\x1b[22m'],
};

const indent = '     ';

/** Prints the conversation: "bot:" lines, buttons, dimmed traces, the person's lines. */
export class ChatPrinter {
  /** Called around output that arrives while the person is typing (a prompt to clear and redraw). */
  interruption?: { before(): void; after(): void };

  constructor(
    private readonly out: ChatOutput,
    private readonly traces: boolean,
  ) {}

  header(text: string): void {
    this.line('header', text);
  }

  /** What the person sent, for transcripts that were not typed at a terminal. */
  you(text: string): void {
    this.line('you', `you> ${text}`);
  }

  note(text: string): void {
    this.line('note', `  ${text}`);
  }

  /** One turn's replies; `later` when they came outside a turn (to the serviceUrl). */
  replies(rendered: Rendered, later = false): void {
    const lines = rendered.lines.filter((line) => this.traces || line.kind !== 'trace');
    if (lines.length === 0) return;
    if (later) {
      this.interruption?.before();
      this.line('later', '(arrived later)');
    }
    for (const line of lines) this.print(line);
    if (later) this.interruption?.after();
  }

  private print({ kind, text }: Line): void {
    if (kind === 'trace') this.line(kind, `  · ${text}`);
    else if (kind === 'choice' || kind === 'note') this.line(kind, `${indent}${text}`);
    else {
      const [first = '', ...rest] = text.split('\n');
      this.line(kind, [`bot: ${first}`, ...rest.map((more) => (more ? `${indent}${more}` : ''))].join('\n'));
    }
  }

  private line(kind: keyof typeof styles, text: string): void {
    const [on, off] = this.out.color ? styles[kind] : ['', ''];
    this.out.write(`${on}${text}${off}\n`);
  }
}
