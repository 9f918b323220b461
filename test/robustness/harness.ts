import { type Activity, type CardAction, type StoreItems, TestAdapter } from 'botbuilder';
import { type Dialog, Prompt } from 'botbuilder-dialogs';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { createApp } from '../../src/host/app.js';
import { loadConfig } from '../../src/host/config.js';
import { createWayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { silentLogger } from '../../src/platform/log.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { type StandInConnector, useConnector } from '../support/connector.js';

/** Thursday 8 May 2025, 10:00 in Chicago: a fixed "now", so dates in paths mean the same day. */
export const fixedNow = new Date('2025-05-08T15:00:00Z');
const TIMEZONE = 'America/Chicago';

/** What a person sees of a question: its text and its options, numbered or as buttons. */
export interface SeenQuestion {
  text: string;
  labels: string[];
  numbered: boolean;
}

/** The real app (all dialogs, the safety gate, the recognizer), in memory, driven turn by turn. */
export class RobustnessBot {
  readonly storage = new MemoryAppStorage();
  private readonly app;
  private next = 0;

  /** `channel`: Web Chat shows choices as buttons, SMS as numbered lists. */
  constructor(readonly channel = 'webchat') {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', LOCAL_CHAT: 'false' });
    this.app = createApp(config, {
      logger: silentLogger,
      storage: this.storage,
      clock: () => fixedNow,
      recognizer: createWayfinderRecognizer({ clock: () => fixedNow, defaultTimezone: TIMEZONE }),
    });
  }

  /** Every prompt dialog the bot can ask with, by id, found by walking its dialogs. */
  promptIds(): Set<string> {
    const ids = new Set<string>();
    const walk = (dialog: Dialog): void => {
      if (dialog instanceof Prompt) ids.add(dialog.id);
      const inner = (dialog as { dialogs?: { getDialogs(): Dialog[] } }).dialogs;
      for (const child of inner?.getDialogs() ?? []) walk(child);
    };
    for (const dialog of this.app.bot.dialogs()) walk(dialog);
    return ids;
  }

  /**
   * Puts a peer specialist on duty (their cards go to `serviceUrl`, a stand-in connector), or
   * takes them off with undefined: whether anyone is on duty decides the handoff's questions.
   */
  async specialistOnDuty(serviceUrl: string | undefined): Promise<void> {
    const store = new HandoffStore(this.storage);
    if (!serviceUrl) return store.updateRoster(() => ({}));
    const conversation = { id: 'specialist-chat', isGroup: false, conversationType: 'personal', name: '' };
    const reference = { channelId: this.channel, serviceUrl, conversation };
    await store.updateRoster(() => ({ 'peer-1': { name: 'Pat', reference, since: fixedNow.toISOString() } }));
  }

  /** A new conversation with a new person, or with `person` again (their state kept). */
  conversation(person?: Conversation): Conversation {
    this.next += 1;
    return new Conversation(this, `c${this.next}`, person?.userId ?? `u${this.next}`);
  }

  /**
   * A copy of `from` (its conversation and the person's stored state) under new ids. The state
   * is read once and kept: erasing "my data" in one copy may remove the original's records.
   */
  async fork(from: Conversation): Promise<Conversation> {
    const copy = this.conversation();
    from.saved ??= await this.storage.read([from.conversationKey, from.userKey]);
    const read = from.saved;
    const changes: StoreItems = {};
    const conversation = read[from.conversationKey];
    const user = read[from.userKey];
    if (conversation) changes[copy.conversationKey] = { ...structuredClone(conversation), eTag: '*' };
    if (user) changes[copy.userKey] = { ...structuredClone(user), eTag: '*' };
    await this.storage.write(changes);
    copy.last = from.last;
    return copy;
  }

  adapter(conversationId: string, userId: string): TestAdapter {
    return new TestAdapter(async (context) => this.app.bot.run(context), {
      channelId: this.channel,
      serviceUrl: 'https://test.invalid',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId, name: 'Person' },
      recipient: { id: 'bot', name: 'Wayfinder' },
    });
  }
}

/** What the robustness suites run against: the real bot, and where an on-duty specialist's cards go. */
export interface RobustnessSetUp {
  readonly bot: RobustnessBot;
  /** Some questions are asked only with a specialist on duty (the handoff's consent). */
  readonly connector: StandInConnector;
}

