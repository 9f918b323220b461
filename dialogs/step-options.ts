import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { z } from 'zod';

/** What a step reads its options from (a waterfall step, or a dialog instance on the stack). */
type WithOptions = Pick<WaterfallStepContext, 'options'>;

/**
 * The reader of what one waterfall's steps receive, declared once beside its type so a newcomer
 * sees it: `const stateOf = stepOptions<StepState>()`. For options the dialog sets itself
 * (`replaceDialog(ID, { ... } satisfies StepState)`), so the type is trusted, not checked.
 */
export function stepOptions<T>(): (step: WithOptions) => T {
  return (step) => step.options as T;
}

/**
 * The reader of options that come from outside the dialog (another dialog, the host, a
 * proactive turn): checked with `schema`, so a caller that passes the wrong shape fails loudly.
 * No options read as `{}`.
 */
export function checkedOptions<S extends z.ZodType>(schema: S): (step: WithOptions) => z.infer<S> {
  return (step) => schema.parse(step.options ?? {});
}
