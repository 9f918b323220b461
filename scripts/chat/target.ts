import type { Activity } from 'botbuilder';

/** The bot the chat talks to: where its /api/messages is, what to call it, and how to let it go. */
export interface ChatTarget {
  label: string;
  /** Posts one expectReplies activity; resolves to what the bot sent back. */
  exchange(activity: Record<string, unknown>): Promise<Partial<Activity>[]>;
  close(): Promise<void>;
}

/** A bot already running at `url` (its state stays there, so a conversation can go on later). */
export function remoteTarget(url: string): ChatTarget {
  return { label: url, exchange: (activity) => post(url, activity), close: async () => {} };
}

/** Posts `activity` to the bot's /api/messages and returns the activities of its expectReplies answer. */
export async function post(url: string, activity: Record<string, unknown>): Promise<Partial<Activity>[]> {
  let response: Response;
  try {
    response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
  } catch (error) {
    throw new Error(`cannot reach ${url}/api/messages (${describe(error)}); is the bot running?`);
  }
  const body = await response.text();
  if (!response.ok) throw new Error(`the bot answered HTTP ${response.status}: ${body.slice(0, 300)}`);
  if (body === '') return [];
  const parsed = JSON.parse(body) as { activities?: Partial<Activity>[] };
  return parsed.activities ?? [];
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
