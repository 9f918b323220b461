import { loadScenarios, type Scenario } from './scenarios.js';
import { loadSkillRules, type SkillRules } from './skills.js';

/** The data practice mode runs on, loaded and validated once at start. */
export interface PracticeContent {
  scenarios: readonly Scenario[];
  rules: SkillRules;
}

/** Loads scenarios and skill rules; throws a ResourceError naming the file and field when one is bad. */
export function loadPracticeContent(dir?: string): PracticeContent {
  return { scenarios: loadScenarios(dir), rules: loadSkillRules(dir) };
}
