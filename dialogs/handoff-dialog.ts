import { EventFactory, TurnContext } from 'botbuilder';
import {
  type DialogTurnResult,
  type FoundChoice,
  ListStyle,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { isOneOf } from '../src/appointments/choices.js';
import { crisisLinesText } from '../src/content/crisis-lines.js';
import type { StringKey } from '../src/content/strings.js';
import type { HandoffService } from '../src/handoff/handoff-service.js';
import { userStateKey } from '../src/privacy/state-keys.js';
import { readProfile } from '../src/state/profile.js';
import { referenceWithTenant } from '../src/teams/scope.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { BACK, TypedChoicePrompt, type TypedPromptOptions } from './typed-choice-prompt.js';

/** How the handoff starts: from a topic (the safety reply, a feature), or at the fallback choice. */
export interface HandoffDialogOptions {
  topic?: string;
  /** A request nobody accepted in time: offer the fallback, starting from the choice pressed. */
  fallback?: { code: string; choice?: string };
  /** Back from the consent question: the name is asked again, without the introduction. */
  back?: boolean;
}

const REQUEST = 'handoffRequest';
const FALLBACK = 'handoffFallback';
const ALIAS = 'handoffAlias';
const CHOICE = 'handoffChoice';
const FREE_TEXT = 'handoffText';
const MAX_ALIAS = 40;

/** What the steps collect (the SDK types step.values as a bare object). */
interface HandoffValues {
  alias?: string;
  summary?: string;
  message?: string;
}
const values = (step: WaterfallStepContext): HandoffValues => step.values as HandoffValues;

/**
 * A member asks for a peer specialist: what will happen, the name the specialist sees, consent
 * to share a short summary (shown first), then the request. When nobody is on duty it says so
 * and offers to leave a message, the crisis lines, or to carry on with the bot.
 */
export class HandoffDialog extends InterruptibleDialog {
  protected override readonly feature = 'handoff' as const;

  constructor(
    deps: DialogDeps,
    private readonly handoff: HandoffService,
    id: string = DialogIds.handoff,
  ) {
    super(id, deps);
    this.addDialog(new TextPrompt(ALIAS, async (p) => this.validAlias(p)))
      .addDialog(new TypedChoicePrompt(CHOICE, deps.strings))
      .addDialog(new TextPrompt(FREE_TEXT, async (p) => (p.recognized.value ?? '').trim().length > 0))
      .addDialog(
        new WaterfallDialog(REQUEST, [
          this.askAlias.bind(this),
          this.askConsent.bind(this),
          this.submit.bind(this),
        ]),
      )
      .addDialog(
        new WaterfallDialog(FALLBACK, [
          this.askFallback.bind(this),
          this.actOnFallback.bind(this),
          this.askContact.bind(this),
          this.saveMessage.bind(this),
        ]),
      );
    this.initialDialogId = REQUEST;
  }

  private async askAlias(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as HandoffDialogOptions;
    if (options.fallback) return step.replaceDialog(FALLBACK, options.fallback);
    const { strings, profile } = this.deps;
    if (!options.back) await step.context.sendActivity(strings.text('handoff.intro'));
    const nickname = (await readProfile(profile, step.context)).nickname;
    return step.prompt(ALIAS, {
      prompt: strings.text('handoff.askAlias'),
      retryPrompt: strings.text('handoff.aliasRetry'),
      ...(nickname ? { choices: [nickname], style: ListStyle.suggestedAction } : {}),
    });
  }

  /** Shows the summary that would be shared and asks before sharing it. */
  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    values(step).alias = String(step.result).trim();
    const { topic } = (step.options ?? {}) as HandoffDialogOptions;
    values(step).summary =
      topic === 'safety'
        ? strings.text('handoff.summarySafety')
        : topic
          ? strings.text('handoff.summaryTopic', { topic })
          : strings.text('handoff.summaryMenu');
    // Sharing is the yes: "sure" or "ok" shares, "nah" does not.
    const consent: TypedPromptOptions = {
      prompt: strings.text('handoff.summaryAsk', { summary: values(step).summary ?? '' }),
      choices: this.choices(['handoff.share', 'handoff.dontShare']),
      style: ListStyle.suggestedAction,
      yesNo: true,
      back: true,
    };
    return step.prompt(CHOICE, consent);
  }

  /** Queues the request, tells a channel's own agent hub (handoff.initiate), says what happens next. */
  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const picked = (step.result as FoundChoice).value;
    if (picked === BACK)
      return step.replaceDialog(REQUEST, { ...step.options, back: true } satisfies HandoffDialogOptions);
    const shared = picked === 'handoff.share';
    const { context } = step;
    const { topic } = (step.options ?? {}) as HandoffDialogOptions;
    const { code, anyoneOnDuty } = await this.handoff.request({
      userKey: userStateKey(context.activity.channelId, context.activity.from.id),
      alias: values(step).alias ?? '',
      reference: referenceWithTenant(
        TurnContext.getConversationReference(context.activity),
        context.activity,
      ),
      topic: topic === 'safety' || !topic ? strings.text('features.handoff') : topic,
      ...(shared ? { summary: values(step).summary ?? '' } : {}),
    });
    await context.sendActivity(
      EventFactory.createHandoffInitiation(context, {
        code,
        ...(shared ? { summary: values(step).summary } : {}),
      }),
    );
    if (!anyoneOnDuty) {
      await context.sendActivity(strings.text('handoff.nobody'));
      return step.replaceDialog(FALLBACK, { code });
    }
    await context.sendActivity(strings.text('handoff.queued', { code }));
    return step.endDialog();
  }

  private async askFallback(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { choice } = step.options as NonNullable<HandoffDialogOptions['fallback']>;
    if (choice) return step.next({ value: this.fallbackValue(choice) });
    return step.prompt(CHOICE, {
      prompt: this.deps.strings.text('handoff.fallbackAsk'),
      choices: this.choices(['handoff.leaveMessage', 'handoff.crisisLines', 'handoff.carryOn']),
      style: ListStyle.suggestedAction,
    });
  }

  private async actOnFallback(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings, crisisResources } = this.deps;
    switch ((step.result as FoundChoice | undefined)?.value) {
      case 'handoff.leaveMessage':
        return step.prompt(FREE_TEXT, { prompt: strings.text('handoff.askMessage') });
      case 'handoff.crisisLines':
        await step.context.sendActivity(crisisLinesText(strings, crisisResources));
        return step.endDialog();
      default:
        await step.context.sendActivity(strings.text('handoff.carryingOn'));
        return step.endDialog();
    }
  }

  private async askContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    values(step).message = String(step.result).trim();
    return step.prompt(FREE_TEXT, { prompt: this.deps.strings.text('handoff.askContact') });
  }

  private async saveMessage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { code } = step.options as { code: string };
    await this.handoff.leaveMessage(code, values(step).message ?? '', String(step.result).trim());
    await step.context.sendActivity(this.deps.strings.text('handoff.messageLeft'));
    return step.endDialog();
  }

  /** The fallback option a button label names (unknown text means carrying on). */
  private fallbackValue(label: string): StringKey {
    const keys = ['handoff.leaveMessage', 'handoff.crisisLines'] as const;
    return keys.find((key) => this.deps.strings.text(key) === label) ?? 'handoff.carryOn';
  }

  private choices(keys: StringKey[]) {
    const { strings } = this.deps;
    return keys.map((key) => ({
      value: key,
      action: { type: 'imBack', title: strings.text(key), value: strings.text(key) },
      synonyms: [strings.text(key)],
    }));
  }

  /**
   * A name of the right shape, but not "yes", "ok" or "idk": after "I want a real person", the
   * next message often answers the offer, not the name question, and is not a name to show.
   */
  private validAlias(prompt: PromptValidatorContext<string>): boolean {
    const { strings } = this.deps;
    const notName = isOneOf(strings, 'handoff.notNameWords', prompt.recognized.value ?? '');
    prompt.options.retryPrompt = strings.text(notName ? 'handoff.aliasNotName' : 'handoff.aliasRetry');
    return !notName && validAlias(prompt);
  }

  /** Its own buttons say where this goes next. */
  protected override switchesTopics(): boolean {
    return false;
  }
}

/** An alias is 1-40 characters with no markup or control characters. */
function validAlias(prompt: PromptValidatorContext<string>): boolean {
  const value = (prompt.recognized.value ?? '').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  return value.length > 0 && value.length <= MAX_ALIAS && !/[\u0000-\u001f\u007f<>[\]()*_`]/.test(value);
}
