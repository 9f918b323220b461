import type { TurnContext } from 'botbuilder';
import {
  type DialogContext,
  type DialogReason,
  type DialogTurnResult,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { choicesActivity } from '../src/channels/choice-buttons.js';
import type { SpanishStrings } from '../src/content/content.js';
import type { AdviceRequestDetector } from '../src/language/advice-requests.js';
import { asideAnswers, asideIn } from '../src/language/asides.js';
import type { DialogCommand, GlobalCommand } from '../src/language/commands.js';
import { type FeatureIntent, hasRequestCue, isFeatureIntent, thresholds } from '../src/language/routing.js';
import {
  learnedConcern,
  learnedDanger,
  mentionsOverdose,
  type SafetyResult,
} from '../src/language/safety/safety-classifier.js';
import { foldAnswer, sentencesOf, typedAnswerReader } from '../src/language/typed-answer.js';
import { turnSignal } from '../src/platform/turn-signal.js';
import { adviceReply } from '../src/safety/advice-reply.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { dialogLevels, leafOf } from './dialog-levels.js';
import type { HandoffDialogOptions } from './handoff-dialog.js';
import { InterruptibleDialog, sendHelp } from './interruptible-dialog.js';
import { OpenAnswerPrompt } from './open-answer-prompt.js';
import { SAFETY_PLAN_DIALOG_ID, type SafetyPlanOptions } from './safety-plan-dialog.js';
import {
  type ConcernOpening,
  type SafetyButton,
  type SafetyLanguage,
  SafetyReplies,
} from './safety-replies.js';

/** What the safety gate found, as the dialog needs it. */
export interface SafetyDialogOptions {
  level: 'danger' | 'concern';
  /** False when the words only hint at danger: the dialog asks before treating it as one. */
  explicit: boolean;
  /** An overdose or someone not breathing: the overdose reply comes at once, whatever else. */
  overdose: boolean;
  /** 'es': the person wrote in Spanish; the reply is in Spanish (see SafetyResult.language). */
  language?: 'es';
  /** A concern that asked for something too ("so scared, find me a group"): started after the reply. */
  request?: FeatureIntent;
  /** Only the learned layer heard danger, no rule did: a clear "no" to the check-in outweighs it. */
  learnedOnly?: boolean;
}

/** How the dialog starts: the gate's finding and the guided conversation it paused, if any. */
interface SafetyStart extends SafetyDialogOptions {
  paused?: FeatureIntent;
  /**
   * The message that opened the check-in when it answered an open question and no rule, only the
   * learned layer, heard danger in it: after a clear "no" it is that question's answer, not lost.
   */
  answer?: string;
}

/** How the check-in ends after a clear "no": with the answer it held, if any (see SafetyStart). */
interface CheckInResult {
  answer?: string;
}

/** What an open reply remembers between turns (the options of its waterfall). */
interface SafetyFlow {
  overdose: boolean;
  language: SafetyLanguage;
  /** Follow-ups so far: each picks the next wording, so no reply is sent twice in a row. */
  round: number;
  /** Asking for this again goes back to it instead of starting it over. */
  paused?: FeatureIntent;
  /** What the concern message asked for, done right after the reply. */
  request?: FeatureIntent;
  /** Help came after an overdose: the emergency is over, and what the person feels now is met. */
  aftermath?: boolean;
  /** The answer the concern reply came between (see SafetyStart.answer): given after a "no". */
  answer?: string;
}

const ENTRY = 'safetyEntry';
const DANGER = 'safetyDanger';
const CONCERN = 'safetyConcern';

/** The questions the dialog asks, one prompt id each, so the bot can tell which one is open. */
export type SafetyQuestion = 'checkIn' | 'danger' | 'overdose' | 'concern';
const CHECK_IN = 'safetyCheckIn';
const CHOICE = 'safetyChoice';
const OVERDOSE_CHOICE = 'safetyOverdoseChoice';
const CONCERN_CHOICE = 'safetyConcernChoice';
const questions = new Map<string, SafetyQuestion>([
  [CHECK_IN, 'checkIn'],
  [CHOICE, 'danger'],
  [OVERDOSE_CHOICE, 'overdose'],
  [CONCERN_CHOICE, 'concern'],
]);

const checkInButtons: readonly SafetyButton<'yes' | 'no'>[] = [
  ['yes', 'safety.confirmYes'],
  ['no', 'safety.confirmNo'],
];
const planButton: SafetyButton<'plan'> = ['plan', 'safety.myPlan', 'safety.planWords'];
const dangerButtons: readonly SafetyButton<'person' | 'lines' | 'plan' | 'back' | 'menu'>[] = [
  ['person', 'safety.talkToPerson', 'safety.personWords'],
  ['lines', 'safety.showLines', 'safety.linesWords'],
  ['back', 'safety.goBack', 'safety.backWords'],
  ['menu', 'safety.toMenu'],
  // Last, so a number typed for the other buttons still picks the same one.
  planButton,
];
const concernButtons: readonly SafetyButton<'person' | 'plan' | 'back'>[] = [
  ['person', 'safety.talkToPerson', 'safety.personWords'],
  ['back', 'safety.keepGoing', 'safety.backWords'],
  planButton,
];
/** On a card, so they stay in sight while the request that came with the concern goes on. */
const carriedButtons: readonly SafetyButton<'person' | 'plan'>[] = [
  ['person', 'safety.talkToPerson', 'safety.personWords'],
  planButton,
];

const flaggedMessage = turnSignal<SafetyDialogOptions>('safetyFlagged');

/** The gate's finding for a message it flagged (danger or concern), as the dialog's options. */
export function safetyOptionsFor(result: SafetyResult): SafetyDialogOptions {
  return {
    level: result.level === 'danger' ? 'danger' : 'concern',
    explicit: result.explicit,
    overdose: mentionsOverdose(result),
    ...(result.language ? { language: result.language } : {}),
    ...(result.signals.length > 0 &&
    result.signals.every((signal) => signal === learnedDanger || signal === learnedConcern)
      ? { learnedOnly: true }
      : {}),
  };
}

/**
 * Opens the safety reply above whatever is active (which waits, not lost), or, when a reply is
 * already open, hands it this flagged message, so it answers knowing what it has said already.
 */
export async function pauseForSafety(
  dc: DialogContext,
  options: SafetyDialogOptions,
): Promise<DialogTurnResult> {
  if (dc.activeDialog?.id === DialogIds.safety) {
    flaggedMessage.set(dc.context, options);
    const result = await dc.continueDialog();
    // Heard once: a command that came in the same message is then taken as typed after the reply.
    flaggedMessage.clear(dc.context);
    return result;
  }
  const start: SafetyStart = { ...options, paused: pausedFeature(dc), answer: heldAnswer(dc, options) };
  return dc.beginDialog(DialogIds.safety, start);
}

/**
 * This turn's message, when it answers an open question and only the learned layer flagged it: a
 * hint of danger (the check-in) or a concern ("I want to feel like myself again", the reason to
 * taper) in a guided conversation.
 */
function heldAnswer(dc: DialogContext, options: SafetyDialogOptions): string | undefined {
  const checkIn = options.level === 'danger' && !options.explicit && !options.overdose;
  const concern = options.level === 'concern' && pausedFeature(dc) !== undefined;
  const held = (checkIn || concern) && options.learnedOnly && dc.activeDialog;
  return held ? dc.context.activity.text : undefined;
}

/** The safety question open in this conversation, if any. */
export function openSafetyQuestion(dc: DialogContext): SafetyQuestion | undefined {
  const id = leafOf(dc).activeDialog?.id;
  return id === undefined ? undefined : questions.get(id);
}

/** The innermost guided conversation running in `dc`. */
function pausedFeature(dc: DialogContext): FeatureIntent | undefined {
  let found: FeatureIntent | undefined;
  for (const { dialog } of dialogLevels(dc))
    if (dialog instanceof InterruptibleDialog) found = dialog.guides() ?? found;
  return found;
}

function flaggedIn(context: TurnContext): SafetyDialogOptions | undefined {
  return flaggedMessage.get(context);
}

function flowOf(options: SafetyStart, round = 0): SafetyFlow {
  const { overdose, language, paused, request, answer } = options;
  return { overdose, language: language ?? 'en', round, paused, request, answer };
}

/** Danger that only the learned layer heard, as a hint: no rule, no words said outright. */
function learnedHintOnly(flagged: SafetyDialogOptions): boolean {
  return flagged.learnedOnly === true && !flagged.explicit;
}

function pickedIn(step: WaterfallStepContext): string | undefined {
  return (step.result as FoundChoice | undefined)?.value;
}

/**
 * Crisis and concern replies, above whatever dialog was active (which is paused, not lost).
 * An overdose gets 911 and the overdose steps at once, on purpose or not; other danger gets 911,
 * 988, a person and one safety step; a hint of danger is checked first, and only a clear "no" is
 * taken as safe. Concern is acknowledged once with a person offered, then the person leads.
 * Spanish in, Spanish out (the rest of the coach is English, and the reply says so).
 */
export class SafetyDialog extends InterruptibleDialog {
  private readonly replies: SafetyReplies;

  /**
   * `advice` finds a medical or legal question in the answer a check-in held ("Should I stop my
   * medication so I fit in?"): declined and handed back, as it would have been without the check-in.
   */
  constructor(
    deps: DialogDeps,
    spanish: SpanishStrings,
    private readonly advice?: Pick<AdviceRequestDetector, 'detect'>,
  ) {
    super(DialogIds.safety, deps);
    this.replies = new SafetyReplies(deps.strings, spanish, deps.crisisResources);
    for (const id of questions.keys()) this.addDialog(new OpenAnswerPrompt(id, deps.strings));
    this.addDialog(
      new WaterfallDialog<SafetyStart>(ENTRY, [this.open.bind(this), this.afterCheckIn.bind(this)]),
    )
      .addDialog(new WaterfallDialog<SafetyFlow>(DANGER, [this.offer.bind(this), this.act.bind(this)]))
      .addDialog(
        new WaterfallDialog<SafetyFlow>(CONCERN, [this.acknowledge.bind(this), this.answer.bind(this)]),
      );
    this.initialDialogId = ENTRY;
  }

  /** An overdose or explicit danger: the reply at once. A hint: the check-in. Concern: its reply. */
  private async open(step: WaterfallStepContext<SafetyStart>): Promise<DialogTurnResult> {
    const start = step.options;
    const flow = flowOf(start);
    if (start.overdose || (start.level === 'danger' && start.explicit)) return this.dangerReply(step, flow);
    if (start.level === 'concern') return step.replaceDialog(CONCERN, flow);
    return step.prompt(CHECK_IN, {
      prompt: this.replies.text(flow.language, 'safety.confirm'),
      retryPrompt: this.replies.text(flow.language, 'safety.confirm', 1),
      choices: this.replies.choices(flow.language, checkInButtons),
      style: ListStyle.suggestedAction,
    });
  }

  /**
   * Only a clear "no" is safe; yes, unsure, silence or danger words get the crisis reply. A "no, I'm
   * safe" whose other words only the learned layer finds risky ("i just mean it's hard to understand
   * them") is the person's answer to a direct question, and it stands; any rule's finding does not.
   */
  private async afterCheckIn(step: WaterfallStepContext<SafetyStart>): Promise<DialogTurnResult> {
    const start = step.options;
    const flagged = flaggedIn(step.context);
    const answerStands = flagged?.level !== 'danger' || learnedHintOnly(flagged);
    const text = step.context.activity.text ?? '';
    if (answerStands && this.replies.isClearNo(text)) {
      const { language } = flowOf(start);
      signals.answeredSafe.set(step.context, true);
      await step.context.sendActivity(this.replies.text(language, 'safety.safeThanks'));
      // "What made you ask that?": a short, honest reason, so the question does not read as blame.
      if (this.replies.isWhyAsked(text))
        await step.context.sendActivity(this.replies.text(language, 'safety.whyAsked'));
      // "No, I'm safe. I meant delete my data.": what the check-in came between is done now.
      if (this.laterCommand(text) === 'deleteData') return step.replaceDialog(DialogIds.deleteData);
      return this.release(step, start.answer);
    }
    // The answer the check-in held stays held: "I said I'm safe" after the reply still gives it.
    const flow = flowOf(flagged ? { ...flagged, paused: start.paused, answer: start.answer } : start);
    return this.dangerReply(step, flow);
  }

  /**
   * The check-in ends, the answer it held (if any) going to the question it answered; one that
   * asks for medical or legal advice is declined and handed back first, and the question is
   * asked again (a flow's question never takes "should I stop my medication?" as its answer).
   */
  private async release(step: WaterfallStepContext, answer?: string): Promise<DialogTurnResult> {
    const kind = answer === undefined ? undefined : this.advice?.detect(answer);
    if (answer === undefined || kind === undefined) return step.endDialog({ answer } satisfies CheckInResult);
    // Handed back in the words of the sentence that asks it, not the "I see." around it.
    const asked = sentencesOf(answer).find((sentence) => this.advice?.detect(sentence) === kind);
    await step.context.sendActivity(adviceReply(this.deps.strings, kind, asked ?? answer));
    return step.endDialog();
  }

  /**
   * A command in a sentence after the answer ("No, I'm safe. I meant delete my data."), with the
   * lead that says what was meant ("I meant", "i just said") set aside.
   */
  private laterCommand(text: string): GlobalCommand | undefined {
    const leads = this.deps.strings.variants('smallTalk.goodbyeMeant').map(foldAnswer);
    for (const sentence of sentencesOf(text).slice(1)) {
      const folded = foldAnswer(sentence);
      const lead = leads.find((words) => folded.startsWith(`${words} `));
      const command = this.deps.commands.recognize(lead ? folded.slice(lead.length + 1) : folded);
      if (command) return command;
    }
    return undefined;
  }

  private async dangerReply(step: WaterfallStepContext, flow: SafetyFlow): Promise<DialogTurnResult> {
    for (const text of this.replies.danger(flow.language, flow.overdose))
      await step.context.sendActivity(text);
    return step.replaceDialog(DANGER, flow);
  }

  /** The buttons after a danger reply: a person, the lines, back, the menu. */
  private async offer(step: WaterfallStepContext<SafetyFlow>): Promise<DialogTurnResult> {
    const { overdose, language, round } = step.options;
    return step.prompt(overdose ? OVERDOSE_CHOICE : CHOICE, {
      prompt: this.replies.text(language, 'safety.choicePrompt', round),
      retryPrompt: this.replies.text(language, 'safety.choicePrompt', round + 1),
      choices: this.replies.choices(language, dangerButtons),
      style: ListStyle.suggestedAction,
    });
  }

  /**
   * After a danger reply: another crisis message gets the reply again, shorter; after an overdose,
   * help come is acknowledged once, without the steps; a button or a request is carried out
   * (safety came first); anything else gets a kind word, or after an overdose one line that keeps
   * the essentials (911, stay with them, naloxone), answering what it can ("he's still not waking
   * up", "should i give him water": the dispatcher), the whole steps only when asked for ("what do
   * I do"), so they never come a third time unasked; an overdose told in the past ("last year i
   * overdosed and my friend narcanned me") is a story, not the emergency starting over.
   */
  private async act(step: WaterfallStepContext<SafetyFlow>): Promise<DialogTurnResult> {
    const flow = step.options;
    const next: SafetyFlow = { ...flow, round: flow.round + 1 };
    const flagged = flaggedIn(step.context);
    const say = (text: string) => step.context.sendActivity(text);
    // Help has come after the overdose steps ("ems is here", "they gave her narcan, she's awake"):
    // the steps are not said again. Other danger in the same words still gets its reply.
    const text = step.context.activity.text ?? '';
    if (flow.overdose && (!flagged || flagged.overdose) && this.replies.isHelpCame(text)) {
      const language = flagged?.language ?? flow.language;
      await say(this.replies.helpCame(language));
      // Still the danger buttons (a person, the plan...); a new overdose message gets the steps again.
      return step.replaceDialog(DANGER, { ...next, language, overdose: false, aftermath: true });
    }
    // "no one overdosed. i was practicing. go back": believed, with the one thing to keep in mind,
    // and back; a naloxone question asked with it ("i mean next time. where do i get narcan") is
    // answered as it is anywhere else, not sent to a 911 dispatcher.
    if (flow.overdose && this.replies.isOverdoseDenied(text)) {
      const language = flagged?.language ?? flow.language;
      await say(this.replies.text(language, 'safety.overdoseDenied'));
      if (asideIn(this.deps.strings, text, 'flow') === 'naloxone') {
        await say(this.deps.strings.text(asideAnswers.naloxone));
      }
      return this.back(step, language);
    }
    // "will i get in trouble if i call? theres stuff here": answered (call anyway; the law
    // varies by state, no promise), since the fear is what keeps people from calling.
    if (flow.overdose && this.replies.isTroubleQuestion(text)) {
      const language = flagged?.language ?? flow.language;
      await say(this.replies.text(language, 'safety.goodSamaritan'));
      return step.replaceDialog(DANGER, { ...next, language, overdose: true });
    }
    // "should i do the second one": the answer first (the steps' own words), not the steps again.
    if (flow.overdose && this.replies.isSecondDoseQuestion(text)) {
      const language = flagged?.language ?? flow.language;
      await say(this.replies.text(language, 'safety.secondDose'));
      return step.replaceDialog(DANGER, { ...next, language, overdose: true });
    }
    // "i have narcan. do i spray it now??": yes, first, with the next step (not the whole block).
    if (flow.overdose && this.replies.isNaloxoneQuestion(text)) {
      const language = flagged?.language ?? flow.language;
      await say(this.replies.text(language, 'safety.naloxoneNow'));
      return step.replaceDialog(DANGER, { ...next, language, overdose: true });
    }
    // "hes on his side now. should i call": yes, before anything else, then the steps.
    if (flow.overdose && this.replies.isCallQuestion(text)) {
      const language = flagged?.language ?? flow.language;
      const steps = this.replies.text(language, 'safety.stepOverdose');
      await say(`${this.replies.text(language, 'safety.callYes')}\n\n${steps}`);
      return step.replaceDialog(DANGER, { ...next, language, overdose: true });
    }
    // "will he od again when it wears off": answered, not the steps a third time.
    if (this.replies.isWearOffQuestion(text) && (!flagged || flagged.overdose)) {
      const language = flagged?.language ?? flow.language;
      await say(this.replies.text(language, 'safety.wearOff'));
      return step.replaceDialog(DANGER, { ...next, language });
    }
    // Told, not asked, before help is there: the one step that fits, not the block again.
    // "hes kinda moaning now" is a good sign, still watched; "theyre coming. hes breathing kinda
    // slow" is the emergency until they arrive.
    if (flow.overdose && (!flagged || flagged.overdose)) {
      const key = this.replies.isResponding(text)
        ? 'safety.overdoseResponding'
        : this.replies.isHelpComing(text)
          ? 'safety.helpComing'
          : undefined;
      if (key) {
        const language = flagged?.language ?? flow.language;
        await say(this.replies.text(language, key));
        return step.replaceDialog(DANGER, { ...next, language, overdose: true });
      }
    }
    // Mid-overdose, after the steps: the whole steps again only when asked for ("what do i do",
    // "steps again", "help"); what can be answered in one line is ("i cant find the narcan").
    // A hint the gate heard in it ("is he gonna die", "hes making weird noises") is the same
    // emergency, and so is the fear for their life a rule reads as danger ("se va a morir?").
    const answer = this.replies.overdoseAnswer(text);
    const aboutOverdose = !flagged || flagged.overdose || !flagged.explicit || answer === 'safety.survival';
    if (flow.overdose && aboutOverdose && !signals.toldAsPast.get(step.context)) {
      const language = flagged?.language ?? flow.language;
      const steps = this.replies.isStepsAsked(text) || this.commandIn(step) === 'help';
      if (steps || answer) {
        await say(
          answer && !steps
            ? this.replies.text(language, answer)
            : this.replies.again(language, true, flow.round),
        );
        return step.replaceDialog(DANGER, { ...next, language, overdose: true });
      }
    }
    // After help came, being shaken or using again is met once as a concern, then the person
    // leads; words a rule reads as danger, or a new overdose, still get the danger reply.
    if (flagged && flow.aftermath && !flagged.overdose) {
      if (flagged.level === 'concern' || learnedHintOnly(flagged)) {
        const language = flagged.language ?? flow.language;
        return step.replaceDialog(CONCERN, { ...next, round: 0, language, request: flagged.request });
      }
    }
    if (flagged) {
      // Once someone may have overdosed, that stays the emergency; once its steps were given, one
      // line keeps their essentials (danger of another kind gets its own short reply first).
      const now: SafetyFlow = {
        ...next,
        language: flagged.language ?? 'en',
        overdose: flow.overdose || flagged.overdose,
      };
      if (flow.overdose) {
        const line = this.replies.overdoseLine(now.language, text, flow.round);
        const first = aboutOverdose ? [] : [this.replies.again(now.language, false, flow.round)];
        await say([...first, line].join('\n\n'));
      } else await say(this.replies.again(now.language, now.overdose, flow.round));
      return step.replaceDialog(DANGER, now);
    }
    switch (pickedIn(step)) {
      case 'back':
        return this.back(step, flow.language);
      case 'menu':
        return this.onLeave(step, 'menu');
      case 'person':
        return this.toPerson(step, flow);
      case 'lines':
        await say(this.replies.linesText(flow.language));
        return step.replaceDialog(DANGER, next);
      case 'plan':
        return this.toPlan(step);
    }
    // "I am not in any danger. I said I am safe.": the reply misread a person who had answered
    // the check-in; believed, thanked, and back to what they asked (no safety plan pushed on them).
    if (!flow.overdose && this.replies.isSafeRestated(text)) {
      signals.answeredSafe.set(step.context, true);
      await say(this.replies.text(flow.language, 'safety.safeThanks'));
      return this.release(step, flow.answer);
    }
    // "I'm safe now" after an overdose reply may be about the one helping: the steps stand.
    if (!flow.overdose && this.replies.isSafeNow(text)) {
      return this.safeNow(step, flow.language);
    }
    const request = await this.request(step, flow);
    if (request) return request;
    await say(
      flow.overdose && !signals.toldAsPast.get(step.context)
        ? this.replies.overdoseLine(flow.language, text, flow.round)
        : this.replies.text(flow.language, 'safety.stillHere', flow.round),
    );
    return step.replaceDialog(DANGER, next);
  }

  /**
   * The concern reply, as a question whose buttons are a person or carrying on. When the message
   * also asked for something, that is the answer to "or we can keep going": the reply offers a
   * person and the plan on a card, and what was asked for starts at once.
   */
  private async acknowledge(step: WaterfallStepContext<SafetyFlow>): Promise<DialogTurnResult> {
    const { language, round, request, paused, aftermath } = step.options;
    const text = step.context.activity.text ?? '';
    const variant = text.length;
    // Using again is met without judgement, with what fits (a group, the helpline, a person); the
    // shock after helping someone through an overdose is acknowledged, once.
    const opening: ConcernOpening | undefined = this.replies.isUsingAgain(text)
      ? 'safety.usingAgain'
      : aftermath && round === 0
        ? 'safety.aftermath'
        : undefined;
    if (request) {
      const buttons = choicesActivity(
        step.context.activity.channelId,
        this.replies.choices(language, carriedButtons),
        '',
        ListStyle.heroCard,
      );
      await step.context.sendActivity({
        ...buttons,
        text: this.replies.concernCarried(language, round, variant, opening),
      });
      return request === paused ? this.back(step, language) : this.switchTo(step, request);
    }
    return step.prompt(CONCERN_CHOICE, {
      prompt: this.replies.concern(language, round, variant, opening),
      retryPrompt: this.replies.concern(language, round + 1, variant),
      choices: this.replies.choices(language, concernButtons),
      style: ListStyle.suggestedAction,
    });
  }

  /**
   * After the concern reply the person leads: a person, carrying on, or a request, done at once.
   * Danger words now get the danger path; concern again a shorter reply; anything else a brief
   * word, then the paused question again. Never a loop. A second worried message that only the
   * learned layer calls danger is concern again: people who just said they are struggling say more
   * of it ("I already said, focus. I can't focus"), and were asked if they meant to hurt themselves.
   */
  private async answer(step: WaterfallStepContext<SafetyFlow>): Promise<DialogTurnResult> {
    const flow = step.options;
    const heard = flaggedIn(step.context);
    // "im ok. my brother is coming over. keep going": an "I'm ok" first that only the learned
    // layer reads more into is the answer to the reply, not another worry.
    const first = sentencesOf(step.context.activity.text ?? '')[0] ?? '';
    const okFirst = heard !== undefined && learnedHintOnly(heard) && this.replies.isClearNo(first);
    const flagged = okFirst ? undefined : heard;
    const dangerWords = flagged?.level === 'danger' && !learnedHintOnly(flagged);
    if (dangerWords || flagged?.overdose) {
      return step.replaceDialog(ENTRY, { ...flagged, paused: flow.paused } satisfies SafetyStart);
    }
    // The concern came between a question and its answer, and only the learned layer heard it:
    // "no", "i'm fine", "keep going", "skip" or the same words again let the answer through.
    const text = step.context.activity.text ?? '';
    const picked = pickedIn(step);
    if (flow.answer !== undefined && this.answerStands(step, flow, flagged)) {
      await step.context.sendActivity(this.replies.text(flow.language, 'safety.backAgain'));
      return step.endDialog({ answer: flow.answer } satisfies CheckInResult);
    }
    if (flagged) {
      return step.replaceDialog(CONCERN, {
        ...flow,
        language: flagged.language ?? 'en',
        round: flow.round + 1,
        request: flagged.request,
      });
    }
    // "Would it help to talk with a person?": a yes is a person, a no is carrying on.
    if (picked === 'person' || this.replies.isClearYes(text)) return this.toPerson(step, flow);
    if (picked === 'plan') return this.toPlan(step);
    // "no. i told you im safe. im just sad": heard, and back to what was paused; no plan pushed.
    if (this.replies.isSafeRestated(text)) {
      await step.context.sendActivity(this.replies.text(flow.language, 'safety.concernNoted', flow.round));
      return step.endDialog();
    }
    if (this.replies.isSafeNow(text)) return this.safeNow(step, flow.language);
    // After an overdose the person helped with, "im ok. that couldve been me" is heard: support
    // for themselves is named, not only the way back.
    if (flow.aftermath && picked !== 'back') {
      const request = await this.request(step, flow);
      if (request) return request;
      await step.context.sendActivity(this.replies.text(flow.language, 'safety.aftermathNoted'));
      return step.endDialog();
    }
    if (picked === 'back' || this.replies.isClearNo(text)) return this.back(step, flow.language);
    const request = await this.request(step, flow);
    if (request) return request;
    await step.context.sendActivity(this.replies.text(flow.language, 'safety.concernNoted', flow.round));
    return step.endDialog();
  }

  /**
   * After a concern reply that holds an answer: whether this reply lets it through. A "no" opens
   * the reply ("No, I'm fine, that's just my reason. Can we keep going?"), or it asks to go on
   * with what was paused.
   */
  private answerStands(step: WaterfallStepContext, flow: SafetyFlow, flagged?: SafetyDialogOptions): boolean {
    const text = step.context.activity.text ?? '';
    if (flagged) return learnedHintOnly(flagged) && foldAnswer(text) === foldAnswer(flow.answer ?? '');
    const recognition = signals.recognition.get(step.context);
    const resumes =
      recognition !== undefined &&
      recognition.intent === flow.paused &&
      recognition.score >= thresholds.route;
    const skip = typedAnswerReader(this.deps.strings).stepWord(text) === 'skip';
    const no = this.replies.isClearNo(sentencesOf(text)[0] ?? text) || this.replies.isSafeNow(text);
    return pickedIn(step) === 'back' || skip || no || resumes;
  }

  /**
   * A clear request for a guided conversation, carried out at once (it answers the reply's "or we
   * can keep going"): the paused one is taken up again, a person asked for, or the topic started.
   */
  private async request(step: WaterfallStepContext, flow: SafetyFlow): Promise<DialogTurnResult | undefined> {
    const intent = this.askedFor(step.context);
    if (intent === undefined) return undefined;
    if (intent === flow.paused) return this.back(step, flow.language);
    if (intent === 'handoff') return this.toPerson(step, flow);
    // After an overdose, a request with how it felt ("find me a group. tonight scared me"): the
    // feeling is met once, and what was asked for starts.
    if (flow.aftermath) return step.replaceDialog(CONCERN, { ...flow, round: 0, request: intent });
    return this.switchTo(step, intent);
  }

  /**
   * The guided conversation a message asks for: one the recognizer is sure of, or a likely one
   * worded as a request ("can u find me like a group or something. ... tonight scared me").
   */
  private askedFor(context: TurnContext): FeatureIntent | undefined {
    const recognition = signals.recognition.get(context);
    if (!recognition || !isFeatureIntent(recognition.intent)) return undefined;
    const asked =
      recognition.score >= thresholds.switchAsk && hasRequestCue(this.deps.strings, context.activity.text);
    return recognition.score >= thresholds.route || asked ? recognition.intent : undefined;
  }

  /** The lines first, then a peer specialist: the handoff that was paused, if one was (not a new one). */
  private async toPerson(step: WaterfallStepContext, flow: SafetyFlow): Promise<DialogTurnResult> {
    // The lines are people too, and answer at once; a peer specialist may take a while.
    await step.context.sendActivity(this.replies.text(flow.language, 'safety.talkToPersonAnswer'));
    if (flow.paused === 'handoff') return this.back(step, flow.language);
    return step.replaceDialog(DialogIds.handoff, {
      reason: { kind: 'safety' },
    } satisfies HandoffDialogOptions);
  }

  /** "My safety plan": the plan (or, with none yet, the lines and an offer to make one), at once. */
  private async toPlan(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(SAFETY_PLAN_DIALOG_ID, {} satisfies SafetyPlanOptions);
  }

  /** Safe right now, said after the reply came first: only now is a safety plan offered. */
  private async safeNow(step: WaterfallStepContext, language: SafetyLanguage): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.replies.text(language, 'safety.safeNow'));
    return step.replaceDialog(SAFETY_PLAN_DIALOG_ID, { offer: true } satisfies SafetyPlanOptions);
  }

  private async back(step: WaterfallStepContext, language: SafetyLanguage): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.replies.text(language, 'safety.backAgain'));
    return step.endDialog();
  }

  /**
   * A flagged message while a person is being asked for gets the reply first. Every answer to the
   * check-in is its answer, and a flagged message, or "help" during an overdose, is about the
   * crisis: none of them is taken as a command.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const flagged = flaggedIn(innerDc.context);
    const open = innerDc.activeDialog?.id;
    // Danger while making the plan: the crisis reply comes first, and the plan waits under it.
    if (flagged && open === SAFETY_PLAN_DIALOG_ID) return innerDc.beginDialog(ENTRY, flagged);
    if (flagged && (open === undefined || !questions.has(open))) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ENTRY, flagged);
    }
    const help = this.commandIn(innerDc) === 'help';
    if (flagged || open === CHECK_IN || (open === OVERDOSE_CHOICE && help)) return innerDc.continueDialog();
    return super.onContinueDialog(innerDc);
  }

  /** Only the words themselves: "what do I do?" after a crisis reply is not a request for help text. */
  protected override commandIn(dc: DialogContext): DialogCommand | undefined {
    const command =
      signals.carriedCommand.get(dc.context) ?? this.deps.commands.recognize(dc.context.activity.text);
    return command === 'help' || command === 'menu' || command === 'cancel' ? command : undefined;
  }

  /** Help after a concern reply answers it: then back to what was paused. */
  protected override async onHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.activeDialog?.id !== CONCERN_CHOICE) return super.onHelp(innerDc);
    // With nothing paused the menu starts next, and gives the help itself.
    if ((innerDc.parent?.stack.length ?? 0) > 1) await sendHelp(innerDc, this.deps);
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete };
  }

  /**
   * "menu" closes every dialog so the bot starts the menu; "cancel" just leaves this reply and
   * goes back to what was paused.
   */
  protected override async onLeave(
    innerDc: DialogContext,
    command: DialogCommand,
  ): Promise<DialogTurnResult> {
    if (command === 'cancel') {
      await innerDc.context.sendActivity(this.deps.strings.text('safety.backAgain'));
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete };
    }
    await innerDc.context.sendActivity(this.deps.strings.text('interruptions.toMenu'));
    return innerDc.cancelAllDialogs(true);
  }

  /**
   * After a clear "no" to a check-in that held an answer: the question below takes that answer
   * now, as if the check-in had not come between (instead of being asked again).
   */
  protected override async endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const answer = (result as CheckInResult | undefined)?.answer;
    if (answer === undefined || outerDc.stack.length < 2) return super.endComponent(outerDc, result);
    // Off the stack without resuming the dialog below, which would ask its question again.
    outerDc.stack.pop();
    const { activity } = outerDc.context;
    const said = activity.text;
    activity.text = answer;
    try {
      return await outerDc.continueDialog();
    } finally {
      activity.text = said;
    }
  }

  /** A dialog begun above a concern reply (delete data, my plans) answered it: this ends too. */
  override async resumeDialog(outerDc: DialogContext, reason: DialogReason, result?: unknown) {
    if (openSafetyQuestion(outerDc) === 'concern') return outerDc.endDialog();
    return super.resumeDialog(outerDc, reason, result);
  }

  /** Its own buttons and requests are where this goes next. */
  protected override switchesTopics(): boolean {
    return false;
  }
}
