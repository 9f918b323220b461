import type { StringKey, Strings } from '../content/strings.js';
import { typedAnswerReader } from '../language/typed-answer.js';
import { Questionnaire } from '../questionnaire/questionnaire.js';
import type { PeerDirectory } from './directory.js';
import { type Filter, filters, type Preferences } from './matching.js';

/** Each question: how it is asked, asked again in other words, and its button in "change an answer". */
export const peerQuestions: Readonly<
  Record<Filter, { ask: StringKey; again: StringKey; change: StringKey }>
> = {
  focus: {
    ask: 'peerGroups.askFocus',
    again: 'peerGroups.askFocusAgain',
    change: 'peerGroupChoices.changeFocus',
  },
  approach: {
    ask: 'peerGroups.askApproach',
    again: 'peerGroups.askApproachAgain',
    change: 'peerGroupChoices.changeApproach',
  },
  format: {
    ask: 'peerGroups.askFormat',
    again: 'peerGroups.askFormatAgain',
    change: 'peerGroupChoices.changeFormat',
  },
  when: {
    ask: 'peerGroups.askWhen',
    again: 'peerGroups.askWhenAgain',
    change: 'peerGroupChoices.changeWhen',
  },
  place: {
    ask: 'peerGroups.askPlace',
    again: 'peerGroups.askPlaceAgain',
    change: 'peerGroupChoices.changePlace',
  },
  medication: {
    ask: 'peerGroups.askMedication',
    again: 'peerGroups.askMedicationAgain',
    change: 'peerGroupChoices.changeMedication',
  },
};

/**
 * The finder's questions: focus, kind of group, format, when, where, medication-friendly, each
 * skipped as "any". Where matters only for in-person groups the directory has; medication is not
 * asked of someone looking for mental health or family groups, nor the kind of group of someone looking
 * for mental health groups (they can still set them by changing them).
 */
export function peerQuestionnaire(
  strings: Strings,
  directory: PeerDirectory,
): Questionnaire<Filter, Preferences> {
  const localInPerson = () =>
    directory.groups.some((group) => group.kind === 'local' && group.formats.includes('inPerson'));
  return new Questionnaire<Filter, Preferences>(
    {
      fields: filters,
      applies: (filter, answers) => {
        if (filter === 'place')
          return (answers.format === 'inPerson' || answers.format === 'any') && localInPerson();
        // 12-step, SMART and the rest are ways of recovery from substance use: not asked of
        // someone looking for mental health peer support (DBSA, NAMI), who is shown those.
        if (filter === 'approach') return answers.focus !== 'mentalHealth';
        if (filter === 'medication')
          return answers.focus !== 'mentalHealth' && answers.focus !== 'familyFriends';
        return true;
      },
      skipped: (filter) => ({ [filter]: 'any' }),
    },
    typedAnswerReader(strings),
  );
}
