import { type DialogContext, type PromptOptions, TextPrompt } from 'botbuilder-dialogs';
import type { Strings } from '../src/content/strings.js';
import { deleteRequestIn } from '../src/language/delete-request.js';
import { typedAnswerReader } from '../src/language/typed-answer.js';
import { type DialogLevel, leafOf } from './dialog-levels.js';
import { optionsOnStack } from './step-options.js';
import { type TypedPromptOptions, typedQuestionOf } from './typed-choice-prompt.js';
import { YesNoPrompt } from './yes-no-prompt.js';

/** What an open prompt may say of itself in its options, beyond botbuilder's PromptOptions. */
export interface OpenPromptOptions extends PromptOptions {
  /** It asks for the person's questions for a plan: a question typed here is an answer, kept. */
  collectsQuestions?: boolean;
  /** It lists or shows saved things: "delete 1" deletes one of them (see deletesSavedItem). */
  deletesItems?: boolean;
}

/** What the open question was asked with: its prompt's options, and what it says of itself. */
type AskedWith = OpenPromptOptions & TypedPromptOptions;
const askedWithOf = optionsOnStack<AskedWith>();

/** The options of the question open in `leaf`; undefined when nothing is open. */
function openOptions(leaf: DialogLevel): AskedWith | undefined {
  return askedWithOf(leaf.activeDialog);
}

/**
 * True when the message asks to delete one saved thing ("delete 1", "remove that plan") where
 * the open prompt lists or shows saved things: it is that prompt's answer, not "delete my data".
 */
export function deletesSavedItem(dc: DialogContext, strings: Strings): boolean {
  const options = openOptions(leafOf(dc));
  return options?.deletesItems === true && deleteRequestIn(strings, dc.context.activity.text) !== undefined;
}

/** True when the open prompt asks for questions for a plan (see OpenPromptOptions). */
export function collectsQuestions(dc: DialogContext): boolean {
  const options = openOptions(leafOf(dc));
  return options?.collectsQuestions === true;
}

/**
 * True when the message is one of the open prompt's own answers (a button was pressed, or its
 * words typed, read the shared way). Such an answer is never taken as a command or a change of
 * topic, whatever it sounds like ("Don't share", "Go back").
 */
export function answersOpenChoice(dc: DialogContext, strings: Strings): boolean {
  const leaf = leafOf(dc);
  const active = leaf.activeDialog;
  if (!active) return false;
  const prompt = leaf.dialog;
  const text = dc.context.activity.text ?? '';
  const reader = typedAnswerReader(strings);
  const options = openOptions(leaf);
  if (prompt instanceof YesNoPrompt)
    return reader.read(text, prompt.question(dc.context.activity.channelId)) !== undefined;
  const choices = options?.choices ?? [];
  if (choices.length === 0) return false;
  return (
    reader.read(text, typedQuestionOf(dc.context.activity.channelId, choices, options ?? {})) !== undefined
  );
}

/**
 * True when the open question takes the person's own words and offers no buttons (a name, a
 * message for a specialist): whatever they write is the answer, so only a command's exact words
 * ("menu") count as one there, never a sentence that sounds like one ("please call me back").
 */
export function takesOwnWords(dc: DialogContext): boolean {
  const leaf = leafOf(dc);
  const active = leaf.activeDialog;
  if (!active || !(leaf.dialog instanceof TextPrompt)) return false;
  const options = openOptions(leaf);
  return (options?.choices ?? []).length === 0;
}
