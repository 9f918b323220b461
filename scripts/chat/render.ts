import type { Activity, Attachment, CardAction } from 'botbuilder';
import type { ChatInput } from './channel-activities.js';

/** A button as the person sees it; `input` is what tapping it sends, `url` where it leads. */
export interface Choice {
  label: string;
  input?: ChatInput;
  url?: string;
}

/** One printed line: the bot's words, a button, a trace, or a note from the client. */
export interface Line {
  kind: 'bot' | 'choice' | 'trace' | 'note';
  text: string;
}

/** What one turn's replies look like: lines in order, and the buttons in order (`/tap 1` is the first). */
export interface Rendered {
  lines: Line[];
  choices: Choice[];
}

/**
 * The replies as a person would see them: text; suggested actions, hero/thumbnail card buttons
 * and Adaptive Card actions as buttons (with the client's own `/tap N` beside them); card text;
 * other attachments by name; and the trace activities the Emulator would show.
 */
export function renderActivities(activities: readonly Partial<Activity>[]): Rendered {
  const out: Rendered = { lines: [], choices: [] };
  for (const activity of activities) renderActivity(activity, out);
  return out;
}

function renderActivity(activity: Partial<Activity>, out: Rendered): void {
  switch (activity.type) {
    case 'typing':
      return;
    case 'trace':
      out.lines.push({ kind: 'trace', text: traceText(activity) });
      return;
    case 'message':
      if (activity.text) out.lines.push({ kind: 'bot', text: activity.text });
      for (const attachment of activity.attachments ?? []) renderAttachment(attachment, out);
      for (const action of activity.suggestedActions?.actions ?? []) addCardAction(action, out);
      return;
    case 'endOfConversation':
      out.lines.push({ kind: 'note', text: '(the bot ended the conversation)' });
      return;
    default:
      out.lines.push({ kind: 'trace', text: `${activity.type ?? 'activity'} ${activity.name ?? ''}`.trim() });
  }
}

function traceText(activity: Partial<Activity>): string {
  const value = isRecord(activity.value) ? activity.value : {};
  if (activity.name === 'SafetyCheck') return `SafetyCheck level=${String(value.level)}`;
  if (activity.name === 'IntentRecognizer') {
    const score = typeof value.score === 'number' ? value.score.toFixed(2) : '?';
    return `IntentRecognizer ${String(value.intent)} ${score} ${JSON.stringify(foundEntities(value.entities))}`;
  }
  return `${activity.name ?? 'trace'} ${JSON.stringify(activity.value ?? null)}`;
}

/** The entity kinds that found something, each as the values (or words) found. */
function foundEntities(entities: unknown): Record<string, unknown[]> {
  if (!isRecord(entities)) return {};
  const found: Record<string, unknown[]> = {};
  for (const [kind, list] of Object.entries(entities)) {
    if (!Array.isArray(list) || list.length === 0) continue;
    found[kind] = list.map((item: unknown) =>
      isRecord(item) && (typeof item.value !== 'object' || item.value === null) ? item.value : item,
    );
  }
  return found;
}

function renderAttachment(attachment: Attachment, out: Rendered): void {
  const content = isRecord(attachment.content) ? attachment.content : {};
  switch (attachment.contentType) {
    case 'application/vnd.microsoft.card.hero':
    case 'application/vnd.microsoft.card.thumbnail':
      for (const field of ['title', 'subtitle', 'text'])
        if (typeof content[field] === 'string') out.lines.push({ kind: 'bot', text: content[field] });
      for (const button of asList(content.buttons)) if (isRecord(button)) addCardAction(button, out);
      return;
    case 'application/vnd.microsoft.card.adaptive':
      renderElements(asList(content.body), out);
      renderAdaptiveActions(asList(content.actions), out);
      return;
    default:
      out.lines.push({ kind: 'note', text: `[attachment: ${attachmentName(attachment)}]` });
  }
}

/** An attachment by name and type, with its link when it is one (inline data is not printed). */
function attachmentName({ name, contentType, contentUrl }: Attachment): string {
  const link = contentUrl && /^https?:/.test(contentUrl) ? ` ${contentUrl}` : '';
  return `${name ? `${name} (${contentType})` : contentType}${link}`;
}

