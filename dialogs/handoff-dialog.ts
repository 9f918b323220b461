import { type Activity, EventFactory, TurnContext } from 'botbuilder';
import {
  type DialogContext,
  type DialogTurnResult,
  type FoundChoice,
  ListStyle,
  type PromptOptions,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { formatInstant } from '../src/appointments/when.js';
import { crisisLinesText } from '../src/content/crisis-lines.js';
import type { StringKey, Strings } from '../src/content/strings.js';
import type { HandoffService } from '../src/handoff/handoff-service.js';
import { nicknameIn, questionToUs, sideAnswer } from '../src/language/answer-check.js';
import { fixedZone, zoneNamed } from '../src/language/intents/time-zone.js';
import { takeOutRequestIn, withoutPartAbout } from '../src/language/said-about.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import { spokenEdit } from '../src/language/spoken-edit.js';
import { foldAnswer, sentencesOf, typedAnswerReader } from '../src/language/typed-answer.js';
import { employerAnswer } from '../src/privacy/data-replies.js';
import { userStateKey } from '../src/privacy/state-keys.js';
import { zoneFor } from '../src/safety-plan/check-in.js';
import { readProfile } from '../src/state/profile.js';
import { referenceWithTenant } from '../src/teams/scope.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { leafOf } from './dialog-levels.js';
import { type HandoffReason, summaryOf } from './handoff-reason.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { BACK, TypedChoicePrompt, type TypedPromptOptions } from './typed-choice-prompt.js';

/** How the handoff starts: why the person asked (for the summary), or at the fallback choice. */
export interface HandoffDialogOptions {
  reason?: HandoffReason;
  /** A request nobody accepted in time: offer the fallback, starting from the choice pressed. */
  fallback?: { code: string; choice?: string };
}

/** The on-duty request, as far as it got: the summary offered, the name once given, words for them. */
interface RequestOptions {
  summary: string;
  alias?: string;
  /** What the person typed for the specialist at the consent question, kept as typed. */
  note?: string;
}

/** The fallback: the request already made (when there is one) and the name it carries. */
interface FallbackOptions {
  code?: string;
  alias?: string;
  choice?: string;
}

/** A message being left: what is known so far, and which question is open. */
interface MessageOptions {
  code?: string;
  alias?: string;
  message?: string;
  contact?: string;
  /** The message before "Change it", shown while it is typed again. */
  previous?: string;
  /** How to reach them, as the waiting request says: "same as before" keeps it. */
  previousContact?: string;
  /** When the waiting request was made (ISO). */
  since?: string;
  /** A way to reach them named with no number or email ("phone. call me"): asked for once. */
  way?: string;
}

const START = 'handoffStart';
const REQUEST = 'handoffRequest';
const FALLBACK = 'handoffFallback';
const MESSAGE = 'handoffMessage';
const ALIAS = 'handoffAlias';
const CHOICE = 'handoffChoice';
const CONFIRM = 'handoffConfirm';
const CONSENT = 'handoffConsent';
const FREE_TEXT = 'handoffText';
const WAITING = 'handoffWaiting';
const WAITING_STEPS = 'handoffWaitingSteps';
const PART = 'handoffPart';
const PART_STEPS = 'handoffPartSteps';
const MAX_ALIAS = 40;
const MAX_ALIAS_WORDS = 4;
/** The consent or the offer answered in the person's own words: words for the specialist. */
const OWN_WORDS = 'handoff.ownWords';
/** "Which part?" answered with an edit said in words ("my name is just Sam"). */
const EDIT = 'handoff.edit';
/** Fewer words than this are an answer to the question asked ("no thanks"), not words to keep. */
const MIN_OWN_WORDS = 3;
/** Words after a yes at the offer that are a message, not the yes again ("ok. ill leave one"). */
const MIN_MESSAGE_WORDS = 6;

/** The questions of a left message, in order, and what each asks. */
const messageFields = ['alias', 'message', 'contact'] as const;
type MessageField = (typeof messageFields)[number];
const asks: Record<MessageField, StringKey> = {
  alias: 'handoff.askAlias',
  message: 'handoff.askMessage',
  contact: 'handoff.askContact',
};
/** Each question's button and words at "which part to change". */
const partLabels: Record<MessageField, StringKey> = {
  alias: 'handoff.changePartName',
  message: 'handoff.changePartMessage',
  contact: 'handoff.changePartContact',
};
const partWords: Record<MessageField, StringKey> = {
  alias: 'handoff.partNameWords',
  message: 'handoff.partMessageWords',
  contact: 'handoff.partContactWords',
};
const retries: Record<Exclude<MessageField, 'alias'>, StringKey> = {
  message: 'handoff.messageRetry',
  contact: 'handoff.contactRetry',
};
/** What each question is for, said when asked "why do you need that?". */
const purposes: Record<Exclude<MessageField, 'alias'>, StringKey> = {
  message: 'handoff.messageWhy',
  contact: 'handoff.contactWhy',
};

/** What the request steps collect (the SDK types step.values as a bare object). */
interface RequestValues {
  alias?: string;
}
const values = (step: WaterfallStepContext): RequestValues => step.values as RequestValues;

/**
 * True while the handoff asks for words meant for the specialist: the message, the offer to leave
 * one, which part of it to change, or the consent to share a summary. A worry written there ("I've been struggling and need
 * someone") is what the specialist should read: the gate still sees it and danger still gets the
 * crisis reply, but a concern is kept (bot.ts), not answered in place of the request.
 */
export function askingForSpecialist(dc: DialogContext): boolean {
  const active = leafOf(dc).activeDialog;
  if (active?.id === CONSENT || active?.id === CHOICE || active?.id === PART) return true;
  const { validations } = (active?.state?.options ?? {}) as PromptOptions;
  return (
    active?.id === FREE_TEXT && (validations as { retry?: string } | undefined)?.retry === retries.message
  );
}

/**
 * A member asks for a peer specialist. They hear first who is there: when someone is on duty,
 * the name the specialist sees and consent to share a short summary (shown first), then the
 * request; when nobody is, what happens then (leave a message, the crisis lines, carry on), and
 * only a message left asks for a name, the message and how to reach them, confirmed before it is
 * kept.
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
      .addDialog(new TypedChoicePrompt(CHOICE, deps.strings, async (p) => this.ownWordsOrPick(p)))
      .addDialog(new TypedChoicePrompt(CONFIRM, deps.strings, async (p) => this.changeOrPick(p)))
      .addDialog(new TypedChoicePrompt(CONSENT, deps.strings, async (p) => this.explainOrPick(p)))
      .addDialog(new TextPrompt(FREE_TEXT, async (p) => this.validText(p)))
      .addDialog(new TypedChoicePrompt(WAITING, deps.strings, async (p) => this.pickOrAside(p)))
      .addDialog(new TypedChoicePrompt(PART, deps.strings, async (p) => this.partOrEdit(p)))
      .addDialog(
        new WaterfallDialog<MessageOptions>(PART_STEPS, [this.askPart.bind(this), this.takePart.bind(this)]),
      )
      .addDialog(new WaterfallDialog(START, [this.begin.bind(this)]))
      .addDialog(
        new WaterfallDialog<MessageOptions>(WAITING_STEPS, [
          this.askWaiting.bind(this),
          this.actOnWaiting.bind(this),
        ]),
      )
      .addDialog(
        new WaterfallDialog<RequestOptions>(REQUEST, [
          this.askAlias.bind(this),
          this.askConsent.bind(this),
          this.submit.bind(this),
        ]),
      )
      .addDialog(
        new WaterfallDialog<FallbackOptions>(FALLBACK, [
          this.askFallback.bind(this),
          this.actOnFallback.bind(this),
        ]),
      )
      .addDialog(
        new WaterfallDialog<MessageOptions>(MESSAGE, [this.askNext.bind(this), this.takeAnswer.bind(this)]),
      );
    this.initialDialogId = START;
  }

  /** Who the specialists are, then who is there now; the questions depend on it. */
  private async begin(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as HandoffDialogOptions;
    if (options.fallback) return step.replaceDialog(FALLBACK, options.fallback satisfies FallbackOptions);
    const { strings } = this.deps;
    const { activity } = step.context;
    // One left in an earlier conversation counts too: asking again is not a second request.
    const waiting = await this.handoff.waitingFor(
      userStateKey(activity.channelId, activity.from.id),
      referenceWithTenant(TurnContext.getConversationReference(activity), activity),
    );
    const text = activity.text ?? '';
    // "so will they answer tonight or not", asked with a request waiting: the answer, and the request.
    const aside = waiting && specialistQuestion(strings, text);
    if (waiting && aside) {
      const nobody = aside === 'handoff.howLong' && !(await this.handoff.anyoneOnDuty());
      await step.context.sendActivity(strings.text(nobody ? 'handoff.howLongNobody' : aside));
      await step.context.sendActivity(strings.text('handoff.waitingNow', { code: waiting.code }));
      return step.endDialog();
    }
    // "i really need to talk to someone now", "like a hotline or something": the lines that answer
    // now, then a request already waiting in one line.
    if (wantsLinesNow(strings, text) || (waiting && needsSomeoneNow(strings, text))) {
      await step.context.sendActivity(crisisLinesText(strings, this.deps.crisisResources));
      if (waiting)
        await step.context.sendActivity(strings.text('handoff.waitingNow', { code: waiting.code }));
      return step.endDialog();
    }
    if (waiting) {
      const previous = waiting.leftMessage?.text ?? waiting.note;
      const previousContact = waiting.leftMessage?.contact;
      return step.replaceDialog(WAITING_STEPS, {
        code: waiting.code,
        alias: waiting.member.alias,
        since: waiting.createdAt,
        ...(previous ? { previous } : {}),
        ...(previousContact ? { previousContact } : {}),
      } satisfies MessageOptions);
    }
    await step.context.sendActivity(strings.text('handoff.intro'));
    if (!(await this.handoff.anyoneOnDuty())) {
      await step.context.sendActivity(strings.text('handoff.nobodyNow'));
      return step.replaceDialog(FALLBACK, {} satisfies FallbackOptions);
    }
    await step.context.sendActivity(strings.text('handoff.onDutyNow'));
    return step.replaceDialog(REQUEST, {
      summary: summaryOf(strings, options.reason),
    } satisfies RequestOptions);
  }

  private async askAlias(step: WaterfallStepContext<RequestOptions>): Promise<DialogTurnResult> {
    // Words kept for the specialist at the consent: the name given before still stands.
    const { alias } = step.options;
    if (alias) return step.next(alias);
    return step.prompt(ALIAS, await this.aliasPrompt(step));
  }

  /** Shows the summary that would be shared and asks before sharing it. */
  private async askConsent(step: WaterfallStepContext<RequestOptions>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    values(step).alias = String(step.result).trim();
    if (typedAnswerReader(strings).stepWord(values(step).alias ?? '') === 'back') {
      await step.context.sendActivity(strings.text('answers.nothingBefore'));
      return step.replaceDialog(REQUEST, step.options);
    }
    const { summary } = step.options;
    // Sharing is the yes: "sure" or "ok" shares, "nah" does not.
    const consent: TypedPromptOptions = {
      prompt: strings.text('handoff.summaryAsk', { summary }),
      choices: this.choices(['handoff.share', 'handoff.dontShare']),
      style: ListStyle.suggestedAction,
      yesNo: true,
      back: true,
    };
    return step.prompt(CONSENT, consent);
  }

  /** Queues the request, tells a channel's own agent hub (handoff.initiate), says what happens next. */
  private async submit(step: WaterfallStepContext<RequestOptions>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const picked = step.result as FoundChoice;
    if (picked.value === BACK) return step.replaceDialog(REQUEST, step.options);
    const options = step.options;
    const alias = values(step).alias ?? '';
    if (picked.value === OWN_WORDS) {
      await this.acknowledgeOwnWords(step);
      return step.replaceDialog(REQUEST, {
        ...options,
        alias,
        note: picked.synonym,
      } satisfies RequestOptions);
    }
    const summary = picked.value === 'handoff.share' ? options.summary : undefined;
    const code = await this.request(step, alias, {
      ...(summary ? { summary } : {}),
      ...(options.note ? { note: options.note } : {}),
    });
    if (!code.anyoneOnDuty) {
      // The specialist went off duty while the person answered.
      await step.context.sendActivity(strings.text('handoff.nobody'));
      return step.replaceDialog(FALLBACK, { code: code.code, alias } satisfies FallbackOptions);
    }
    await step.context.sendActivity(strings.text('handoff.queued', { code: code.code }));
    return step.endDialog();
  }

  /** A request already waits: said so, with the way to change its message or withdraw it. */
  private async askWaiting(step: WaterfallStepContext<MessageOptions>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { code, since, previous } = step.options;
    // "i want to add something to it": the bot offers to "change or add to" the message.
    const choices = this.choices(
      ['handoff.changeWaiting', 'handoff.keepWaiting', 'handoff.withdrawWaiting'],
      {
        'handoff.changeWaiting': strings.variants('handoff.addToWaitingWords'),
      },
    );
    const zone = zoneNamed(zoneFor({ localTimezone: step.context.activity.localTimezone })) ?? fixedZone(0);
    const when = since ? formatInstant(new Date(since), zone, strings, this.handoff.today()) : '';
    const says = previous ? ` ${strings.text('handoff.waitingSays', { message: previous })}` : '';
    return step.prompt(WAITING, {
      // When it was made and what it says, as typed: the person decides whether to change it.
      prompt: {
        type: 'message',
        textFormat: 'plain',
        text: strings.text('handoff.alreadyWaitingAsk', { code: code ?? '', when, message: says }),
      } satisfies Partial<Activity>,
      // Withdrawing is never a guess: only its words or its number do it.
      choices: choices.map((choice) =>
        choice.value === 'handoff.withdrawWaiting' ? { ...choice, destructive: true } : choice,
      ),
      style: ListStyle.suggestedAction,
    } satisfies TypedPromptOptions);
  }

  private async actOnWaiting(step: WaterfallStepContext<MessageOptions>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const options = step.options;
    const code = options.code ?? '';
    const reference = TurnContext.getConversationReference(step.context.activity);
    // Withdrawn meanwhile ("cancel request" is heard above every question): nothing waits now.
    if ((await this.handoff.waitingIn(reference))?.code !== code) return step.endDialog();
    switch ((step.result as FoundChoice).value) {
      case 'handoff.changeWaiting':
        // The message is asked again, showing what it says now; the name stays.
        return step.replaceDialog(MESSAGE, options);
      case 'handoff.withdrawWaiting':
        await this.handoff.cancel(code, reference);
        await step.context.sendActivity(strings.text('handoff.cancelled'));
        return step.endDialog();
      default:
        await step.context.sendActivity(strings.text('handoff.alreadyWaiting', { code }));
        return step.endDialog();
    }
  }

  private async askFallback(step: WaterfallStepContext<FallbackOptions>): Promise<DialogTurnResult> {
    const { choice } = step.options;
    if (choice) return step.next({ value: this.fallbackValue(choice) });
    // Asked as a yes/no with a third way: "yes", "sure" leave a message, "no", "nah" carry on.
    const { strings } = this.deps;
    return step.prompt(CHOICE, {
      prompt: strings.text('handoff.offerMessage'),
      choices: this.choices(['handoff.leaveMessage', 'handoff.crisisLines', 'handoff.carryOn'], {
        'handoff.leaveMessage': strings.variants('answers.yesWords'),
        'handoff.carryOn': strings.variants('answers.noWords'),
      }),
      style: ListStyle.suggestedAction,
    });
  }

  private async actOnFallback(step: WaterfallStepContext<FallbackOptions>): Promise<DialogTurnResult> {
    const { strings, crisisResources } = this.deps;
    const { code, alias } = step.options;
    const picked = step.result as FoundChoice | undefined;
    switch (picked?.value) {
      case OWN_WORDS:
        // The message itself, typed at the offer: kept, and the other questions asked.
        await this.acknowledgeOwnWords(step);
        return step.replaceDialog(MESSAGE, {
          code,
          alias,
          message: picked?.synonym,
        } satisfies MessageOptions);
      case 'handoff.leaveMessage': {
        // "yeah. tell them my friend od'd last night... name is ray" (Ray): the yes, then the
        // message and his name; the words were said to be kept, so they are.
        const said = messageAfterYes(strings, step.context.activity.text ?? '');
        if (!said) return step.replaceDialog(MESSAGE, { code, alias } satisfies MessageOptions);
        await this.acknowledgeOwnWords(step);
        const named = alias ?? said.alias;
        return step.replaceDialog(MESSAGE, {
          code,
          ...(named ? { alias: named } : {}),
          message: said.message,
        } satisfies MessageOptions);
      }
      case 'handoff.crisisLines':
        await step.context.sendActivity(crisisLinesText(strings, crisisResources));
        return step.endDialog();
      default:
        await step.context.sendActivity(strings.text('handoff.carryingOn'));
        return step.endDialog();
    }
  }

  /** The first question of the message not answered yet, or the message shown to confirm. */
  private async askNext(step: WaterfallStepContext<MessageOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const field = messageFields.find((f) => !options[f]);
    if (field === 'alias') return step.prompt(ALIAS, await this.aliasPrompt(step));
    if (field) {
      const retry = retries[field];
      const { previous } = options;
      return step.prompt(FREE_TEXT, {
        prompt:
          field === 'message' && previous
            ? this.deps.strings.text('handoff.askMessageAgain', { message: previous })
            : this.deps.strings.text(
                field === 'contact' && options.way ? 'handoff.askContactDetail' : asks[field],
              ),
        retryPrompt: this.deps.strings.text(retry),
        validations: { retry, purpose: purposes[field] },
      });
    }
    const { strings } = this.deps;
    const confirm: TypedPromptOptions = {
      // The person's own words, shown as typed.
      prompt: {
        type: 'message',
        textFormat: 'plain',
        text: strings.text('handoff.confirmMessage', {
          name: options.alias ?? '',
          message: options.message ?? '',
          contact: options.contact ?? '',
        }),
      } satisfies Partial<Activity>,
      choices: this.choices(['handoff.sendMessage', 'handoff.changeMessage']),
      style: ListStyle.suggestedAction,
      yesNo: true,
      back: true,
    };
    return step.prompt(CONFIRM, confirm);
  }

  /**
   * The confirmation's buttons in any wording; words of their own that are not an answer ("wait,
   * can I add that I work mornings") mean changing it, so they are never met with "didn't catch that".
   */
  private async changeOrPick(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    // "no. like a hotline or something": answered, the message kept as it is (a "no" is no change).
    if (await this.answersAside(prompt)) return false;
    if (prompt.recognized.succeeded) return true;
    const text = prompt.context.activity.text ?? '';
    if (typedAnswerReader(this.deps.strings).saysNothing(text)) return false;
    prompt.recognized.value = { value: 'handoff.changeMessage', index: 1, score: 0.5, synonym: text };
    return true;
  }

  /**
   * Words of their own at the offer to leave a message ("i've been struggling a lot and need
   * someone"): the message, not a miss. A short reply is an answer to the offer, read as such.
   */
  private async ownWordsOrPick(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    // "can you delete what i said about hospital IT" before any message: nothing is kept yet.
    const { strings } = this.deps;
    if (saysAnyOf(strings, 'data.deleteWhatISaidWords', prompt.context.activity.text)) {
      const asked = prompt.options.prompt;
      const question = typeof asked === 'string' ? asked : (asked?.text ?? '');
      prompt.options.retryPrompt = `${strings.text('handoff.nothingKeptYet')}\n\n${question}`;
      return false;
    }
    return this.keepsOwnWords(prompt);
  }

  /** True (and the words kept as the answer) when the reply is words for the specialist. */
  private async keepsOwnWords(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (await this.answersAside(prompt)) return false;
    const text = (prompt.context.activity.text ?? '').trim();
    const reader = typedAnswerReader(this.deps.strings);
    const asks =
      /\?\s*$/.test(text) ||
      this.deps.strings.variants('handoff.questionWords').includes(foldAnswer(text).split(' ')[0] ?? '');
    const concern = signals.concernKept.get(prompt.context) === true;
    const words = foldAnswer(text).split(' ').length;
    if (!concern && (asks || words < MIN_OWN_WORDS || reader.saysNothing(text))) return false;
    prompt.recognized.value = { value: OWN_WORDS, index: -1, score: 1, synonym: text };
    return true;
  }

  /** One line that the words are kept: the bot already said it when the gate read a concern. */
  private async acknowledgeOwnWords(step: WaterfallStepContext): Promise<void> {
    if (signals.concernKept.get(step.context)) return;
    await step.context.sendActivity(this.deps.strings.text('handoff.noteKept'));
  }

  /**
   * A question about the summary ("what does that even mean") is answered before the re-ask;
   * words of their own ("tell them I've had a rough week") are kept for the specialist.
   */
  private async explainOrPick(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    if (await this.keepsOwnWords(prompt)) return true;
    if (specialistQuestion(this.deps.strings, prompt.context.activity.text ?? '')) return false;
    const { strings } = this.deps;
    const words = foldAnswer(prompt.context.activity.text ?? '').split(' ');
    const asks =
      /\?\s*$/.test(prompt.context.activity.text ?? '') ||
      strings.variants('handoff.questionWords').includes(words[0] ?? '');
    // Every second miss offers the menu and a person instead (the shared re-ask).
    if (asks && prompt.attemptCount % 2 === 1)
      prompt.options.retryPrompt = strings.text('handoff.summaryWhy');
    return false;
  }

  /** Keeps an answer and asks the next; "back" reopens the one before; the confirmation sends. */
  private async takeAnswer(step: WaterfallStepContext<MessageOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const field = messageFields.find((f) => !options[f]);
    const reader = typedAnswerReader(this.deps.strings);
    const said = field ? String(step.result).trim() : (step.result as FoundChoice).value;
    const { way, ...asked } = options;
    if (field ? reader.stepWord(said) === 'back' : said === BACK) {
      // "back" at "what number?" asks how to reach them again.
      return way ? step.replaceDialog(MESSAGE, asked) : this.backFrom(step, field);
    }
    if (field && saysAnyOf(this.deps.strings, 'handoff.dontKeepWords', said))
      return this.dontKeep(step, field);
    if (field === 'contact') return this.takeContact(step, options, said);
    // "Also, I am free mornings" where the message is asked again: added to its end, never replacing it.
    const kept = (field === 'message' && options.previous && this.addedTo(options.previous, said)) || said;
    if (field) return step.replaceDialog(MESSAGE, { ...options, [field]: kept } satisfies MessageOptions);
    if (said === 'handoff.changeMessage') {
      const typed = step.context.activity.text ?? '';
      const topic = takeOutRequestIn(this.deps.strings, typed);
      if (topic) return this.takeOut(step, options, topic);
      const tapped = foldAnswer(typed) === foldAnswer(this.deps.strings.text('handoff.changeMessage'));
      return (
        (!tapped && (await this.changePart(step, options, typed))) || step.replaceDialog(PART_STEPS, options)
      );
    }
    await this.saveMessage(step, options);
    return step.endDialog();
  }

  /**
   * An edit said in words at the preview (spoken-edit.ts): "the message is fine. the NAME is
   * wrong" asks the name again; "my name is wrong, it's Dee" or "just put Mike" sets it; "change
   * the message to ..." sets the message. The preview comes again after. Undefined when the words
   * name no part and give no name: then the person is asked which part.
   */
  private async changePart(
    step: WaterfallStepContext,
    options: MessageOptions,
    typed: string,
  ): Promise<DialogTurnResult | undefined> {
    const { strings } = this.deps;
    const edit = this.editIn(typed, options);
    if (edit.plain) return undefined;
    const value = edit.action === 'replace' || edit.action === 'add' ? edit.value : undefined;
    // "just put Mike": a few words of a name, with no part named, are the name.
    const name = value && !edit.part && !options.code ? (nicknameIn(strings, value) ?? value) : undefined;
    // "they can text 555-0199 too": a number or email, with no part named, is how to reach them.
    const reach = value && hasContactDetail(value) ? 'contact' : undefined;
    const field =
      (edit.part as MessageField | undefined) ?? reach ?? (name && this.isName(name) ? 'alias' : undefined);
    if (!field) return undefined;
    if (!value) return this.reopen(step, options, field);
    const kept =
      field === 'contact'
        ? edit.action === 'add' && options.contact
          ? strings.text('handoff.contactAdded', { contact: options.contact, added: value })
          : this.contactOf(value)
        : field === 'alias'
          ? (nicknameIn(strings, value) ?? value)
          : edit.action === 'add'
            ? `${options.message ?? ''} ${value}`.trim()
            : value;
    if (field === 'alias' && !this.isName(kept)) return this.reopen(step, options, field);
    return step.replaceDialog(MESSAGE, { ...options, [field]: kept } satisfies MessageOptions);
  }

  /**
   * `typed` added to the end of `previous` when it opens as an addition ("also ...", "and ...",
   * "add that ..."; the bare verb is dropped), or undefined: then it is the new message.
   */
  private addedTo(previous: string, typed: string): string | undefined {
    const folded = foldAnswer(typed);
    const opener = this.deps.strings
      .variants('handoff.addOpeners')
      .map(foldAnswer)
      .sort((a, b) => b.length - a.length)
      .find((words) => folded.startsWith(`${words} `));
    if (!opener) return undefined;
    const openerWords = opener.split(' ');
    const rest = typed.trim().split(/\s+/);
    const added = openerWords.includes('add') ? rest.slice(openerWords.length).join(' ') : typed.trim();
    return `${previous.trim()} ${added.charAt(0).toUpperCase()}${added.slice(1)}`;
  }

  /** An edit said in words, among the parts of this message that can change (a request's name cannot). */
  private editIn(typed: string, options: MessageOptions) {
    const { strings } = this.deps;
    return spokenEdit(
      strings,
      typed,
      this.changeable(options).map((field) => ({
        value: field,
        words: strings.variants(partWords[field]),
        now: options[field],
      })),
    );
  }

  private changeable(options: MessageOptions): MessageField[] {
    return messageFields.filter((field) => field !== 'alias' || !options.code);
  }

  /**
   * "Which part?" answered in words: a part's button or words, an edit said in words ("my name is
   * just Sam"), or a new message typed at once (its own words, as at the offer).
   */
  private async partOrEdit(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    // "nothing its fine. i asked if theyll answer tonight": the question is answered first, and
    // never taken as a new message.
    if (await this.answersAside(prompt)) return false;
    if (prompt.recognized.succeeded) return true;
    const text = prompt.context.activity.text ?? '';
    const edit = this.editIn(text, prompt.options.validations as MessageOptions);
    if (!edit.plain && (edit.part || edit.value)) {
      prompt.recognized.value = { value: EDIT, index: -1, score: 1, synonym: text };
      return true;
    }
    return this.keepsOwnWords(prompt);
  }

  /** A name to show the specialist: a few words, of the right shape. */
  private isName(text: string): boolean {
    return validAlias(text) && foldAnswer(text).split(' ').length <= MAX_ALIAS_WORDS;
  }

  /** "Change it": which part, as buttons, or typed (a part's words, or its new words). */
  private async askPart(step: WaterfallStepContext<MessageOptions>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const options = step.options;
    const parts = this.changeable(options).map((field) => ({
      value: field,
      action: {
        type: 'imBack',
        title: strings.text(partLabels[field]),
        value: strings.text(partLabels[field]),
      },
      synonyms: [strings.text(partLabels[field]), ...strings.variants(partWords[field])],
    }));
    const which: TypedPromptOptions = {
      prompt: strings.text('handoff.askWhichPart'),
      retryPrompt: strings.text('handoff.askWhichPartAgain'),
      // "send it", "keep it as it is": nothing to change, the preview again.
      choices: [
        ...parts,
        ...this.choices(['handoff.changePartNone'], {
          'handoff.changePartNone': strings.variants('handoff.changePartNoneWords'),
        }),
      ],
      style: ListStyle.suggestedAction,
      back: true,
      validations: options,
    };
    return step.prompt(PART, which);
  }

  /** The part picked is asked again (the message shown as it is); "nothing" shows the preview again. */
  private async takePart(step: WaterfallStepContext<MessageOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const picked = step.result as FoundChoice | undefined;
    const typed = step.context.activity.text ?? '';
    if (picked?.value === OWN_WORDS) {
      await this.acknowledgeOwnWords(step);
      return step.replaceDialog(MESSAGE, { ...options, message: picked.synonym } satisfies MessageOptions);
    }
    if (picked?.value === EDIT)
      return (await this.changePart(step, options, typed)) ?? step.replaceDialog(PART_STEPS, options);
    const field = messageFields.find((f) => f === picked?.value);
    if (!field) return step.replaceDialog(MESSAGE, options);
    const told = foldAnswer(typed) !== foldAnswer(this.deps.strings.text(partLabels[field]));
    return (told && (await this.changePart(step, options, typed))) || this.reopen(step, options, field);
  }

  /** `field` asked again, the others kept; the message being replaced is shown while it is typed. */
  private reopen(step: WaterfallStepContext, options: MessageOptions, field: MessageField) {
    const { [field]: dropped, ...rest } = options;
    return step.replaceDialog(MESSAGE, {
      ...rest,
      ...(field === 'message' ? { previous: dropped } : {}),
    } satisfies MessageOptions);
  }

  /**
   * How to reach them. "here is fine. actually can you delete what i said about drinking": the
   * first sentence answers, the rest takes that part out of the message, shown in the preview
   * before anything is sent. A way with no number or email ("phone. call me") asks for it once.
   */
  private async takeContact(
    step: WaterfallStepContext,
    options: MessageOptions,
    said: string,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { way, ...asked } = options;
    const [first = said, ...rest] = sentencesOf(said);
    const topic = rest.length > 0 ? takeOutRequestIn(strings, rest.join(' ')) : undefined;
    // "change how to reach me: text 555-0199": the way, less the words that name the step.
    const answer = withoutLead(strings, 'handoff.contactLeads', topic ? first : said);
    // "same as before": the way to reach them the request already has, phone number and all.
    const same = saysAnyOf(strings, 'handoff.sameContactWords', answer) ? options.previousContact : undefined;
    const contact = same ?? this.contactIn(step.context.activity, answer, way);
    if (contact === undefined) return step.replaceDialog(MESSAGE, { ...options, way: answer });
    if (contact === '') await step.context.sendActivity(strings.text('handoff.contactHereForNow'));
    const kept: MessageOptions = { ...asked, contact: contact || strings.text('handoff.thisChat') };
    return topic ? this.takeOut(step, kept, topic) : step.replaceDialog(MESSAGE, kept);
  }

  /** The part of the message `topic` names, taken out and shown in the preview; not found: the message again. */
  private async takeOut(
    step: WaterfallStepContext,
    options: MessageOptions,
    topic: readonly string[],
  ): Promise<DialogTurnResult> {
    const shorter = withoutPartAbout(options.message ?? '', topic);
    await step.context.sendActivity(
      this.deps.strings.text(shorter ? 'handoff.tookOut' : 'handoff.tookOutNothing'),
    );
    if (!shorter) return this.reopen(step, options, 'message');
    return step.replaceDialog(MESSAGE, { ...options, message: shorter });
  }

  /**
   * The contact to keep: this chat, or a number or email, with the way named before it. Undefined
   * when a way is named with neither ("phone. call me") and the channel knows no number (SMS
   * does: its user id is one); '' when it was asked for and still not given.
   */
  private contactIn(activity: Activity, answer: string, way: string | undefined): string | undefined {
    const { strings } = this.deps;
    const here = this.contactOf(answer);
    if (here !== answer) return here;
    const detail = hasContactDetail;
    const plain = (text: string) => text.replace(/[\s.,:;!]+$/, '');
    if (detail(answer)) return way ? `${plain(way)}: ${answer}` : answer;
    if (way) return '';
    // "Here in this chat is fine. I would rather not give my telephone number." is this chat.
    if (saysAnyOf(strings, 'handoff.thisChatWords', answer)) return answer;
    if (!saysAnyOf(strings, 'handoff.contactWays', answer)) return answer;
    const known = activity.channelId === 'sms' && detail(activity.from.id) ? activity.from.id : undefined;
    return known ? `${plain(answer)}: ${known}` : undefined;
  }

  /** "same as before", "here is fine": this chat, said plainly for the specialist. */
  private contactOf(said: string): string {
    const { strings } = this.deps;
    const here = strings.variants('handoff.thisChatWords').map(foldAnswer).includes(foldAnswer(said));
    return here ? strings.text('handoff.thisChat') : said;
  }

  /**
   * "dont keep that" at a step: at the message, nothing is kept and it is asked again; at another
   * step (Kim's question had been kept as her message), the message is taken out and asked again.
   */
  private async dontKeep(
    step: WaterfallStepContext<MessageOptions>,
    field: MessageField,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { message: kept, ...rest } = step.options;
    await step.context.sendActivity(strings.text(kept ? 'handoff.tookOutMessage' : 'handoff.notKept'));
    return step.replaceDialog(MESSAGE, (field === 'message' ? step.options : rest) satisfies MessageOptions);
  }

  /** Reopens the question before `field` (the confirmation's is the last), or the fallback choice. */
  private async backFrom(
    step: WaterfallStepContext<MessageOptions>,
    field: MessageField | undefined,
  ): Promise<DialogTurnResult> {
    const options = step.options;
    const at = field ? messageFields.indexOf(field) : messageFields.length;
    // The name of a request already made is fixed: it is not asked again.
    const previous = messageFields.slice(0, at).filter((f) => f !== 'alias' || !options.code);
    const reopen = previous[previous.length - 1];
    if (!reopen) return step.replaceDialog(FALLBACK, { code: options.code, alias: options.alias });
    const { [reopen]: _dropped, ...kept } = options;
    return step.replaceDialog(MESSAGE, kept satisfies MessageOptions);
  }

  /** Keeps the message with the request; a request is made now when nobody was on duty at first. */
  private async saveMessage(step: WaterfallStepContext, options: MessageOptions): Promise<void> {
    const text = options.message ?? '';
    const contact = options.contact ?? '';
    if (options.code) await this.handoff.leaveMessage(options.code, text, contact);
    else await this.request(step, options.alias ?? '', { leftMessage: { text, contact } });
    await step.context.sendActivity(this.deps.strings.text('handoff.messageLeft'));
  }

  /** Makes the request and tells a channel's own agent hub about it (handoff.initiate). */
  private async request(
    step: WaterfallStepContext,
    alias: string,
    extra: { summary?: string; leftMessage?: { text: string; contact: string } },
  ): Promise<{ code: string; anyoneOnDuty: boolean }> {
    const { context } = step;
    const made = await this.handoff.request({
      userKey: userStateKey(context.activity.channelId, context.activity.from.id),
      alias,
      reference: referenceWithTenant(
        TurnContext.getConversationReference(context.activity),
        context.activity,
      ),
      // The same for every request: what the person was doing is shared only in the summary.
      topic: this.deps.strings.text('features.handoff'),
      ...extra,
    });
    await context.sendActivity(
      EventFactory.createHandoffInitiation(context, {
        code: made.code,
        ...(extra.summary ? { summary: extra.summary } : {}),
      }),
    );
    return made;
  }

  /** The name question, with the person's nickname as a button when they chose one. */
  private async aliasPrompt(step: WaterfallStepContext) {
    const { strings, profile } = this.deps;
    const nickname = (await readProfile(profile, step.context)).nickname;
    return {
      prompt: strings.text('handoff.askAlias'),
      retryPrompt: strings.text('handoff.aliasRetry'),
      ...(nickname ? { choices: [nickname], style: ListStyle.suggestedAction } : {}),
    };
  }

  /** The fallback option a button label names (unknown text means carrying on). */
  private fallbackValue(label: string): StringKey {
    const keys = ['handoff.leaveMessage', 'handoff.crisisLines'] as const;
    return keys.find((key) => this.deps.strings.text(key) === label) ?? 'handoff.carryOn';
  }

  /** Buttons labelled by `keys` (their values), with more words that pick some of them. */
  private choices(keys: StringKey[], more: Partial<Record<StringKey, readonly string[]>> = {}) {
    const { strings } = this.deps;
    return keys.map((key) => ({
      value: key,
      action: { type: 'imBack', title: strings.text(key), value: strings.text(key) },
      synonyms: [strings.text(key), ...(more[key] ?? [])],
    }));
  }

  /**
   * A name of the right shape, but not "yes", "ok" or "idk": after "I want a real person", the
   * next message often answers the offer, not the name question, and is not a name to show;
   * nor is a question about it. "back" passes, for the step after to handle. Each miss is worded unlike the one before.
   */
  private async validAlias(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const { strings } = this.deps;
    const typed = prompt.recognized.value ?? '';
    const reader = typedAnswerReader(strings);
    if (reader.stepWord(typed) === 'back' || saysAnyOf(strings, 'handoff.dontKeepWords', typed)) return true;
    if (await this.answersAside(prompt)) return false;
    // "You can call me Dee", "K is fine": the name is what is kept and shown.
    const named = nicknameIn(strings, typed);
    const text = named ?? typed;
    prompt.recognized.value = text;
    const notName = named === undefined && reader.saysNothing(typed);
    // A question ("why do you need my name?") or a sentence is answered, not shown as a name.
    const words = foldAnswer(text).split(' ');
    const asks =
      /\?\s*$/.test(text) ||
      words.length > MAX_ALIAS_WORDS ||
      (words.length > 1 && strings.variants('handoff.questionWords').includes(words[0] ?? ''));
    const retry = notName ? 'handoff.aliasNotName' : asks ? 'handoff.aliasWhy' : 'handoff.aliasRetry';
    prompt.options.retryPrompt = strings.text(retry, {}, prompt.attemptCount - 1);
    return !notName && !asks && validAlias(text);
  }

  /**
   * A message or a way to reach them: their own words, not a filler ("ok", "idk"), nor a question
   * about the step ("why do you need that?"), which is answered before the question again; "back"
   * passes. Other questions stay words for the specialist ("can you help me find a job?").
   */
  private async validText(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const { strings } = this.deps;
    const text = prompt.recognized.value ?? '';
    const reader = typedAnswerReader(strings);
    // "that was a question for you, not a message. dont keep that": the step takes it out (takeAnswer).
    if (reader.stepWord(text) === 'back' || saysAnyOf(strings, 'handoff.dontKeepWords', text)) return true;
    const { retry, purpose } = (prompt.options.validations ?? {}) as {
      retry?: StringKey;
      purpose?: StringKey;
    };
    if (retry) prompt.options.retryPrompt = strings.text(retry, {}, prompt.attemptCount - 1);
    // Their words for the specialist may ask for someone tonight: kept, not answered with the lines.
    if (await this.answersAside(prompt, false)) return false;
    const about = questionToUs(strings, text);
    if (about && about !== 'other') {
      const asked = prompt.options.prompt;
      const question = typeof asked === 'string' ? asked : (asked?.text ?? '');
      const answer = sideAnswer(strings, about, purpose && strings.text(purpose));
      prompt.options.retryPrompt = `${answer}\n\n${question}`;
      return false;
    }
    return !reader.saysNothing(text);
  }

  /**
   * A question about the specialists asked at any step ("who are the peer specialists", "are they
   * real people", "will they answer tonight"): answered, then the step's question again; with
   * `lines`, an ask for a hotline or someone else tonight gets the crisis lines. True when answered
   * (the answer is the re-ask).
   */
  private async answersAside(prompt: PromptValidatorContext<unknown>, lines = true): Promise<boolean> {
    const { strings, crisisResources } = this.deps;
    const text = prompt.context.activity.text ?? '';
    const options = prompt.options as PromptOptions & { beforeAside?: PromptOptions['retryPrompt'] };
    const about = specialistQuestion(strings, text);
    // When nobody is on duty, the answer says so: no promise of tonight.
    const key =
      about === 'handoff.howLong' && !(await this.handoff.anyoneOnDuty()) ? 'handoff.howLongNobody' : about;
    const list = crisisLinesText(strings, crisisResources);
    // Asked again right after the list: a short line, not the whole list twice.
    const listed = (prompt.state as { last?: string }).last?.startsWith(list);
    // "do you keep what I type or not": what is kept, who sees it ("delete what i said about X"
    // takes that part out of the message instead).
    const privacy = questionToUs(strings, text) === 'whoReads';
    const answer = key
      ? strings.text(key)
      : privacy
        ? // "would my manager or HR see it. yes or no" (Kim): the plain answer, not only who sees it.
          [employerAnswer(strings, prompt.context.activity), sideAnswer(strings, 'whoReads')]
            .filter(Boolean)
            .join('\n\n')
        : lines && wantsLinesNow(strings, text)
          ? listed
            ? strings.text('handoff.linesAgain')
            : list
          : undefined;
    // The step's own re-ask comes back after an answered aside: the answer is not said twice.
    if (!answer) {
      if ('beforeAside' in options) options.retryPrompt = options.beforeAside;
      return false;
    }
    if (!('beforeAside' in options)) options.beforeAside = options.retryPrompt;
    const asked = options.prompt;
    const question = typeof asked === 'string' ? asked : (asked?.text ?? '');
    options.retryPrompt = `${answer}\n\n${question}`;
    return true;
  }

  /** An option, or a miss whose re-ask answers a question about the specialists first. */
  private async pickOrAside(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    await this.answersAside(prompt);
    return false;
  }

  /** Its own buttons say where this goes next. */
  protected override switchesTopics(): boolean {
    return false;
  }
}

