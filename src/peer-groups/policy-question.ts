import type { Strings } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';
import { type AnswerReader, withoutQuestionMarks } from './answers.js';
import type { PeerDirectory } from './directory.js';
import type { PeerGroup } from './schema.js';

/**
 * Spots a question about one group's medication policy ("can i go to NA on suboxone?", "does
 * SMART allow methadone?"): a question that names one group of the directory and medication
 * or a policy. Such a message is answered from the directory, never read as choosing that group's
 * kind (12-step). All the cue words are in resources/locales.
 */
export class PolicyQuestions {
  /** Each group with the folded names that point at it: its name, a short form in brackets, aliases. */
  private readonly names: ReadonlyArray<{ group: PeerGroup; names: string[] }>;

  constructor(
    private readonly strings: Strings,
    private readonly reader: AnswerReader,
    directory: PeerDirectory,
  ) {
    this.names = directory.groups.map((group) => ({ group, names: namesOf(group) }));
  }

  /** The group whose policy `text` asks about, or undefined when it is no such question. */
  groupAskedAbout(text: string): PeerGroup | undefined {
    const folded = withoutQuestionMarks(text);
    if (!this.isQuestion(text, folded)) return undefined;
    const policy =
      this.reader.medicationOf(text) !== undefined || this.reader.has(folded, 'peerGroupPolicy.policyWords');
    if (!policy) return undefined;
    const named = this.names.filter(({ names }) => names.some((name) => ` ${folded} `.includes(` ${name} `)));
    return named.length === 1 ? named[0]?.group : undefined;
  }

  /** The answer: what the directory says of the group's policy, how to ask, and a peer. */
  answer(group: PeerGroup): string {
    const { strings } = this;
    const said = strings.text(`peerGroupPolicy.${group.medicationFriendly}`, { name: group.name });
    if (group.medicationFriendly === 'yes') return said;
    const find =
      group.kind === 'national' ? [strings.text('peerGroupCards.howToFind', { how: group.howToFind })] : [];
    return [
      said,
      strings.text('peerGroupCards.askMedication'),
      ...find,
      strings.text('peerGroupPolicy.askPeer'),
    ].join('\n\n');
  }

  private isQuestion(text: string, folded: string): boolean {
    if (text.includes('?')) return true;
    return this.strings
      .variants('peerGroupPolicy.questionStarts')
      .some((start) => folded.startsWith(`${normalizeText(start)} `));
  }
}

/** "Narcotics Anonymous (NA)" is "narcotics anonymous (na)", "narcotics anonymous" and "na". */
function namesOf(group: PeerGroup): string[] {
  const bracketed = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(group.name);
  const names = [
    group.name,
    ...(bracketed ? [bracketed[1] ?? '', bracketed[2] ?? ''] : []),
    ...(group.aliases ?? []),
  ];
  return [...new Set(names.map(normalizeText).filter((name) => name.length > 0))];
}
