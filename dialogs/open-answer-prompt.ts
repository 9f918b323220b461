import type { TurnContext } from 'botbuilder';
import type { PromptOptions } from 'botbuilder-dialogs';
import type { Strings } from '../src/content/strings.js';
import { TypedChoicePrompt } from './typed-choice-prompt.js';

/**
 * A question with buttons that takes any answer: free text from someone in distress is never
 * "invalid", and the step after it reads what was said (a button, or its words read the shared
 * way, arrive as the choice). Asked again (after "help", or a command answered above it), it
 * uses its retry wording, so the same words are never sent twice in a row.
 */
export class OpenAnswerPrompt extends TypedChoicePrompt {
  protected override readonly readerRetries = false;

  constructor(id: string, strings: Strings) {
    super(id, strings, async () => true);
  }

  protected override async onPrompt(
    context: TurnContext,
    state: { asked?: boolean },
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    await super.onPrompt(context, state, options, isRetry || state.asked === true);
    state.asked = true;
  }
}