/**
 * The words after a yes at the offer to leave a message, when they are a message (a few words or
 * more), with a name said in its last sentence ("name is ray") taken out as the name to show.
 */
function messageAfterYes(strings: Strings, text: string): { message: string; alias?: string } | undefined {
  const [, ...rest] = sentencesOf(text);
  // "ugh ok. ill leave one" is the yes said twice: a message runs longer than that.
  if (foldAnswer(rest.join(' ')).split(' ').length < MIN_MESSAGE_WORDS) return undefined;
  const last = rest.at(-1) ?? '';
  const lead = strings
    .variants('handoff.nameInMessageLeads')
    .map(foldAnswer)
    .find((words) => new RegExp(`^${words} \\S+$`).test(foldAnswer(last)));
  const alias = lead && foldAnswer(last).slice(lead.length + 1);
  const words = alias && validAlias(alias) ? rest.slice(0, -1) : rest;
  const message = words.join(' ').trim();
  if (!message) return undefined;
  return alias && validAlias(alias)
    ? { message, alias: alias.charAt(0).toUpperCase() + alias.slice(1) }
    : { message };
}

/** `text` less a lead of the list `key` that opens it ("change how to reach me: ..."). */
function withoutLead(strings: Strings, key: StringKey, text: string): string {
  const folded = foldAnswer(text);
  const lead = strings
    .variants(key)
    .map(foldAnswer)
    .find((words) => folded.startsWith(`${words} `));
  if (!lead) return text;
  const words = lead.split(' ').length;
  return (
    text
      .trim()
      .split(/\s+/)
      .slice(words)
      .join(' ')
      .replace(/^[\s:,.-]+/, '') || text
  );
}

