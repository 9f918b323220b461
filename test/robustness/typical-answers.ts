import type { StringKey } from '../../src/content/strings.js';
import { promptPaths } from './prompt-paths.js';

/**
 * The answers the robustness suite types at the bot's questions, kept here so the safety gate's
 * tests read the same lists (an ordinary answer must never be taken for danger).
 */

export const OFF_TOPIC = 'what is the weather like on mars';
export const ordinals = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];
export const yesWords = ['yes', 'sure', 'ok', 'yep', 'yea'];
export const noWords = ['no', 'nah', 'nope'];
export const missWords = ['idk', OFF_TOPIC];
export const commandWords = ['skip', 'back', 'menu'];

/** Answers that sound like a command or a yes/no but are answers: [where, typed, the question next]. */
export const answersNotCommands: readonly (readonly [string, string, StringKey])[] = [
  ['accommodationQuestion.idea', "I'd like a later start please", 'accommodation.askWho'],
  ['accommodationQuestion.idea', 'later start', 'accommodation.askWho'],
  ['handoffText', 'Please call me back', 'handoff.askContact'],
  ['handoffConsent', 'yes', 'handoff.queued'],
  ['handoffConsent', 'ok', 'handoff.queued'],
  ['handoffConsent', 'fine yes', 'handoff.queued'],
  ['handoffConsent', 'what does that even mean', 'handoff.summaryWhy'],
  // Nobody on duty: "Would you like to leave a message?" answered yes; a filler is no name or message.
  ['handoffChoice (fallback)', 'yes', 'handoff.askAlias'],
  ['handoffChoice (fallback)', 'sure', 'handoff.askAlias'],
  ['handoffChoice (fallback)', 'nah', 'handoff.carryingOn'],
  ['handoffAlias', 'ok', 'handoff.aliasNotName'],
  ['handoffText', 'idk', 'handoff.messageRetry'],
  ['handoffText', 'yes', 'handoff.messageRetry'],
  ['handoffText (contact)', 'ok', 'handoff.contactRetry'],
  ['handoffConfirm', 'ok', 'handoff.messageLeft'],
  ['handoffConfirm', 'no', 'handoff.askWhichPart'],
  ['handoffConfirm', 'wait can i add that i work mornings', 'handoff.askWhichPart'],
  // The answer in the last sentence, after a question or an explanation, at every kind of question.
  ['handoffConfirm', 'Will they see my name as Janet? Yes, please send it.', 'handoff.messageLeft'],
  ['handoffConsent', 'What will they see? Yes, share it.', 'handoff.queued'],
  ['handoffChoice (fallback)', "I'm not sure how this works. Leave a message.", 'handoff.askAlias'],
  ['accommodationQuestion.setting', 'It is about my job. At work.', 'accommodation.askBarrier'],
  ['deleteDataConfirm', 'Will my plans go too? No, keep it.', 'data.keptData'],
  ['mainRouteConfirm', 'Hmm, I think so. Yes.', 'appointment.askType'],
  // The menu counts its buttons, shown with numbers or not.
  ['mainMenuPrompt', '2', 'accommodation.intro'],
  ['mainMenuPrompt', 'the first one', 'appointment.intro'],
  ['mainMenuPrompt', 'part 3', 'peerGroups.intro'],
  ['mainMenuPrompt', 'landlrd', 'accommodation.intro'],
  // "Erase it all?" answered no in a person's words.
  ['deleteDataConfirm', 'nah keep it', 'data.keptData'],
  ['deleteDataConfirm', 'no keep it for now', 'data.keptData'],
  // Kim, worried about her employer, asks in the middle of a request: answered, then the question.
  ['accommodationQuestion.setting', 'can my boss see this chat?', 'privacy.employerAnswer'],
  ['accommodationQuestion.barrier', 'does IT see what i type in teams?', 'privacy.employerAnswerTeams'],
  // A bare "?" in a guided conversation: the question again, shorter, with an example (not the help).
  ['accommodationQuestion.setting', '?', 'accommodation.askSettingAgain'],
  ['peerGroupText (focus)', '?', 'peerGroups.askFocusAgain'],
  // "what" typed back at a question: the same question in its plainest words.
  ['accommodationQuestion.setting', 'what', 'accommodation.plainSetting'],
  // "listo" (Spanish: done) was read as "Clear the list"; a guess at it clears nothing.
  ['appointmentText (questions list)', 'listo', 'appointment.askBarriers'],
  ['appointmentText (questions list)', 'claer it', 'appointment.askQuestionsAgain'],
  ['appointmentText (questions list)', 'the list', 'appointment.askQuestionsAgain'],
  ['practiceText (mode)', 'at the end pls', 'practice.counterpartSays'],
  ['practiceText (mode)', 'ok', 'practice.askModeAgain'],
  // "Did you mean ...?" answered in the person's own words.
  ['mainRouteConfirm', 'yeah that one', 'appointment.askType'],
  ['mainRouteConfirm', 'no I want to find a group', 'peerGroups.askFocus'],
  ['mainRouteConfirm', 'not that', 'menu.promptAgain'],
  ['mainRouteChoice', 'neither', 'menu.promptAgain'],
  ['mainRouteChoice', 'a group', 'peerGroups.askFocus'],
];

/** The crisis and concern replies' questions: the paths to them end in a crisis message on purpose. */
const crisisReplies = new Set([
  'safetyCheckIn',
  'safetyChoice',
  'safetyOverdoseChoice',
  'safetyConcernChoice',
]);

/**
 * Every answer above, each step typed on the way to a question (but the crisis messages that open
 * a crisis reply), and the picks by number.
 */
export function typicalAnswers(): string[] {
  const picks = ordinals.flatMap((ordinal, index) => [`the ${ordinal} one`, String(index + 1)]);
  return [
    ...new Set([
      ...promptPaths.filter((path) => !crisisReplies.has(path.prompt)).flatMap((path) => path.steps),
      ...answersNotCommands.map(([, typed]) => typed),
      ...yesWords,
      ...noWords,
      ...missWords,
      ...commandWords,
      ...picks,
    ]),
  ];
}
