import { scoreSkills } from '../src/practice/evaluate.js';
import { loadSkillRules } from '../src/practice/skills.js';
import { labelledSkills } from '../test/practice/labelled-skills.js';

/** Prints practice-mode skill detection precision/recall per skill over the labelled set. */
export function runPracticeEval(print: (line: string) => void): void {
  const scores = scoreSkills(loadSkillRules(), labelledSkills);
  print(`practice skills: ${labelledSkills.length} labelled sentences`);
  for (const { skill, precision, recall, support } of scores) {
    print(
      `  ${skill.padEnd(20)} precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  (n=${support})`,
    );
  }
}
