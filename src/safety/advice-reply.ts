import { type Activity, ActivityTypes } from 'botbuilder';
import type { Strings } from '../content/strings.js';
import type { AdviceKind } from '../language/advice-requests.js';

/** The person's own question, tidied to ask someone else: first letter up, ending in "?". */
export function asQuestion(text: string): string {
  const trimmed = text.trim().replace(/[.!?\s]+$/u, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}?`;
}

/**
 * A kind refusal of medical, dosing or legal advice that hands the question back, in the
 * person's own words, as one to ask a provider or legal aid. Plain text, because it echoes what
 * the person typed and that must never render as markup.
 */
export function adviceReply(
  strings: Strings,
  kind: AdviceKind,
  text: string,
  /**
   * Where it was asked: elsewhere (a button starts a plan); while a plan is made (its questions
   * come later: no button, which would read as an answer); at the plan's questions (kept there).
   */
  where: 'elsewhere' | 'planning' | 'planQuestions' = 'elsewhere',
): Partial<Activity> {
  const question =
    text.trim().length > 0 && text.length <= 200 ? asQuestion(text) : strings.text(`advice.${kind}Question`);
  if (where !== 'elsewhere') {
    const next = strings.text(where === 'planning' ? 'advice.addAtQuestions' : 'advice.keptInPlan');
    return {
      type: ActivityTypes.Message,
      textFormat: 'plain',
      text: `${strings.text(`advice.${kind}`, { question })}\n\n${next}`,
    };
  }
  return {
    type: ActivityTypes.Message,
    textFormat: 'plain',
    text: `${strings.text(`advice.${kind}`, { question })}\n\n${strings.text('advice.writeItDown')}`,
    // The button says the appointment feature's words, so the menu or a topic switch starts it.
    suggestedActions: {
      to: [],
      actions: [
        {
          type: 'imBack',
          title: strings.text('advice.addToPlan'),
          value: strings.text('features.appointment'),
        },
      ],
    },
  };
}
