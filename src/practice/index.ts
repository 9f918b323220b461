import type { StatePropertyAccessor, UserState } from 'botbuilder';
import { PRACTICE_HISTORY_PROPERTY } from './history.js';
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

/** What the composition root hands the practice dialog: the content and the history property. */
export interface PracticeParts {
  content: PracticeContent;
  history: StatePropertyAccessor<unknown>;
}

/**
 * Wires practice mode for the composition root: `createPracticeParts(userState)` loads the
 * content (failing fast on a bad file) and creates the `practiceHistory` user-state property.
 * The dialog itself is built in app.ts, so this folder never imports dialogs/ (no cycle).
 */
export function createPracticeParts(userState: UserState): PracticeParts {
  return {
    content: loadPracticeContent(),
    history: userState.createProperty<unknown>(PRACTICE_HISTORY_PROPERTY),
  };
}
