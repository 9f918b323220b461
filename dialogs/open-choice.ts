import { type Choice, ConfirmPrompt, type DialogContext, type PromptOptions } from 'botbuilder-dialogs';
import { normalizeText } from '../src/language/normalize.js';

/** The innermost active dialog context: where the open question is. */
export function leafOf(dc: DialogContext): DialogContext {
  let leaf = dc;
  while (leaf.child) leaf = leaf.child;
  return leaf;
}

/** What an open prompt may say of itself in its options, beyond botbuilder's PromptOptions. */
export interface OpenPromptOptions extends PromptOptions {
  /** It asks for the person's questions for a plan: a question typed here is an answer, kept. */
  collectsQuestions?: boolean;
}

/** True when the open prompt asks for questions for a plan (see OpenPromptOptions). */
export function collectsQuestions(dc: DialogContext): boolean {
  const options = leafOf(dc).activeDialog?.state?.options as OpenPromptOptions | undefined;
  return options?.collectsQuestions === true;
}

/**
 * True when the message is one of the open prompt's own answers (a button was pressed, or its
 * words typed). Such an answer is never taken as a command or a change of topic, whatever it
 * sounds like ("Don't share", "Go back").
 */
export function answersOpenChoice(dc: DialogContext): boolean {
  const leaf = leafOf(dc);
  const active = leaf.activeDialog;
  if (!active) return false;
  const options = active.state?.options as PromptOptions | undefined;
  const prompt = leaf.findDialog(active.id);
  const confirm = prompt instanceof ConfirmPrompt ? (prompt.confirmChoices ?? []) : [];
  const choices: (string | Choice)[] = [...(options?.choices ?? []), ...confirm];
  const words = choices.flatMap((choice) =>
    typeof choice === 'string'
      ? [choice]
      : [choice.value, choice.action?.title ?? '', ...(choice.synonyms ?? [])],
  );
  const folded = normalizeText(dc.context.activity.text ?? '');
  return folded.length > 0 && words.some((word) => word && normalizeText(String(word)) === folded);
}
