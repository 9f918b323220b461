import { type Activity, Channels } from 'botbuilder';
import {
  type Choice,
  ChoiceFactory,
  type ChoiceFactoryOptions,
  ListStyle,
  supportsCardActions,
  supportsSuggestedActions,
} from 'botbuilder-dialogs';

/** Teams shows only the first three suggested actions of a message; more go on a card. */
const TEAMS_MAX_SUGGESTED = 3;
/** TestAdapter's channel: it stands for a client with buttons, as Web Chat is. */
const TEST_CHANNEL = 'test';

/**
 * The choices as people see them: each one's label (its button title) in place of the value the
 * code reads. The SDK's hero card, which Teams gets, titles its buttons with the value, so
 * without this a Teams menu read "appointment, peerGroup..." where Web Chat read the labels.
 */
export function labelledChoices(choices: readonly (string | Choice)[]): Choice[] {
  return ChoiceFactory.toChoices([...choices]).map((choice) => ({
    ...choice,
    value: choice.action?.title ?? choice.value,
  }));
}

/**
 * The way `style` can really show `count` choices in this channel: Teams gets a card where it
 * would show only three of more suggested actions, and a channel with no buttons at all a
 * numbered list. Other styles are what the SDK picks.
 */
export function choiceStyleFor(channelId: string, count: number, style: ListStyle): ListStyle {
  if (style !== ListStyle.suggestedAction) return style;
  if (channelId === Channels.Msteams && count > TEAMS_MAX_SUGGESTED) return ListStyle.heroCard;
  const hasButtons =
    channelId === TEST_CHANNEL ||
    supportsSuggestedActions(channelId, count) ||
    supportsCardActions(channelId, count);
  return hasButtons ? style : ListStyle.list;
}

/**
 * A message with `text` and its choices as this channel shows them (suggested actions, a card,
 * or a numbered list), always under the labels a person reads in Web Chat.
 */
export function choicesActivity(
  channelId: string,
  choices: readonly (string | Choice)[],
  text: string,
  style: ListStyle = ListStyle.auto,
  options?: ChoiceFactoryOptions,
): Partial<Activity> {
  const shown = labelledChoices(choices);
  switch (choiceStyleFor(channelId, shown.length, style)) {
    case ListStyle.suggestedAction:
      return ChoiceFactory.suggestedAction(shown, text);
    case ListStyle.heroCard:
      return ChoiceFactory.heroCard(shown, text);
    case ListStyle.list:
      return ChoiceFactory.list(shown, text, undefined, options);
    case ListStyle.inline:
      return ChoiceFactory.inline(shown, text, undefined, options);
    case ListStyle.none:
      return { type: 'message', text };
    default:
      return ChoiceFactory.forChannel(channelId, shown, text, undefined, options);
  }
}