/** Registers the hooks that make one RobustnessBot and a stand-in connector for the suite. */
export function useRobustnessBot(): RobustnessSetUp {
  let bot: RobustnessBot | undefined;
  before(() => {
    bot = new RobustnessBot();
  });
  const connector = useConnector('suite');
  return {
    get bot() {
      if (!bot) throw new Error('the robustness bot exists only inside a test or hook');
      return bot;
    },
    connector,
  };
}

/** One person's conversation. */
export class Conversation {
  private readonly adapter: TestAdapter;
  /** The last message the bot sent (the open question, usually). */
  last: Partial<Activity> | undefined;
  /** The stored state copies are made from (read at the first fork). */
  saved: StoreItems | undefined;

  constructor(
    private readonly bot: RobustnessBot,
    readonly conversationId: string,
    readonly userId: string,
  ) {
    this.adapter = bot.adapter(conversationId, userId);
  }

  get conversationKey(): string {
    return `${this.bot.channel}/conversations/${this.conversationId}/`;
  }

  get userKey(): string {
    return `${this.bot.channel}/users/${this.userId}/`;
  }

  /** Sends a typed message; returns the messages the person would see (traces left out). */
  async say(text: string): Promise<Partial<Activity>[]> {
    await this.adapter.receiveActivity({ type: 'message', text, localTimezone: TIMEZONE });
    const replies = this.adapter.activeQueue.splice(0).filter((activity) => activity.type === 'message');
    this.last = replies.at(-1) ?? this.last;
    return replies;
  }

  /** The channel's conversationUpdate adding the person: the welcome; returns what they see. */
  async join(): Promise<Partial<Activity>[]> {
    await this.adapter.receiveActivity({
      type: 'conversationUpdate',
      membersAdded: [{ id: this.userId, name: 'Person' }],
      localTimezone: TIMEZONE,
    });
    const replies = this.adapter.activeQueue.splice(0).filter((activity) => activity.type === 'message');
    this.last = replies.at(-1) ?? this.last;
    return replies;
  }

  /** The id of the prompt waiting for an answer (the innermost dialog of the stored stack). */
  async openPrompt(): Promise<string | undefined> {
    const read = await this.bot.storage.read([this.conversationKey]);
    type Stack = { dialogStack?: { id: string; state?: { dialogs?: Stack } }[] };
    let stack = (read[this.conversationKey] as { dialogState?: Stack } | undefined)?.dialogState;
    let id: string | undefined;
    // The active dialog is the last of each stack.
    for (let top = stack?.dialogStack?.at(-1); top; top = stack?.dialogStack?.at(-1)) {
      id = top.id;
      stack = top.state?.dialogs;
    }
    return id;
  }

  /** The open question as the person sees it (its options from buttons, a card or a numbered list). */
  question(): SeenQuestion {
    return seenQuestion(this.last);
  }
}

/** Reads a question's options back from the activity that asked it. */
export function seenQuestion(activity: Partial<Activity> | undefined): SeenQuestion {
  const text = activity?.text ?? '';
  const titles = (actions: CardAction[] | undefined) => (actions ?? []).map((action) => String(action.title));
  const buttons = titles(activity?.suggestedActions?.actions);
  const card = (activity?.attachments ?? []).flatMap((attachment) =>
    titles((attachment.content as { buttons?: CardAction[] } | undefined)?.buttons),
  );
  if (buttons.length || card.length) return { text, labels: [...buttons, ...card], numbered: false };
  // Inline choices come last: "(1) Yes, (2) No, I'll go alone, or (3) Maybe" (labels may hold commas).
  const inline = text
    .split(/\(\d+\) /)
    .slice(1)
    .map((part) => part.replace(/(,? or|,)\s*$/, '').trim());
  // Else the list at the end of the text (a question may hold a numbered list of its own above it).
  const block = /(?:^[ \t]*\d+\. .+$\n?)+$/m.exec(text.trimEnd())?.[0] ?? '';
  const listed = [...block.matchAll(/^[ \t]*(\d+)\. (.+)$/gm)].map((match) => match[2]?.trim() ?? '');
  const labels = inline.length ? inline : listed;
  return { text, labels, numbered: labels.length > 0 };
}
