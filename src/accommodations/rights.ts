import type { FactSource } from '../content/fact-source.js';
import type { StringKey, Strings } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';
import { sentencesOf } from '../language/typed-answer.js';
import { conditionPhrase } from './conditions.js';
import {
  type AccommodationContent,
  type HelpEntry,
  levelOf,
  type RightsStatement,
  settingOf,
} from './content.js';
import type { ConditionId, DisclosureLevel, SettingId } from './model.js';

/** True when the statement is true for the setting and for what the person chose to share. */
export function appliesTo(right: RightsStatement, setting: SettingId, level: DisclosureLevel): boolean {
  return right.settings.includes(setting) && (right.levels?.includes(level) ?? true);
}

/** The rights statements shown with the summary (those explaining a next step are not). */
export function rightsFor(
  content: AccommodationContent,
  setting: SettingId,
  level: DisclosureLevel,
): RightsStatement[] {
  return content.rights.filter((right) => appliesTo(right, setting, level) && !right.nextStep);
}

/** Where to get help in a setting; every contact is on the verified list (checked at load). */
export function helpFor(content: AccommodationContent, setting: SettingId): HelpEntry[] {
  return content.help.filter((entry) => entry.settings.includes(setting));
}

/** A statement as the bot says it: its words, then its citation ("... (42 USC 12210(c))"). */
export function sourcedText(strings: Strings, text: StringKey, source: FactSource): string {
  return strings.text('accommodationHelp.sourced', { text: strings.text(text), source: source.cite });
}

/**
 * The short, plain summary of rights that may apply, marked as general information: what the
 * chosen disclosure level means for them, the statements true for the setting (each with its
 * source), then where to get help. Every sentence of law here comes from
 * resources/accommodations.json, none from code.
 */
export function rightsSummary(
  strings: Strings,
  content: AccommodationContent,
  setting: SettingId,
  level: DisclosureLevel,
  named?: ConditionId,
): string {
  const disclosure = levelOf(content, level);
  const phrase = named ? conditionPhrase(strings, named) : undefined;
  const entry = (right: RightsStatement) =>
    strings.text('accommodationHelp.entry', { text: sourcedText(strings, right.text, right.source) });
  const shown = rightsFor(content, setting, level);
  const general = shown.filter((right) => !right.recovery).map(entry);
  const recovery = shown.filter((right) => right.recovery).map(entry);
  const help = helpFor(content, setting).map((entry) => helpLine(strings, entry));
  // Rules about substance use follow what was named (people9, Pat, depression): with recovery named
  // they are the rules; with another condition named they are left out, and that is said; with
  // nothing named they come last, under a line that says who they are for, never assumed.
  const rules =
    named === 'recovery'
      ? shown.map(entry)
      : named !== undefined
        ? [
            strings.text('accommodationHelp.aboutRecovery', {
              condition: phrase ?? strings.text('accommodationHelp.yourCondition'),
            }),
            ...general,
          ]
        : [
            ...general,
            ...(recovery.length > 0 ? [strings.text('accommodationHelp.ifRecovery'), ...recovery] : []),
          ];
  return [
    strings.text('accommodationHelp.heading'),
    sourcedText(strings, disclosure.rights, disclosure.source),
    [strings.text('accommodationHelp.rulesHeading'), ...rules].join('\n'),
    [strings.text('accommodationHelp.whereHeading'), ...help].join('\n'),
  ].join('\n\n');
}

/**
 * The short note shown before a letter: one or two plain sentences for the setting, with their
 * source, and how to ask for the rest ("more about my rights" shows `rightsSummary`). `named`:
 * the condition the person named; a diagnosis gets a plain word where the note is about recovery.
 */
