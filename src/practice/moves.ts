import type { MoveName, Scenario } from './scenarios.js';
import type { Skill } from './skills.js';

/** Where a role-play is, as the move picker needs it (stored in dialog state, so plain data). */
export interface RolePlayState {
  /** The person's turns so far, this one not counted. */
  exchanges: number;
  /** The counterpart has offered a middle way already. */
  negotiated: boolean;
  /** The counterpart's last move, so a repeat after a brush-off counts as staying on track. */
  last?: MoveName;
  /** The counterpart has agreed: nothing later in the scene takes that back. */
  granted?: boolean;
}

/** The counterpart's reply: which move, its line, and whether the role-play ends with it. */
export interface Move {
  move: MoveName;
  line: string;
  ends: boolean;
}

/**
 * How the counterpart reacts to what the person just did (pure and deterministic, so a practice
 * can be replayed in a test): a request for it in writing (or a restated next step) gets agreement
 * or a reason and ends the scene; a specific request first gets a negotiation, then agreement; an
 * offered alternative, or going along with the counterpart's, gets agreement; a teach-back, or
 * anything once agreed, gets a confirmation; a vague ask gets brushed off once, then a gentle "what exactly?" so the person is never stuck
 * against a wall. The scene closes kindly after the scenario's maximum number of exchanges.
 */
export function pickMove(scenario: Scenario, state: RolePlayState, skills: ReadonlySet<Skill>): Move {
  const move = chooseMove(state, skills);
  const turn = state.exchanges + 1;
  const ends = move === 'inWriting' || turn >= scenario.maxExchanges;
  const chosen = ends && move !== 'inWriting' ? 'close' : move;
  const options = scenario.moves[chosen];
  const line = options[state.exchanges % options.length] ?? options[0] ?? '';
  return { move: chosen, line, ends };
}

function chooseMove(state: RolePlayState, skills: ReadonlySet<Skill>): MoveName {
  if (skills.has('inWriting')) return 'inWriting';
  // Once the counterpart has agreed, whatever follows ("so you'll set it up?", the request said
  // again) gets the agreement confirmed: a character never takes back a yes (group A, D).
  if (state.granted) return 'confirm';
  // "i need to start at 11 on tue and thu. ill make up the hours" (group A, Marcus): the middle
  // way is offered with the request, so it is agreed, not asked for again.
  if (skills.has('specificRequest') && skills.has('negotiates')) return 'accept';
  if (skills.has('specificRequest') || skills.has('negotiates'))
    return state.negotiated ? 'accept' : 'negotiate';
  if (skills.has('checksUnderstanding')) return 'confirm';
  // "just ok the 11 start thurs" after a middle way was offered takes it: agreed, not brushed off.
  if (state.last === 'negotiate') return 'accept';
  return state.last === 'brushOff' ? 'askSpecific' : 'brushOff';
}

/** The state after a move. */
export function advance(state: RolePlayState, move: Move): RolePlayState {
  return {
    exchanges: state.exchanges + 1,
    negotiated: state.negotiated || move.move === 'negotiate',
    last: move.move,
    ...(state.granted || move.move === 'accept' || move.move === 'inWriting' ? { granted: true } : {}),
  };
}
