import type { TurnContext } from 'botbuilder';
import type {
  Choice,
  FoundChoice,
  ListStyle,
  PromptOptions,
  PromptRecognizerResult,
  PromptValidator,
} from 'botbuilder-dialogs';
import type { Strings } from '../src/content/strings.js';
import {
  answerOptionOf,
  type Pick,
  showsNumbers,
  type TypedQuestion,
  typedAnswerReader,
} from '../src/language/typed-answer.js';
import { ChannelChoicePrompt } from './channel-choice-prompt.js';

/** Prompt options of a question read by the typed-answer reader. */
export interface TypedPromptOptions extends PromptOptions {
  /** The two options mean yes (first) and no (second): "sure" and "nah" answer it. */
  yesNo?: boolean;
  /** "back" is an answer here: the value `back` (the dialog asks the question before). */
  back?: boolean;
  /**
   * "2" or "the first one" picks an option even where buttons show no numbers: the menu, where a
   * number can mean nothing else and people count its buttons.
   */
  positions?: boolean;
}

/** How sure a reading is, as FoundChoice.score. */
const scoreOf: Readonly<Record<Pick['how'], number>> = {
  exact: 1,
  position: 1,
  yesNo: 1,
  words: 0.9,
  typo: 0.6,
  sentence: 0.5,
};

/** The value a prompt with `back: true` gives for "back". */
export const BACK = 'back';

/** What a prompt remembers between turns: whether it asked, and misses in a row. */
interface AskedState {
  asked?: boolean;
  misses?: number;
  /** The text last sent, so the next differs. */
  last?: string | undefined;
}

/** The question a prompt shows, for the reader. */
export function typedQuestionOf(
  channelId: string,
  choices: readonly (string | Choice)[],
  options: { style?: ListStyle; yesNo?: boolean; positions?: boolean },
): TypedQuestion {
  const answers = choices.map(answerOptionOf);
  return {
    options: answers,
    numbered:
      options.positions === true ||
      showsNumbers(
        channelId,
        options.style,
        answers.map((answer) => answer.label),
      ),
    yesNo: options.yesNo === true,
  };
}

/**
 * A question with buttons that reads typed answers the one shared way (typed-answer.ts). A miss
 * gets a re-ask naming the options, worded differently each time, and every second miss in a
 * row offers the menu and a person, so the same words are never sent twice in a row. A retry
 * prompt set by the dialog (its own wording) is used instead when there is one.
 */
export class TypedChoicePrompt extends ChannelChoicePrompt {
  /** Misses get the shared re-asks; off where every answer is accepted (nothing is a miss). */
  protected readonly readerRetries: boolean = true;

  constructor(
    id: string,
    readonly strings: Strings,
    validator?: PromptValidator<FoundChoice>,
  ) {
    super(id, validator, 'en-us');
  }

  /** The question as the person saw it in this turn's channel. */
  question(context: TurnContext, options: TypedPromptOptions): TypedQuestion {
    return typedQuestionOf(context.activity.channelId, options.choices ?? [], options);
  }

  protected override async onRecognize(
    context: TurnContext,
    _state: unknown,
    options: TypedPromptOptions,
  ): Promise<PromptRecognizerResult<FoundChoice>> {
    const text = context.activity.text ?? '';
    const reader = typedAnswerReader(this.strings);
    if (options.back && reader.stepWord(text) === 'back') {
      return { succeeded: true, value: { value: BACK, index: -1, score: 1, synonym: text } };
    }
    const pick = reader.read(text, this.question(context, options));
    return pick
      ? {
          succeeded: true,
          // Its words or its number are the option itself (1); a few of its words almost (0.9);
          // a sentence that holds them or a typo only likely, so a dialog may read it first.
          value: { value: pick.value, index: pick.index, score: scoreOf[pick.how], synonym: text },
        }
      : { succeeded: false };
  }

  protected override async onPrompt(
    context: TurnContext,
    state: AskedState,
    options: TypedPromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    if (!this.readerRetries) return super.onPrompt(context, state, options, isRetry);
    const asked = askedOptions(this.strings, this.question(context, options), state, options, isRetry);
    await super.onPrompt(context, state, asked, isRetry);
  }
}

/** The text of a prompt or retry as sent. */
function textOf(prompt: PromptOptions['prompt']): string | undefined {
  return typeof prompt === 'string' ? prompt : prompt?.text;
}

/**
 * The options to ask with this time. A retry uses the dialog's own retry wording once, then the
 * reader's (naming the options; every second miss offers the menu and a person), so the text
 * sent never repeats the one before it.
 */
export function askedOptions(
  strings: Strings,
  question: TypedQuestion,
  state: AskedState,
  options: PromptOptions,
  isRetry: boolean,
): PromptOptions {
  state.misses = isRetry ? (state.misses ?? 0) + 1 : 0;
  state.asked = true;
  if (!isRetry) {
    state.last = textOf(options.prompt);
    return options;
  }
  const own = textOf(options.retryPrompt);
  const text =
    own !== undefined && own !== state.last && own !== textOf(options.prompt)
      ? own
      : typedAnswerReader(strings).retryText(question, state.misses);
  const sent = text === state.last ? typedAnswerReader(strings).retryText(question, state.misses + 1) : text;
  state.last = sent;
  return { ...options, retryPrompt: own === sent ? options.retryPrompt : sent };
}