export function rightsBrief(
  strings: Strings,
  content: AccommodationContent,
  setting: SettingId,
  named?: ConditionId,
): string {
  const { brief } = settingOf(content, setting);
  const phrase = named && !brief.anyCondition ? conditionPhrase(strings, named) : undefined;
  // A note about recovery is not said to someone who named only ADHD or depression, and said as
  // "if" to someone who named nothing (people9, Tyler: "nothing specific", never recovery).
  const sourced = sourcedText(strings, brief.text, brief.source);
  const note = phrase
    ? strings.text('accommodationBrief.notRecovery', { condition: phrase })
    : named === undefined && !brief.anyCondition
      ? strings.text('accommodationBrief.ifRecovery', { note: sourced })
      : sourced;
  return [
    `${strings.text('accommodationBrief.heading')} ${note}`,
    strings.text('accommodationBrief.more'),
  ].join('\n\n');
}

/** One place to get help, with its contacts ("call 800-514-0301"). */
function helpLine(strings: Strings, entry: HelpEntry): string {
  const text = strings.text(entry.text);
  if (entry.contacts.length === 0) return strings.text('accommodationHelp.entry', { text });
  const contacts = entry.contacts
    .map((contact) => strings.text(`accommodationHelp.${contact.kind}`, { value: displayed(contact.value) }))
    .join(` ${strings.text('accommodationHelp.contactsJoin')} `);
  return strings.text('accommodationHelp.entryWithContacts', { text, contacts });
}

/** A web address as people type it ("askjan.org"); phone numbers as they are. */
function displayed(value: string): string {
  return value.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** A rights question typed inside a request: what it asks about, and the rest of the message. */
export interface RightsQuestion {
  about: 'disclosure' | 'documents' | 'rights';
  /** The other sentences, which may answer the step ("email. but do i have to say my diagnosis"). */
  rest: string;
}

/** A sentence that asks: a question mark, or a question's first word ("does 504 cover me"). */
const asking =
  /^(?:(?:but|and|so|ok|okay|um|uh|wait|also|real question)\s+)*(?:do|does|did|can|could|will|would|is|are|am|should|what|how|why|whats)\b/;

/**
 * "do i have to tell them its depression?", "can they fire me for asking", "does 504 still cover
 * me": a question about sharing or about rights, asked in the middle of a request, found by its
 * words (accommodation.askedDisclosureWords, askedRightsWords). Undefined for anything else.
 */
export function rightsQuestionIn(strings: Strings, text: string): RightsQuestion | undefined {
  const sentences = sentencesOf(text);
  const says = (
    said: string,
    key:
      | 'accommodation.askedDocumentsWords'
      | 'accommodation.askedDisclosureWords'
      | 'accommodation.askedRightsWords',
  ) => strings.variants(key).some((words) => ` ${said} `.includes(` ${normalizeText(words)} `));
  for (const [index, sentence] of sentences.entries()) {
    const said = normalizeText(sentence).replace(/\?/g, '').trim();
    if (!sentence.includes('?') && !asking.test(said)) continue;
    // "dont they need a letter from my therapist?" (people9, Ava): what proof may be asked for.
    const about = says(said, 'accommodation.askedDocumentsWords')
      ? 'documents'
      : says(said, 'accommodation.askedDisclosureWords')
        ? 'disclosure'
        : says(said, 'accommodation.askedRightsWords')
          ? 'rights'
          : undefined;
    if (about) return { about, rest: sentences.filter((_, at) => at !== index).join(' ') };
  }
  return undefined;
}

/**
 * The answer to a rights question inside a request, from the sources only: sharing is the
 * person's choice and what documentation may be asked; for rights, the short note for the
 * setting, marked as general information, with where to ask about their own case.
 */
export function rightsAnswer(
  strings: Strings,
  content: AccommodationContent,
  question: RightsQuestion,
  setting: SettingId,
  named?: ConditionId,
): string {
  // Only at work do the sources say what a provider's note may hold; elsewhere that is said plainly.
  const atWork = setting === 'work';
  if (question.about === 'documents')
    return strings.text(atWork ? 'accommodation.documentsAnswerWork' : 'accommodation.documentsAnswerOther');
  if (question.about === 'disclosure')
    return strings.text(atWork ? 'accommodation.disclosureAnswer' : 'accommodation.disclosureAnswerOther');
  return `${strings.text('accommodation.rightsAnswer')}\n\n${rightsBrief(strings, content, setting, named)}`;
}
