import type { StringKey, Strings } from '../src/content/strings.js';
import type { FeatureIntent } from '../src/language/routing.js';

/** A guided conversation a person can ask for a specialist from. */
type Flow = Exclude<FeatureIntent, 'handoff'>;

/**
 * Why a person asked for a specialist, as the bot saw it (never their words): from the menu's
 * button, in their own words with nothing open, during or after a guided conversation, or after
 * a safety check. `misunderstood`: the question open before had missed their answer.
 */
export type HandoffReason = (
  | { kind: 'safety' }
  | { kind: 'menu' }
  | { kind: 'asked' }
  | { kind: 'during' | 'after'; flow: FeatureIntent }
) & { misunderstood?: boolean };

const flows: Record<Flow, StringKey> = {
  appointment: 'handoff.flowAppointment',
  accommodation: 'handoff.flowAccommodation',
  peerGroup: 'handoff.flowPeerGroup',
  practice: 'handoff.flowPractice',
};

/**
 * The short, neutral line the person may agree to share: how they came to ask, in the bot's
 * words. It is shown to them in full before they choose, and is all that consent covers.
 */
export function summaryOf(strings: Strings, reason: HandoffReason = { kind: 'asked' }): string {
  const line = (() => {
    switch (reason.kind) {
      case 'safety':
        return strings.text('handoff.summarySafety');
      case 'menu':
        return strings.text('handoff.summaryMenu');
      case 'asked':
        return strings.text('handoff.summaryAsked');
      default: {
        if (reason.flow === 'handoff') return strings.text('handoff.summaryAsked');
        const flow = strings.text(flows[reason.flow]);
        return strings.text(reason.kind === 'during' ? 'handoff.summaryDuring' : 'handoff.summaryAfter', {
          flow,
        });
      }
    }
  })();
  return reason.misunderstood ? `${line} ${strings.text('handoff.summaryMisunderstood')}` : line;
}
