import { ActionTypes, type Activity, MessageFactory } from 'botbuilder';
import { ListStyle } from 'botbuilder-dialogs';
import { choicesActivity } from '../channels/choice-buttons.js';
import type { StringKey, Strings } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';
import { type Pick, typedAnswerReader } from '../language/typed-answer.js';

/** How appointment questions show their choices (buttons; a numbered list where a channel has none). */
export const QUESTION_STYLE = ListStyle.suggestedAction;

/** A button the person may tap, or name in their own words: `value` is what the code sees. */
export interface ChoiceSpec {
  value: string;
  label: string;
  synonyms: readonly string[];
  /** It erases something: only its own words or number pick it (typed-answer.ts). */
  destructive?: boolean;
}

/** A choice labelled by a string key, with extra words from a list key. */
export function choiceOf(strings: Strings, value: string, label: StringKey, words?: StringKey): ChoiceSpec {
  return { value, label: strings.text(label), synonyms: words ? strings.variants(words) : [] };
}

/**
 * The question with its choices as buttons where the channel has them (suggested actions,
 * whatever the label length: Web Chat and the Emulator show long ones), else as the channel's
 * usual list, so a typed number or label works everywhere. Free text is always accepted.
 */
export function questionActivity(
  channelId: string,
  text: string,
  choices: readonly ChoiceSpec[],
): Partial<Activity> {
  if (choices.length === 0) return MessageFactory.text(text);
  const list = choices.map((choice) => ({
    value: choice.label,
    action: { type: ActionTypes.ImBack, title: choice.label, value: choice.label },
  }));
  return choicesActivity(channelId, list, text, QUESTION_STYLE);
}

/**
 * The choice `text` names, read the shared way (typed-answer.ts): its label or a synonym, a typo,
 * a few of its words, yes or no where the choices are "yes" and "no", and its number only where
 * numbers were shown (`numbered`: never at a ranking question, where numbers are ranks).
 */
export function matchChoice(
  strings: Strings,
  text: string,
  choices: readonly ChoiceSpec[],
  options: { numbered?: boolean } = {},
): (ChoiceSpec & { how: Pick['how'] }) | undefined {
  const yesNo = choices.length === 2 && choices[0]?.value === 'yes' && choices[1]?.value === 'no';
  const pick = typedAnswerReader(strings).read(text, {
    options: choices,
    numbered: options.numbered === true,
    yesNo,
  });
  const choice = pick ? choices[pick.index] : undefined;
  return choice && pick ? { ...choice, how: pick.how } : undefined;
}

/** True when `text` is one of the words under `key` ("skip", "done"...), typed in any style. */
export function isOneOf(strings: Strings, key: StringKey, text: string): boolean {
  const folded = normalizeText(text);
  return folded.length > 0 && strings.variants(key).some((word) => normalizeText(word) === folded);
}
