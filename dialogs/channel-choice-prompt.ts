import type { Activity } from 'botbuilder';
import { type Choice, type ChoiceFactoryOptions, ChoicePrompt, type ListStyle } from 'botbuilder-dialogs';
import { choiceStyleFor, labelledChoices } from '../src/channels/choice-buttons.js';

/**
 * A choice prompt whose buttons read the same in every channel (see choicesActivity): the
 * choices it shows carry their labels, while the choices it recognizes keep their values.
 */
export class ChannelChoicePrompt extends ChoicePrompt {
  protected override appendChoices(
    prompt: string | Partial<Activity>,
    channelId: string,
    choices: (string | Choice)[],
    style: ListStyle,
    options?: ChoiceFactoryOptions,
  ): Partial<Activity> {
    const shown = labelledChoices(choices);
    return super.appendChoices(
      prompt,
      channelId,
      shown,
      choiceStyleFor(channelId, shown.length, style),
      options,
    );
  }
}
