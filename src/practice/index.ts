import { AdviceRequestDetector } from '../language/advice-requests.js';
import { loadScenarios, type Scenario } from './scenarios.js';
import { loadSkillRules, type SkillRules } from './skills.js';

/** The data practice mode runs on, loaded and validated once at start. */
export interface PracticeContent {
  scenarios: readonly Scenario[];
  rules: SkillRules;
  /** The menu's advice detector: a dosing question is declined in a scene too, never played along. */
  advice: AdviceRequestDetector;
}

/** Loads scenarios, skill rules and the advice rules; throws a ResourceError naming the file and field when one is bad. */
export function loadPracticeContent(dir?: string): PracticeContent {
  return {
    scenarios: loadScenarios(dir),
    rules: loadSkillRules(dir),
    advice: AdviceRequestDetector.load(dir),
  };
}
