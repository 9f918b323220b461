import type { TurnContext } from 'botbuilder';
import { ConfirmPrompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { StringKey, Strings } from '../src/content/strings.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import { showsNumbers, type TypedQuestion, typedAnswerReader } from '../src/language/typed-answer.js';
import { askedOptions } from './typed-choice-prompt.js';

/**
 * What an answer that is neither yes nor no means: ask again (`retry`), or after `afterMisses`
 * unclear answers take the safe reading (never erase on a guess; with safety, unsure means yes).
 */
export type UnclearAnswer = { kind: 'retry' } | { kind: 'assume'; value: boolean; afterMisses: number };

/**
 * A yes/no question whose buttons say what happens ("Yes, erase it" / "No, keep it"), read the
 * shared way: the labels, a few of their words, typos, and yes or no in any usual wording
 * ("sure", "yep", "nah"), but not a "no" inside a sentence ("I have no car").
 */
export class YesNoPrompt extends ConfirmPrompt {
  constructor(
    id: string,
    readonly strings: Strings,
    labels: [yes: StringKey, no: StringKey],
    unclear: UnclearAnswer,
    /** Phrases that mean "no" anywhere in a sentence ("could we finish the plan first"). */
    private readonly noPhrases?: StringKey,
  ) {
    super(
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
    this.confirmChoices = labels.map((key) => ({ value: strings.text(key) }));
  }

  /** The question as the reader sees it: its two buttons, yes first, numbered where the channel lists them. */
  question(channelId: string): TypedQuestion {
    const [yes = '', no = ''] = (this.confirmChoices ?? []).map((choice) =>
      typeof choice === 'string' ? choice : choice.value,
    );
    return {
      options: [
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ],
      yesNo: true,
      // ConfirmPrompt lays its buttons out in its own style, whatever the options say.
      numbered: showsNumbers(channelId, this.style, [yes, no]),
    };
  }

  protected override async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<boolean>> {
    const question = this.question(context.activity.channelId);
    const text = context.activity.text ?? '';
    const pick = typedAnswerReader(this.strings).read(text, question);
    if (pick) return { succeeded: true, value: pick.value === 'yes' };
    const no = this.noPhrases && saysAnyOf(this.strings, this.noPhrases, text);
    return no ? { succeeded: true, value: false } : { succeeded: false };
  }

  protected override async onPrompt(
    context: TurnContext,
    state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    await super.onPrompt(
      context,
      state,
      askedOptions(this.strings, this.question(context.activity.channelId), state, options, isRetry),
      isRetry,
    );
  }
}

export function yesNoPrompt(
  id: string,
  strings: Strings,
  labels: [yes: StringKey, no: StringKey],
  unclear: UnclearAnswer = { kind: 'retry' },
  noPhrases?: StringKey,
): YesNoPrompt {
  return new YesNoPrompt(id, strings, labels, unclear, noPhrases);
}
