import assert from 'node:assert/strict';

/** An activity as a Direct Line client receives it. */
export interface PolledActivity {
  type: string;
  id: string;
  timestamp: string;
  text?: string;
  replyToId?: string;
  from: { id: string; role?: string };
  conversation: { id: string };
  channelData?: { clientActivityID?: string };
  suggestedActions?: unknown;
}

export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

/**
 * A minimal Direct Line 3.0 client over real HTTP, doing what Web Chat does when it polls:
 * generate a token, start the conversation, post activities and poll with the watermark.
 */
export class DirectLineClient {
  watermark = '';

  private constructor(
    readonly base: string,
    readonly grant: ConversationGrant,
  ) {}

  /**
   * Generates a token for a new conversation (does not start it). `user` names the page's user,
   * as Azure Direct Line's token request allows (honoured on a loopback bind only).
   */
  static async generate(url: string, user?: string): Promise<DirectLineClient> {
    const response = await fetch(`${url}/v3/directline/tokens/generate`, {
      method: 'POST',
      ...(user
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: user } }) }
        : {}),
    });
    assert.equal(response.status, 200);
    return new DirectLineClient(`${url}/v3/directline`, (await response.json()) as ConversationGrant);
  }

  /** Generates a token and starts the conversation (the bot welcomes the user). */
  static async start(url: string, user?: string): Promise<DirectLineClient> {
    const client = await DirectLineClient.generate(url, user);
    const response = await client.request('POST', '/conversations', {});
    assert.equal(response.status, 201);
    return client;
  }

  /** A request to the Direct Line base with this client's token (or `token` if given). */
  request(method: string, path: string, body?: unknown, token = this.grant.token): Promise<Response> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Posts a message as Web Chat does, with a client activity id; returns the channel's id. */
  async say(text: string, clientActivityID = `client-${text}`): Promise<string> {
    const response = await this.request('POST', `/conversations/${this.grant.conversationId}/activities`, {
      type: 'message',
      text,
      from: { id: 'spoofed-user', role: 'user' },
      channelData: { clientActivityID },
    });
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as { id: string }).id;
  }

  /** Polls once from the current watermark and advances it. */
  async poll(): Promise<PolledActivity[]> {
    const query = this.watermark ? `?watermark=${this.watermark}` : '';
    const response = await this.request(
      'GET',
      `/conversations/${this.grant.conversationId}/activities${query}`,
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as { activities: PolledActivity[]; watermark: string };
    this.watermark = body.watermark;
    return body.activities;
  }

  /** Polls until `count` bot messages have arrived (bounded), returning everything polled. */
  async pollUntil(count: number, timeoutMs = 10_000): Promise<PolledActivity[]> {
    const seen: PolledActivity[] = [];
    const deadline = Date.now() + timeoutMs;
    while (botMessages(seen).length < count) {
      if (Date.now() > deadline)
        assert.fail(`expected ${count} bot messages, got ${botMessages(seen).length}`);
      seen.push(...(await this.poll()));
      if (botMessages(seen).length < count) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return seen;
  }
}

/** The bot's messages among `activities` (leaving out typing indicators). */
export function botMessages(activities: readonly PolledActivity[]): PolledActivity[] {
  return activities.filter((a) => a.type === 'message' && a.from.role === 'bot');
}

/** Fails when the bot apologized for a failed turn (errors.turnFailed) among `activities`. */
export function assertNoFailedTurn(activities: readonly PolledActivity[], apology: string): void {
  const failed = botMessages(activities).filter((a) => a.text === apology);
  assert.equal(failed.length, 0, 'a turn failed: the bot sent its errors.turnFailed apology');
}
