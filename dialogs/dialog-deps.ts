import type { StatePropertyAccessor } from 'botbuilder';
import type { CrisisResource } from '../src/content/crisis-resources.js';
import type { Strings } from '../src/content/strings.js';
import type { CommandRecognizer } from '../src/language/commands.js';

/** What every dialog needs, passed in through constructors (no module state). */
export interface DialogDeps {
  strings: Strings;
  commands: CommandRecognizer;
  crisisResources: readonly CrisisResource[];
  /** The person's stored profile (user state). */
  profile: StatePropertyAccessor<unknown>;
}
