import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { dialogLevels } from '../../dialogs/dialog-levels.js';
import { pausedIn } from '../../dialogs/interruptible-dialog.js';
import type { MainDialogOptions } from '../../dialogs/main-dialog.js';
import { openSafetyQuestion } from '../../dialogs/safety-dialog.js';
import type { HandoffTurns } from '../handoff/handoff-turns.js';
import type { AdviceKind } from '../language/advice-requests.js';
import type { GlobalCommand } from '../language/commands.js';
import type { WayfinderRecognition } from '../language/intents/index.js';
import type { SafetyResult } from '../language/safety/safety-classifier.js';
import type { Stage } from '../platform/pipeline.js';
import * as signals from '../turn-signals.js';

/**
 * A person's message in a one-to-one conversation, as the stages of its turn pass it on: what
 * every stage needs from the start, and what one stage finds for those after it.
 */
export interface MessageTurn {
  readonly context: TurnContext;
  readonly dc: DialogContext;
  /** The person's handoff request or live relay, if they have one. */
  readonly link: Awaited<ReturnType<HandoffTurns['link']>>;
  /** Set by the safety stage. */
  safety?: SafetyResult;
  /** A command said inside a concern message, carried out by the command stage. */
  carriedCommand?: GlobalCommand;
  /** Set by the recognition stage. */
  recognition?: WayfinderRecognition;
  /** A medical or legal question, found by the recognition stage. */
  advice?: AdviceKind;
}

/** A stage of a message turn. */
export type MessageStage = Stage<MessageTurn>;

/** A finding a stage needs from one before it: missing means the pipeline was wired wrong. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the ${what} stage has not run before this one`);
  return value;
}

/** True when the dialog `id` is active anywhere in the stack of nested dialogs. */
export function inDialog(dc: DialogContext, id: string): boolean {
  return dialogLevels(dc).some((level) => level.stack.some((instance) => instance.id === id));
}

/** True when `id` is on the path of active dialogs: the open question is its own, none above it. */
export function asking(dc: DialogContext, id: string): boolean {
  return dialogLevels(dc).some((level) => level.activeDialog?.id === id);
}

/**
 * Continues the active dialog; when none is left, starts the menu (or, after a change of
 * topic, the topic asked for), unless the person's data was just erased.
 */
export async function continueOrBegin(dc: DialogContext): Promise<void> {
  // A message that finds nothing open (a new conversation, erased or reset state) is a request
  // in its own right: it is read as typed at the menu, not answered with the menu.
  const fromMessage = !dc.activeDialog && dc.context.activity.type === ActivityTypes.Message;
  await dc.continueDialog();
  const erased = signals.eraseRequested.get(dc.context) === true;
  if (dc.activeDialog || erased) return;
  const options: MainDialogOptions = {
    start: signals.switchTo.get(dc.context),
    fromMessage,
    resume: pausedIn(dc.context),
  };
  await dc.beginDialog(DialogIds.main, options);
}

/**
 * After a command answered above the dialogs, asks the current question again. A concern reply
 * was answered by that request: it closes, and what it paused is asked again.
 */
export async function reprompt(dc: DialogContext): Promise<void> {
  if (openSafetyQuestion(dc) === 'concern') await dc.endDialog();
  else if (dc.activeDialog) await dc.repromptDialog();
  if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
}

/** The last stage: the open dialog continues, or the main menu begins. */
export const dialogStage: MessageStage = async ({ dc }) => continueOrBegin(dc);
