import {
  type DialogTurnResult,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { checkAnswer, nicknameIn } from '../src/language/answer-check.js';
import { normalizeText } from '../src/language/normalize.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import { sentencesOf, typedAnswerReader } from '../src/language/typed-answer.js';
import { readProfile, writeProfile } from '../src/state/profile.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { InterruptibleDialog } from './interruptible-dialog.js';

const STEPS = 'nicknameSteps';
const NAME_PROMPT = 'nicknamePrompt';
export const MAX_NICKNAME_LENGTH = 40;

/**
 * Lets a person choose what the bot calls them, or nothing: a nickname is all Wayfinder ever
 * needs, and "skip" removes one already saved.
 */
export class NicknameDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.nickname, deps);
    this.addDialog(new TextPrompt(NAME_PROMPT, this.validateName.bind(this))).addDialog(
      new WaterfallDialog(STEPS, [this.askName.bind(this), this.saveName.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async askName(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    return step.prompt(NAME_PROMPT, {
      prompt: strings.text('nickname.ask'),
      retryPrompt: strings.text('nickname.retry', { max: MAX_NICKNAME_LENGTH }),
    });
  }

  /** Saves the name (or removes it on "skip") and says so. */
  private async saveName(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings, profile } = this.deps;
    const { said, asksStored } = this.nameAndQuestion(String(step.result).trim());
    const answer = nicknameIn(strings, said) ?? said;
    const current = await readProfile(profile, step.context);
    if (this.isSkip(said)) {
      await writeProfile(profile, step.context, { version: current.version });
      await step.context.sendActivity(strings.text('nickname.skipped'));
    } else {
      await writeProfile(profile, step.context, { ...current, nickname: answer });
      // Plain text: the name shows as typed ("**Ari**" is not bold).
      await step.context.sendActivity({
        type: 'message',
        textFormat: 'plain',
        text: strings.text('nickname.saved', { name: answer }),
      });
      if (asksStored) await step.context.sendActivity(strings.text('nickname.storedAnswer'));
    }
    return step.endDialog();
  }

  /**
   * A name is the name inside the answer ("call me Jay" is Jay), 1-40 printable characters;
   * "skip" and its synonyms are also accepted. "ok", "ugh" or a question is no name: the
   * question comes again more simply (after a short "sorry", or why a name is asked).
   */
  private async validateName(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const { strings } = this.deps;
    const { said: value } = this.nameAndQuestion((prompt.recognized.value ?? '').trim());
    if (this.isSkip(value)) return true;
    const back = typedAnswerReader(strings).stepWord(value) === 'back';
    const name = back ? undefined : nicknameIn(strings, value);
    if (!name) {
      const kind = back ? 'back' : checkAnswer(strings, value, { options: [] }).kind;
      const before = (
        { upset: 'answers.upset', question: 'nickname.why', back: 'answers.nothingBefore' } as const
      )[kind as 'upset' | 'question' | 'back'];
      const simpler = strings.text('nickname.askSimpler');
      prompt.options.retryPrompt = before ? `${strings.text(before)} ${simpler}` : simpler;
      return false;
    }
    prompt.options.retryPrompt = strings.text('nickname.retry', { max: MAX_NICKNAME_LENGTH });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    return name.length <= MAX_NICKNAME_LENGTH && !/[\u0000-\u001f\u007f<>]/.test(name);
  }

  /**
   * "CJ. and that gets stored right" (Chris): the name is the first sentence, and a question after
   * it about keeping the name is answered, never saved as part of the name.
   */
  private nameAndQuestion(value: string): { said: string; asksStored: boolean } {
    const [first, ...rest] = sentencesOf(value);
    const asksStored =
      rest.length > 0 && saysAnyOf(this.deps.strings, 'nickname.storedWords', rest.join(' '));
    return asksStored && first ? { said: first, asksStored } : { said: value, asksStored: false };
  }

  private isSkip(answer: string): boolean {
    const folded = normalizeText(answer);
    return this.deps.strings.variants('nickname.skipWords').some((word) => normalizeText(word) === folded);
  }
}
