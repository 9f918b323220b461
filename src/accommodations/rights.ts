import type { Strings } from '../content/strings.js';
import type { AccommodationContent, HelpEntry, RightsStatement } from './content.js';
import type { SettingId } from './model.js';

/** The rights statements shown with the summary for a setting (those explaining a next step are not). */
export function rightsFor(content: AccommodationContent, setting: SettingId): RightsStatement[] {
  return content.rights.filter((right) => right.settings.includes(setting) && !right.nextStep);
}

/** Where to get help in a setting; only verified contacts are left after loading. */
export function helpFor(content: AccommodationContent, setting: SettingId): HelpEntry[] {
  return content.help.filter((entry) => entry.settings.includes(setting));
}

/**
 * The short, plain summary of rights that may apply, marked as general information, each
 * statement with its source, then where to get help. Every sentence of law here comes from a
 * rights statement in resources/accommodations.json, none from code.
 */
export function rightsSummary(strings: Strings, content: AccommodationContent, setting: SettingId): string {
  const statements = rightsFor(content, setting).map((right) =>
    strings.text('accommodationHelp.entry', {
      text: strings.text('accommodationHelp.sourced', {
        text: strings.text(right.text),
        source: right.source,
      }),
    }),
  );
  const help = helpFor(content, setting).map((entry) => helpLine(strings, entry));
  return [
    strings.text('accommodationHelp.heading'),
    statements.join('\n'),
    `${strings.text('accommodationHelp.whereHeading')}\n${help.join('\n')}`,
  ].join('\n\n');
}

/** One place to get help, with its verified contacts ("call 800-514-0301"). */
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
