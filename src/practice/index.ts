import { type AdviceKind, AdviceRequestDetector } from '../language/advice-requests.js';
import { normalizeText } from '../language/normalize.js';
import { MedicineChangeReader } from './medicine-change.js';
import { loadScenarioFile, type Scenario, type StepOutRules } from './scenarios.js';
import { loadSkillRules, type SkillRules } from './skills.js';

/** The data practice mode runs on, loaded and validated once at start. */
export interface PracticeContent {
  scenarios: readonly Scenario[];
  rules: SkillRules;
  /**
   * The menu's advice detector, and the scene's own step-out rules: a dosing question, or a taper
   * figure asked of the character, is declined in a scene too, never played along.
   */
  advice: { detect(text: string | undefined): AdviceKind | undefined };
  /** How a line speaks of changing a medicine without the prescriber (see MedicineChangeReader). */
  medicine: MedicineChangeReader;
}

/** Loads scenarios, skill rules and the advice rules; throws a ResourceError naming the file and field when one is bad. */
export function loadPracticeContent(dir?: string): PracticeContent {
  const { scenarios, stepOut, medicineChange } = loadScenarioFile(dir);
  return {
    scenarios,
    rules: loadSkillRules(dir),
    advice: stepOutDetector(AdviceRequestDetector.load(dir), stepOut),
    medicine: new MedicineChangeReader(medicineChange),
  };
}

/** The advice a message asks for, or a statement a scene steps out for (see StepOutRules). */
function stepOutDetector(advice: AdviceRequestDetector, rules: StepOutRules): PracticeContent['advice'] {
  const kinds: ReadonlyArray<[AdviceKind, RegExp[]]> = [
    ['medical', rules.medical.map((source) => new RegExp(source, 'i'))],
    ['legal', rules.legal.map((source) => new RegExp(source, 'i'))],
  ];
  return {
    detect(text) {
      const asked = advice.detect(text);
      if (asked || !text) return asked;
      const folded = normalizeText(text.slice(0, 1000));
      return kinds.find(([, patterns]) => patterns.some((rule) => rule.test(folded)))?.[0];
    },
  };
}
