import { ActionTypes, type Activity, MessageFactory } from 'botbuilder';
import { ListStyle, recognizeChoices } from 'botbuilder-dialogs';
import { choicesActivity } from '../channels/choice-buttons.js';
import type { StringKey, Strings } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';

/** A button the person may tap, or name in their own words: `value` is what the code sees. */
export interface ChoiceSpec {
  value: string;
  label: string;
  synonyms: readonly string[];
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
  return choicesActivity(channelId, list, text, ListStyle.suggestedAction);
}

/**
 * The choice `text` names: its number in the list ("2"), its label or a synonym, or (for longer
 * messages) the label's words within it ("the day before is good"). A number inside a sentence is
 * not taken as a pick: "at 3pm" must not choose the third button. `numbers: false` where numbers
 * mean something else (ranking questions by number).
 */
export function matchChoice(
  text: string,
  choices: readonly ChoiceSpec[],
  options: { numbers?: boolean } = {},
): ChoiceSpec | undefined {
  const folded = normalizeText(text);
  const number = /^(\d{1,2})$/.exec(folded);
  if (number && options.numbers !== false) return choices[Number(number[1]) - 1];
  const exact = choices.find((choice) =>
    [choice.label, ...choice.synonyms].some((word) => normalizeText(word) === folded),
  );
  if (exact || folded.length === 0) return exact;
  const found = recognizeChoices(
    text,
    choices.map((choice) => ({ value: choice.value, synonyms: [choice.label, ...choice.synonyms] })),
    { recognizeNumbers: false, recognizeOrdinals: false },
  );
  const best = found[0];
  // The label must be most of the message: "no" inside "I have no car" is not the "No" button.
  const covers = best ? (best.end - best.start + 1) / text.trim().length >= 0.5 : false;
  if (!best || !covers || best.resolution.score < 0.75) return undefined;
  return choices.find((choice) => choice.value === best.resolution.value);
}

/** True when `text` is one of the words under `key` ("skip", "done"...), typed in any style. */
export function isOneOf(strings: Strings, key: StringKey, text: string): boolean {
  const folded = normalizeText(text);
  return folded.length > 0 && strings.variants(key).some((word) => normalizeText(word) === folded);
}
