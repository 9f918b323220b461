import type { TurnContext } from 'botbuilder';
import type { Choice, DialogTurnResult, FoundChoice, PromptValidatorContext } from 'botbuilder-dialogs';
import { ListStyle, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choicesActivity } from '../src/channels/choice-buttons.js';
import type { StringKey, Strings } from '../src/content/strings.js';
import { deleteRequestIn } from '../src/language/delete-request.js';
import { typedAnswerReader } from '../src/language/typed-answer.js';
import { turnSignal } from '../src/platform/turn-signal.js';
import type { OpenPromptOptions } from './open-choice.js';
import { TypedChoicePrompt } from './typed-choice-prompt.js';

/**
 * The button menus of the accommodation request and of the saved-request browser, shared so both
 * read a pick the same way.
 */

/** The menu prompt's id in each dialog's set (stored in conversation state). */
export const MENU_PROMPT = 'accommodationMenuPrompt';
/** What the menu's reader picks for "delete 1", "remove that request": a delete, of which is read after. */
export const DELETE_ITEM = 'deleteItem';

/** A button of a menu: the value the next step reads, its label, other words that pick it. */
export interface MenuItem {
  value: string;
  label: StringKey;
  synonyms?: StringKey;
}

/** The pick a menu's (or the review's) validator read this turn, for the step that follows. */
export const menuPick = turnSignal<string>('accommodationPicked');

/** The pick read this turn, if any. */
export function picked(context: TurnContext): string | undefined {
  return menuPick.get(context);
}

/** A button that its label, or any of its other words, picks. */
export function choiceOf(strings: Strings, value: string, title: string, synonyms?: StringKey): Choice {
  return {
    value,
    action: { type: 'imBack', title, value: title },
    synonyms: [title, ...(synonyms ? strings.variants(synonyms) : [])],
  };
}

/** A button menu whose value the next step reads with `picked`; misses re-ask once, then give up. */
export function askMenu(
  step: WaterfallStepContext,
  strings: Strings,
  text: { prompt: StringKey; retry: StringKey },
  items: readonly MenuItem[],
  /** It shows a saved request: "delete it" deletes it. */
  deletesItems = false,
  /** What the prompt's `aside` reader needs (the request, to answer a question about it). */
  validations?: object,
): Promise<DialogTurnResult> {
  return step.prompt(MENU_PROMPT, {
    prompt: strings.text(text.prompt),
    retryPrompt: strings.text(text.retry),
    choices: items.map((item) => choiceOf(strings, item.value, strings.text(item.label), item.synonyms)),
    style: ListStyle.auto,
    ...(deletesItems ? { deletesItems } : {}),
    ...(validations ? { validations } : {}),
  } satisfies OpenPromptOptions);
}

/** Answers a question typed at a menu (true when it did); the menu is then asked again, no miss counted. */
export type MenuAside = (context: TurnContext, validations: unknown) => Promise<boolean>;

/**
 * The menu prompt. Menus accept a button (or its words, or its number), and "back". A second miss
 * gives up kindly ("gaveUp": the step says it will leave it here) instead of looping.
 */
export function menuPrompt(strings: Strings, aside?: MenuAside): TypedChoicePrompt {
  return new TypedChoicePrompt(MENU_PROMPT, strings, async (prompt: PromptValidatorContext<FoundChoice>) => {
    const { context } = prompt;
    const back = typedAnswerReader(strings).stepWord(context.activity.text ?? '') === 'back';
    // "delete 1" where saved requests are listed is a delete, not the first request opened.
    const deletes =
      'deletesItems' in prompt.options &&
      prompt.options.deletesItems === true &&
      deleteRequestIn(strings, context.activity.text) !== undefined;
    const pick = deletes ? DELETE_ITEM : (prompt.recognized.value?.value ?? (back ? 'back' : undefined));
    if (pick) menuPick.set(context, pick);
    else if (await aside?.(context, prompt.options.validations)) {
      // Once answered, the prompt does not ask again by itself: the menu again, with its buttons.
      const { choices, prompt: asked } = prompt.options;
      await context.sendActivity(
        choicesActivity(context.activity.channelId, (choices ?? []) as Choice[], String(asked ?? '')),
      );
      return false;
    } else if (prompt.attemptCount >= 2) menuPick.set(context, 'gaveUp');
    return menuPick.get(context) !== undefined;
  });
}
