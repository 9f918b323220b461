import type { DialogInstance } from 'botbuilder-dialogs';
import type { z } from 'zod';
import { fieldPath } from '../src/content/resource-file.js';

/*
 * How a dialog reads the options its steps receive, one way for each source:
 * - Options a dialog sets itself: a typed waterfall, as botbuilder-dialogs offers it,
 *   `new WaterfallDialog<State>(ID, [this.ask.bind(this), ...])` with steps that take a
 *   `WaterfallStepContext<State>`, begun with `replaceDialog(ID, { ... } satisfies State)`: the
 *   compiler checks each step against the waterfall, so no step casts `step.options`.
 * - Options from outside the dialog (another dialog, the host, a proactive turn): `checkedOptions`.
 * - The options of a dialog found on the stack (stored state, untyped): `optionsOnStack`.
 */

/** Options from outside that are not of the dialog's shape: names the dialog and each bad field. */
export class StepOptionsError extends Error {
  constructor(
    readonly dialogId: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Dialog '${dialogId}' was begun with options it cannot use:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'StepOptionsError';
  }
}

/**
 * The reader of options that come from outside the dialog `dialogId`: checked with `schema`, so a
 * caller that passes the wrong shape fails loudly, naming the dialog and the field, instead of
 * running on a guess. Fields the schema does not declare are left out; no options read as `{}`.
 */
export function checkedOptions<S extends z.ZodType>(
  dialogId: string,
  schema: S,
): (step: { options: unknown }) => z.infer<S> {
  return (step) => {
    const parsed = schema.safeParse(step.options ?? {});
    if (parsed.success) return parsed.data;
    throw new StepOptionsError(
      dialogId,
      parsed.error.issues.map((issue) => `${fieldPath(issue.path) || '(the options)'}: ${issue.message}`),
    );
  };
}

/**
 * The reader of the options of a dialog found on the stack (`dc.stack`, `activeDialog`), whose
 * state botbuilder types as `any`: for a waterfall or prompt whose options this code set itself,
 * so the type is trusted, not checked. Undefined when the dialog has none.
 */
export function optionsOnStack<T>(): (instance: DialogInstance | undefined) => T | undefined {
  return (instance) => instance?.state?.options;
}
