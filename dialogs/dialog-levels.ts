import { ComponentDialog, type Dialog, type DialogContext, type DialogInstance } from 'botbuilder-dialogs';

/** One level of the nested dialogs a conversation is in: its stack and what is open on it. */
export interface DialogLevel {
  /** The level's dialog stack, the active dialog last (as botbuilder-dialogs keeps it). */
  readonly stack: readonly DialogInstance[];
  /** The active dialog's instance at this level, if any. */
  readonly activeDialog: DialogInstance | undefined;
  /** The dialog that runs it (found in this level's set or an outer one, as `findDialog` finds it). */
  readonly dialog: Dialog | undefined;
}

/**
 * The levels from `dc` down to the innermost active dialog: the stacks `dc.child`, `.child`...
 * would give, read straight from the component dialogs' stored state. Each read of botbuilder-
 * dialogs' `child` builds a DialogContext with its own state manager, and the turn asks where the
 * person is many times (the open question, the menu, a paused topic).
 */
export function dialogLevels(dc: DialogContext): DialogLevel[] {
  const levels: DialogLevel[] = [];
  let stack: readonly DialogInstance[] = dc.stack;
  let find = (id: string): Dialog | undefined => dc.findDialog(id);
  for (;;) {
    const activeDialog = stack.at(-1);
    const dialog = activeDialog && find(activeDialog.id);
    levels.push({ stack, activeDialog, dialog });
    // A component keeps its own stack in its instance's state, under `dialogs` (botbuilder-dialogs'
    // createInnerDC); a component not yet begun has none, as `child` would find.
    const inner: unknown = activeDialog?.state?.dialogs?.dialogStack;
    if (!(dialog instanceof ComponentDialog) || !Array.isArray(inner)) return levels;
    const outer = find;
    find = (id) => dialog.findDialog(id) ?? outer(id);
    stack = inner;
  }
}

/** The innermost level: where the open question is. */
export function leafOf(dc: DialogContext): DialogLevel {
  return dialogLevels(dc).reduce((_, level) => level);
}
