import assert from 'node:assert/strict';
import { advance, pickMove, type RolePlayState } from '../../src/practice/moves.js';
import { loadScenarios, type Scenario } from '../../src/practice/scenarios.js';
import type { Skill } from '../../src/practice/skills.js';

const scenarios = loadScenarios();
const doctor = scenarios.find((s) => s.id === 'rushed-doctor') as Scenario;
const start: RolePlayState = { exchanges: 0, negotiated: false };
const skills = (...names: Skill[]) => new Set<Skill>(names);

/** Plays a scene of turns (each a set of skills) and returns the moves chosen. */
function play(scenario: Scenario, turns: Set<Skill>[]): string[] {
  let state = start;
  const moves: string[] = [];
  for (const turn of turns) {
    const move = pickMove(scenario, state, turn);
    moves.push(move.ends ? `${move.move}!` : move.move);
    state = advance(state, move);
  }
  return moves;
}

describe('practice counterpart moves', () => {
  it('brushes off a vague ask once, then asks what exactly the person needs', () => {
    assert.deepEqual(play(doctor, [skills(), skills()]), ['brushOff', 'askSpecific']);
  });

  it('meets a specific request with a negotiation, then agrees', () => {
    assert.deepEqual(play(doctor, [skills('specificRequest'), skills('specificRequest')]), [
      'negotiate',
      'accept',
    ]);
  });

  it('agrees at once to a specific request made with its middle way (Marcus: "ill make up the hours")', () => {
    assert.deepEqual(play(doctor, [skills('specificRequest', 'negotiates')]), ['accept']);
  });

  it('agrees to an alternative the person offers after a negotiation', () => {
    assert.deepEqual(play(doctor, [skills('specificRequest'), skills('negotiates')]), [
      'negotiate',
      'accept',
    ]);
  });

  it('ends the scene with agreement (or a reason) when asked for it in writing', () => {
    assert.deepEqual(play(doctor, [skills('specificRequest'), skills('inWriting')]), [
      'negotiate',
      'inWriting!',
    ]);
  });

  it('takes going along with its middle way as agreement, not a brush-off (group A)', () => {
    assert.deepEqual(play(doctor, [skills('specificRequest'), skills()]), ['negotiate', 'accept']);
  });

  it('never takes back a yes: after agreeing, a vague line or the request again gets a confirmation', () => {
    assert.deepEqual(
      play(doctor, [
        skills('specificRequest'),
        skills('specificRequest'),
        skills(),
        skills('specificRequest'),
      ]),
      ['negotiate', 'accept', 'confirm', 'confirm'],
    );
  });

  it('confirms a teach-back', () => {
    assert.deepEqual(play(doctor, [skills('checksUnderstanding')]), ['confirm']);
  });

  it("closes kindly at the scenario's last exchange", () => {
    const moves = play(
      doctor,
      Array.from({ length: doctor.maxExchanges }, () => skills()),
    );
    assert.equal(moves.at(-1), 'close!');
    assert.ok(moves.slice(0, -1).every((move) => !move.endsWith('!')));
  });

  it('is deterministic: the same scene gives the same lines', () => {
    const once = pickMove(doctor, { exchanges: 1, negotiated: false, last: 'brushOff' }, skills());
    const again = pickMove(doctor, { exchanges: 1, negotiated: false, last: 'brushOff' }, skills());
    assert.deepEqual(once, again);
  });

  it('every scenario ends within 3 to 8 exchanges', () => {
    for (const scenario of scenarios) {
      assert.ok(scenario.maxExchanges >= 3 && scenario.maxExchanges <= 8, scenario.id);
      assert.equal(
        play(
          scenario,
          Array.from({ length: scenario.maxExchanges }, () => skills()),
        ).at(-1),
        'close!',
      );
    }
  });
});
