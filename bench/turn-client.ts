/** One message turn a benchmark sends: who, in which conversation, what. */
export interface BenchTurn {
  conversation: string;
  user: string;
  text: string;
}

/**
 * POSTs one expectReplies message to `url`/api/messages, the way a channel would, and waits for
 * the whole response; resolves to the latency in ms. Anything but 200 with replies is an error:
 * a benchmark of failing turns would measure the wrong thing.
 */
export async function sendTurn(url: string, turn: BenchTurn): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text: turn.text,
      channelId: 'bench',
      deliveryMode: 'expectReplies',
      localTimezone: 'America/Chicago',
      conversation: { id: turn.conversation },
      from: { id: turn.user, role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
    }),
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  // A failed turn still answers 200 (with an apology), so the adapter's error trace is looked for.
  if (response.status !== 200 || !body.includes('"activities"') || body.includes('OnTurnError'))
    throw new Error(`turn failed (${response.status}): ${body.slice(0, 300)}`);
  return elapsed;
}
