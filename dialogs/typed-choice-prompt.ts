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
}

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
  options: { style?: ListStyle; yesNo?: boolean },
): TypedQuestion {
  const answers = choices.map(answerOptionOf);
  return {
    options: answers,
    numbered: showsNumbers(
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
          // Its words, its number or a few of its words are the option itself; a sentence that
          // holds them (or a typo) is only likely to be, so a dialog may read it first (score).
          value: {
            value: pick.value,
            index: pick.index,
            score: pick.how === 'sentence' || pick.how === 'typo' ? 0.5 : 1,
            synonym: text,
          },
        }
      : { succeeded: false };
  }

  protected override async onPrompt(
    context: TurnContext,
    state: AskedState,
    options: TypedPromptOptions,
    isRetry: boolean,
  ): Promise<void> {
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