/** Adaptive Card body elements as text: TextBlocks, RichTextBlocks, FactSets, nested containers. */
function renderElements(elements: readonly unknown[], out: Rendered): void {
  for (const element of elements) {
    if (!isRecord(element)) continue;
    switch (element.type) {
      case 'TextBlock':
        out.lines.push({ kind: 'bot', text: shownMarkdown(String(element.text ?? '')) });
        break;
      case 'RichTextBlock': {
        const runs = asList(element.inlines).map((run) =>
          isRecord(run) ? String(run.text ?? '') : String(run),
        );
        out.lines.push({ kind: 'bot', text: shownMarkdown(runs.join('')) });
        break;
      }
      case 'FactSet':
        for (const fact of asList(element.facts))
          if (isRecord(fact))
            out.lines.push({
              kind: 'bot',
              text: `${shownMarkdown(String(fact.title ?? ''))}: ${shownMarkdown(String(fact.value ?? ''))}`,
            });
        break;
      case 'Image':
        if (typeof element.altText === 'string')
          out.lines.push({ kind: 'note', text: `[image: ${element.altText}]` });
        break;
      case 'ActionSet':
        renderAdaptiveActions(asList(element.actions), out);
        break;
      default:
        if (String(element.type).startsWith('Input.'))
          out.lines.push({
            kind: 'note',
            text: `[input: ${String(element.label ?? element.placeholder ?? element.id)}]`,
          });
        renderElements([...asList(element.items), ...asList(element.columns)], out);
    }
  }
}

function renderAdaptiveActions(actions: readonly unknown[], out: Rendered): void {
  for (const action of actions) {
    if (!isRecord(action)) continue;
    const label = String(action.title ?? '');
    if (action.type === 'Action.OpenUrl') addChoice({ label, url: String(action.url) }, out);
    else if (action.type === 'Action.Submit' || action.type === 'Action.Execute')
      addChoice({ label, input: submitInput(action.data) }, out);
    else addChoice({ label }, out);
  }
}

/** What a Submit sends: Teams' imBack/messageBack forms send text; otherwise the data as value. */
function submitInput(data: unknown): ChatInput {
  if (!isRecord(data)) return { value: data ?? {} };
  const { msteams, ...rest } = data;
  if (isRecord(msteams) && msteams.type === 'imBack') return { text: String(msteams.value) };
  if (isRecord(msteams) && msteams.type === 'messageBack')
    return {
      ...(typeof msteams.text === 'string' ? { text: msteams.text } : {}),
      value: msteams.value ?? rest,
    };
  return { value: rest };
}

/** A hero card button or suggested action: imBack and postBack send their value as text. */
function addCardAction(action: Partial<CardAction> | Record<string, unknown>, out: Rendered): void {
  const value: unknown = action.value;
  addChoice(
    { label: String(action.title ?? value ?? ''), ...cardActionEffect(action.type, action.text, value) },
    out,
  );
}

/** What tapping a card action does: send text and/or value, or open a URL. */
function cardActionEffect(type: unknown, text: unknown, value: unknown): Omit<Choice, 'label'> {
  switch (type) {
    case 'imBack':
    case 'postBack':
      return { input: { text: String(value) } };
    case 'messageBack':
      return {
        input: {
          ...(typeof text === 'string' ? { text } : {}),
          ...(value !== undefined ? { value } : {}),
        },
      };
    case 'openUrl':
      return { url: String(value) };
    default:
      return {};
  }
}

/**
 * A button as the channel shows it, its label alone, with the client's `/tap N` set apart: no
 * channel numbers its buttons, and the bot rightly takes a typed number only where the channel
 * itself shows numbers (in the text of a list).
 */
function addChoice(choice: Choice, out: Rendered): void {
  out.choices.push(choice);
  const where = choice.url ? ` opens ${choice.url}` : '';
  out.lines.push({ kind: 'choice', text: `[${choice.label}]${where}   /tap ${out.choices.length}` });
}

/** Card text as shown: the backslashes that escape markdown (cards/markdown.ts) are not seen. */
function shownMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()<>#+!|~.-])/g, '$1');
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
