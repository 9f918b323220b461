import { type LabelledSentence, scoreSkills } from '../src/practice/evaluate.js';
import { loadSkillRules, type SkillRules } from '../src/practice/skills.js';
import { heldOutSkills } from '../test/practice/held-out-skills.js';
import { labelledSkills } from '../test/practice/labelled-skills.js';

/**
 * Prints practice-mode skill detection precision/recall per skill: on the labelled set the rules
 * were tuned on, and on a held-out set they never saw (the honest estimate for new wording).
 */
export function runPracticeEval(print: (line: string) => void): void {
  const rules = loadSkillRules();
  report(print, rules, 'tuning set', labelledSkills);
  report(print, rules, 'held-out set', heldOutSkills);
}

function report(
  print: (line: string) => void,
  rules: SkillRules,
  name: string,
  set: readonly LabelledSentence[],
): void {
  print(`practice skills, ${name}: ${set.length} labelled sentences`);
  for (const { skill, precision, recall, support } of scoreSkills(rules, set)) {
    print(
      `  ${skill.padEnd(20)} precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  (n=${support})`,
    );
  }
}
