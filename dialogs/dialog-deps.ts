import type { CrisisResource } from '../src/content/crisis-resources.js';
import type { Strings } from '../src/content/strings.js';
import { CommandRecognizer } from '../src/language/commands.js';
import { PlanWords } from '../src/safety-plan/plan-words.js';
import type { Profile } from '../src/state/profile.js';
import type { UserProperty } from '../src/state/user-property.js';

/** What every dialog needs, passed in through constructors (no module state). */
export interface DialogDeps {
  strings: Strings;
  commands: CommandRecognizer;
  crisisResources: readonly CrisisResource[];
  /** The person's stored profile (user state). */
  profile: UserProperty<Profile>;
}

/** The deps every dialog gets, from the loaded content and the person's profile property. */
export function createDialogDeps(
  content: { strings: Strings; crisisResources: readonly CrisisResource[] },
  profile: UserProperty<Profile>,
): DialogDeps {
  const { strings, crisisResources } = content;
  // "change my warning signs" opens that part of the safety plan, from any state.
  const commands = new CommandRecognizer(strings, { mySafetyPlan: new PlanWords(strings).editPhrases() });
  return { strings, commands, crisisResources, profile };
}
