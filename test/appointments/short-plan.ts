import type { StringKey } from '../../src/content/strings.js';

/**
 * From "what questions do you have?" to the review, each question answered the short way people
 * type it ("done", "That's all", "Nothing"). HTTP tests walk these turns between the parts they check.
 */
export const questionsToReview: [says: string, sees?: StringKey[]][] = [
  ['done'],
  ["That's all"],
  ['nothing else'],
  ['no'],
  ['Nothing'],
  ['done', ['appointment.review']],
];

/** From a first message (no conversationUpdate) to the review of a counselor visit on May 20 at 3 PM, not yet saved. */
export const counselorToReview: [says: string, sees: StringKey][] = [
  ['I see my counselor on May 20 at 3pm', 'appointment.askGoal'],
  ['a refill', 'appointment.askQuestions'],
  ['done', 'appointment.askBarriers'],
  ["That's all", 'appointment.askBring'],
  ['nothing else', 'appointment.askSupport'],
  ['no', 'appointment.askShare'],
  ['Nothing', 'appointment.askTalk'],
  ['done', 'appointment.review'],
];
