import { type TracingChannel, tracingChannel } from 'node:diagnostics_channel';

/**
 * The parts of a turn that `npm run bench` times from inside the bot: work the bench cannot wrap
 * from outside (the safety gate, the recognizers). Each is a Node tracing channel, so a span costs
 * one check when nothing listens (production) and is timed when something subscribes (the bench).
 */
export const spanNames = ['safety', 'intent', 'datetime', 'entities'] as const;
export type SpanName = (typeof spanNames)[number];

const channels = new Map<SpanName, TracingChannel<object, object>>(
  spanNames.map((name) => [name, tracingChannel(`wayfinder:${name}`)]),
);

/** The tracing channel of span `name`, for a subscriber. */
export function spanChannel(name: SpanName): TracingChannel<object, object> {
  const channel = channels.get(name);
  if (!channel) throw new Error(`no span named ${name}`);
  return channel;
}

/** Runs the synchronous `work` as span `name`. */
export function span<T>(name: SpanName, work: () => T): T {
  const channel = spanChannel(name);
  return channel.hasSubscribers ? channel.traceSync(work, {}) : work();
}
