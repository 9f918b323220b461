/** What a specialist typed, when it is one of their commands. */
export type SpecialistCommand =
  | { kind: 'onDuty' }
  | { kind: 'offDuty' }
  | { kind: 'queue' }
  | { kind: 'accept'; code?: string }
  | { kind: 'end' };

/**
 * Parses the specialist commands of the public contract: `on duty`, `off duty`, `queue`,
 * `accept`, `accept CODE`, `end` (a card's Accept button sends `accept CODE` too). Only ever
 * consulted for users listed in SPECIALIST_IDS.
 */
export function parseSpecialistCommand(text: string | undefined): SpecialistCommand | undefined {
  const folded = (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (folded === 'on duty') return { kind: 'onDuty' };
  if (folded === 'off duty') return { kind: 'offDuty' };
  if (folded === 'queue') return { kind: 'queue' };
  if (folded === 'end' || folded === 'end chat') return { kind: 'end' };
  const accept = /^accept(?: ([a-z0-9]{6}))?$/.exec(folded);
  if (accept) return { kind: 'accept', ...(accept[1] ? { code: accept[1].toUpperCase() } : {}) };
  return undefined;
}
