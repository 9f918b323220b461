import assert from 'node:assert/strict';
import { scoreSkills } from '../../src/practice/evaluate.js';
import { askIn, detectSkills, loadSkillRules, skillNames } from '../../src/practice/skills.js';
import { labelledSkills } from './labelled-skills.js';

const rules = loadSkillRules();
/** The bar every skill must clear on the labelled set; feedback praises only what is noticed. */
const MIN_PRECISION = 0.8;
const MIN_RECALL = 0.7;

describe('practice skill detection', () => {
  it('has a labelled set of at least 120 sentences with at least 8 examples of every skill', () => {
    assert.ok(labelledSkills.length >= 120, `only ${labelledSkills.length} sentences`);
    for (const skill of skillNames) {
      const count = labelledSkills.filter((row) => row.skills.includes(skill)).length;
      assert.ok(count >= 8, `${skill}: only ${count} examples`);
    }
  });

  for (const score of scoreSkills(rules, labelledSkills)) {
    it(`${score.skill}: precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL}`, () => {
      assert.ok(score.precision >= MIN_PRECISION, `precision ${score.precision.toFixed(2)}`);
      assert.ok(score.recall >= MIN_RECALL, `recall ${score.recall.toFixed(2)}`);
    });
  }

  it('counts a specific request right after a brush-off as staying on track, and not otherwise', () => {
    const text = 'Can I switch my check-in to Tuesdays at 2?';
    assert.ok(detectSkills(rules, text, { afterBrushOff: true }).has('staysOnTrack'));
    assert.ok(!detectSkills(rules, text).has('staysOnTrack'));
  });

  it('does not take a threat as stating the benefit', () => {
    assert.ok(!detectSkills(rules, 'It would help me, or else I will call a lawyer.').has('statesBenefit'));
  });

  it('hears "can you text me the time?" as asking for it in writing, and "text me back" not', () => {
    assert.ok(detectSkills(rules, 'ok tuesday works. can you text me the time?').has('inWriting'));
    assert.ok(!detectSkills(rules, 'just text me back').has('inWriting'));
  });

  it('reads curly apostrophes as straight ones', () => {
    assert.ok(detectSkills(rules, 'I\u2019d like two minutes on the prescription.').has('specificRequest'));
  });

  it("finds what was asked for in the person's words, for example phrasings", () => {
    assert.equal(askIn('I need Fridays off so that I can see my counselor.'), 'Fridays off');
    assert.equal(
      askIn("I'd like two minutes on the prescription, please."),
      'two minutes on the prescription',
    );
    assert.equal(askIn('Hello, thanks for seeing me.'), undefined);
    // An infinitive is no thing asked for; the scene's goal stands in for it.
    assert.equal(askIn("I'd like to ask about keeping my emotional support animal."), undefined);
    // "can you send someone" asks for an action, not a thing: "I'm asking for send someone" reads wrong.
    assert.equal(askIn('can you send someone by friday?'), undefined);
  });
});

describe('an answer to "what exactly?" (group D, Ava: brushed off three times)', () => {
  const answer =
    'like a few extra days on papers when im having a bad week. and maybe splitting big projects into smaller parts';
  it('is the request made specific, right after the counterpart asked what exactly', () => {
    assert.ok(detectSkills(rules, answer, { afterAskSpecific: true }).has('specificRequest'));
  });
  it('is not, said at any other time, nor is a word or two or a question back', () => {
    assert.ok(!detectSkills(rules, answer).has('specificRequest'));
    for (const short of ['idk', '2', 'I guess', 'what do you mean exactly?'])
      assert.ok(!detectSkills(rules, short, { afterAskSpecific: true }).has('specificRequest'), short);
  });
});
