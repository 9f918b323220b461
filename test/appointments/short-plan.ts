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
