import type { StatePropertyAccessor, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog } from '../../dialogs/practice-dialog.js';
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

/** What the composition root needs: the content, the history property, and the dialog factory. */
export interface PracticeParts {
  content: PracticeContent;
  history: StatePropertyAccessor<unknown>;
  makeDialog(deps: DialogDeps): PracticeDialog;
}

/**
 * Wires practice mode for the composition root: `createPracticeParts(userState, clock)` loads
 * the content (failing fast on a bad file) and creates the `practiceHistory` user-state property.
 */
export function createPracticeParts(userState: UserState, clock: () => Date): PracticeParts {
  const content = loadPracticeContent();
  const history = userState.createProperty<unknown>(PRACTICE_HISTORY_PROPERTY);
  return { content, history, makeDialog: (deps) => new PracticeDialog(deps, { content, clock, history }) };
}
