import { ConfirmPrompt } from 'botbuilder-dialogs';
import type { StringKey, Strings } from '../src/content/strings.js';

/**
 * What an answer that is neither yes nor no means: ask again (`retry`), or after `afterMisses`
 * unclear answers take the safe reading (never erase on a guess; with safety, unsure means yes).
 */
export type UnclearAnswer = { kind: 'retry' } | { kind: 'assume'; value: boolean; afterMisses: number };

/**
 * A yes/no prompt whose buttons say what happens ("Yes, erase it" / "No, keep it"); yes and no
 * in any usual wording are still understood.
 */
export function yesNoPrompt(
  id: string,
  strings: Strings,
  labels: [yes: StringKey, no: StringKey],
  unclear: UnclearAnswer = { kind: 'retry' },
): ConfirmPrompt {
  const prompt = new ConfirmPrompt(
    id,
    async (context) => {
      if (context.recognized.succeeded) return true;
      if (unclear.kind === 'assume' && context.attemptCount >= unclear.afterMisses) {
        context.recognized.value = unclear.value;
        return true;
      }
      return false;
    },
    'en-us',
  );
  prompt.confirmChoices = labels.map((key) => ({ value: strings.text(key) }));
  return prompt;
}
