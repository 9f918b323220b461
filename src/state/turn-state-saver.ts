import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { turnSignal } from '../platform/turn-signal.js';
import type { TrackedState } from './tracked-state.js';

/** The conversation-state property that carries the last turn's user state until the next turn. */
export const USER_STATE_JOURNAL_PROPERTY = 'userStateJournal';

/** The user document's eTag as the turn read it (see journalSchema); unset when recover did not run. */
const readAs = turnSignal<ReadAs>('userStateReadAs');

const journalSchema = z.object({
  /** The user document's eTag when the turn read it; undefined when there was none. */
  readETag: z.string().optional(),
  /** User state as the turn left it (without its eTag). */
  state: z.record(z.string(), z.unknown()),
});

interface ReadAs {
  eTag: string | undefined;
}

/**
 * Saves a turn's conversation and user state so that a crash between the two writes cannot
 * leave them half done. The store writes each document atomically, but not two at once: killed
 * after the conversation document and before the user document, a turn used to resume the
 * dialog after a plan was saved while the plan itself was lost.
 *
 * So when user state changed, the conversation document carries a copy of it (a journal) with
 * the eTag the user document had when the turn read it. The next turn in that conversation finds
 * the journal: if the user document still has that eTag, its write never landed and the copy is
 * applied; either way the journal is dropped. Written in that order, both documents end up as the
 * turn left them, or (when neither write landed) as they were before it.
 */
export class TurnStateSaver {
  private readonly journal: StatePropertyAccessor<unknown>;

  constructor(
    private readonly conversationState: BotState,
    private readonly userState: TrackedState,
  ) {
    if (!conversationState || !userState)
      throw new Error('TurnStateSaver needs conversationState and userState');
    this.journal = conversationState.createProperty(USER_STATE_JOURNAL_PROPERTY);
  }

  /** At the start of a turn: reads user state and applies a journal whose write was cut off. */
  async recover(context: TurnContext): Promise<void> {
    const user: Record<string, unknown> = await this.userState.load(context);
    const eTag = typeof user.eTag === 'string' ? user.eTag : undefined;
    readAs.set(context, { eTag });
    const parsed = journalSchema.safeParse(await this.journal.get(context));
    if (!parsed.success) return;
    if (parsed.data.readETag === eTag) {
      for (const key of Object.keys(user)) if (key !== 'eTag') delete user[key];
      Object.assign(user, parsed.data.state);
    }
    await this.journal.delete(context);
  }

  /** At the end of a turn: the journal (when user state changed), conversation state, user state. */
  async save(context: TurnContext): Promise<void> {
    const read = readAs.get(context);
    const user: Record<string, unknown> | undefined = this.userState.get(context);
    // Changed since it was read, a journal applied included (recover changes it after the read).
    if (read && user && this.userState.changed(context)) {
      const { eTag: _eTag, ...state } = user;
      await this.journal.set(context, { readETag: read.eTag, state });
    }
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
