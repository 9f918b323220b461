import { detectSkills, type Skill, type SkillRules, skillNames } from './skills.js';

/** A sentence with the skills a person labelled in it. */
export interface LabelledSentence {
  text: string;
  skills: readonly Skill[];
  afterBrushOff?: boolean;
}

/** Precision and recall of one skill over a labelled set. */
export interface SkillScore {
  skill: Skill;
  precision: number;
  recall: number;
  support: number;
}

/**
 * Scores the detector per skill (pure): precision is how often a noticed skill was really there,
 * recall how often a skill that was there got noticed. Feedback praises what is noticed, so
 * precision matters most; an empty prediction counts as precision 1.
 */
export function scoreSkills(rules: SkillRules, set: readonly LabelledSentence[]): SkillScore[] {
  return skillNames.map((skill) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const row of set) {
      const found = detectSkills(rules, row.text, { afterBrushOff: row.afterBrushOff ?? false }).has(skill);
      const truth = row.skills.includes(skill);
      if (found && truth) tp++;
      else if (found) fp++;
      else if (truth) fn++;
    }
    return {
      skill,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
      support: tp + fn,
    };
  });
}