/** True when `text` holds a phone number (four digits or more) or an email address. */
function hasContactDetail(text: string): boolean {
  return (text.match(/\d/g)?.length ?? 0) >= 4 || /\S@\S+\.\S/.test(text);
}

/** An alias is 1-40 characters with no markup or control characters. */
function validAlias(text: string): boolean {
  const value = text.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  return value.length > 0 && value.length <= MAX_ALIAS && !/[\u0000-\u001f\u007f<>[\]()*_`]/.test(value);
}

/**
 * True when `text` asks for a hotline or someone else now, and does not turn one down: "i dont
 * want a crisis line i just want to talk to an actual peer" (Sam) got the whole list of lines.
 */
export function wantsLinesNow(strings: Strings, text: string | undefined): boolean {
  return (
    saysAnyOf(strings, 'handoff.linesNowWords', text) && !saysAnyOf(strings, 'handoff.noLinesWords', text)
  );
}

/** True when `text` asks for someone to talk to now or tonight, or for a hotline. */
export function needsSomeoneNow(strings: Strings, text: string): boolean {
  return saysAnyOf(strings, 'handoff.needsNowWords', text);
}

/** Words that ask about the specialists, with their answers, the more particular first. */
const specialistAnswers: ReadonlyArray<[StringKey, StringKey]> = [
  ['handoff.whoTheyWorkForWords', 'handoff.whoTheyWorkFor'],
  ['handoff.whoReadsItWords', 'handoff.whoReadsIt'],
  ['handoff.whoTheyAreWords', 'handoff.whoTheyAre'],
  ['handoff.closeItWords', 'handoff.closeIt'],
  ['handoff.howLongWords', 'handoff.howLong'],
];

/**
 * The answer to a question about the specialists in `text`: a sentence that asks ("?", or opens
 * as a question) and names who they are or how long it takes. "I don't know how long I can keep
 * going" asks nothing: it stays words for the specialist.
 */
export function specialistQuestion(strings: Strings, text: string): StringKey | undefined {
  const openers = strings.variants('handoff.asideOpeners').map(foldAnswer);
  for (const sentence of sentencesOf(text)) {
    const folded = foldAnswer(sentence);
    // "and the peer person, are they a real nurse or what": a question can open after a comma.
    const asks =
      sentence.trim().endsWith('?') ||
      sentence.split(',').some((part) => openers.some((words) => foldAnswer(part).startsWith(`${words} `)));
    if (!asks) continue;
    // "are the peer people hospital employees? like could they know my coworkers" (Kim, a nurse);
    // "who will read this, one person or a bunch"; "will they msg me here if i close this" (Sam).
    const answer = specialistAnswers.find(([words]) => saysAnyOf(strings, words, folded));
    if (answer) return answer[1];
  }
  return undefined;
}
