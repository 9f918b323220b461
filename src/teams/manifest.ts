import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { z } from 'zod';

/**
 * The Teams manifest: filled from the template in appPackage/manifest.json, then checked twice,
 * offline: against the JSON schema that @microsoft/app-manifest bundles, and against the Teams
 * rules that schema leaves out (older Teams clients' command limits, https for the developer
 * links, a command list for every scope the bot is in).
 */

/** The manifest schema version the template uses (the newest v1.x the library bundles). */
export const manifestVersion = '1.30';

const placeholder = /\$\{\{([A-Za-z_]+)\}\}/g;

/**
 * Replaces each `${{NAME}}` in the template's strings with `values[NAME]`. Works on the parsed
 * JSON, so a value can never break the JSON; a placeholder with no value throws, naming it.
 */
export function fillTemplate(template: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof template === 'string') {
    return template.replace(placeholder, (_, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new Error(`the manifest template uses \${{${name}}}, which has no value`);
      return value;
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, values));
  if (template && typeof template === 'object') {
    return Object.fromEntries(
      Object.entries(template).map(([key, item]) => [key, fillTemplate(item, values)]),
    );
  }
  return template;
}

/** The schema file shipped inside @microsoft/app-manifest: validation never needs the network. */
export function bundledSchemaPath(version: string = manifestVersion): string {
  const library = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return resolve(dirname(library), 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

/**
 * Schema errors of `manifest` (empty when valid). The schema is read from the package and passed
 * in, so the library never reaches its download fallback; a missing file is an error, not a fetch.
 */
export async function schemaErrors(manifest: unknown): Promise<string[]> {
  const version = z.object({ manifestVersion: z.string() }).safeParse(manifest);
  if (!version.success) return ['manifestVersion: missing'];
  const schema = JSON.parse(await readFile(bundledSchemaPath(version.data.manifestVersion), 'utf8'));
  // A plain JSON copy: the library types its parameter as its generated manifest type, and
  // checking that shape is exactly what the schema is for.
  return AppManifestUtils.validateAgainstSchema(JSON.parse(JSON.stringify(manifest)), schema);
}

const maxCommands = 10;
const maxTitle = 32;
const maxDescription = 128;

const scope = z.enum(['personal', 'team', 'groupChat', 'copilot']);
const command = z.object({ title: z.string(), description: z.string().optional() });

/** The parts of a manifest these rules, and the tests, read. */
const manifestShape = z.object({
  developer: z.object({ websiteUrl: z.string(), privacyUrl: z.string(), termsOfUseUrl: z.string() }),
  bots: z
    .array(
      z.object({
        botId: z.string(),
        scopes: z.array(scope),
        commandLists: z.array(z.object({ scopes: z.array(scope), commands: z.array(command) })).default([]),
      }),
    )
    .length(1, 'expected exactly one bot'),
});
export type ManifestShape = z.infer<typeof manifestShape>;

/** Reads the fields the Teams rules look at; throws naming what is missing. */
export function readManifestShape(manifest: unknown): ManifestShape {
  return manifestShape.parse(manifest);
}

/** Teams rules the JSON schema does not hold, one line per broken rule. */
export function teamsRuleErrors(manifest: unknown): string[] {
  const parsed = manifestShape.safeParse(manifest);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const { developer, bots } = parsed.data;
  const errors = Object.entries(developer)
    .filter(([, url]) => !url.startsWith('https://'))
    .map(([field]) => `developer.${field}: must be an https:// URL`);
  for (const bot of bots) {
    for (const botScope of bot.scopes) {
      if (!bot.commandLists.some((list) => list.scopes.includes(botScope))) {
        errors.push(`bots: no command list for the ${botScope} scope`);
      }
    }
    for (const [n, list] of bot.commandLists.entries()) {
      if (list.commands.length > maxCommands) {
        errors.push(`commandLists[${n}]: ${list.commands.length} commands, at most ${maxCommands}`);
      }
      for (const { title, description = '' } of list.commands) {
        if (title.length > maxTitle) errors.push(`command "${title}": title over ${maxTitle} characters`);
        if (description.length > maxDescription) {
          errors.push(`command "${title}": description over ${maxDescription} characters`);
        }
      }
    }
  }
  return errors;
}

/** Every problem of `manifest`: schema errors first, then the Teams rules. */
export async function manifestErrors(manifest: unknown): Promise<string[]> {
  return [...(await schemaErrors(manifest)), ...teamsRuleErrors(manifest)];
}
