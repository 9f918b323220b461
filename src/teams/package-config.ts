import { z } from 'zod';
import { describeProblems, emptyToUndefined } from '../platform/env.js';

/**
 * The environment `npm run teams:package` reads: the ids and URLs it writes into the Teams
 * manifest. Separate from the bot's own config because packaging needs no secret (a build
 * machine has the App ID, not the password), but parsed the same way: one list naming every
 * bad variable.
 */

const guidPattern = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const guidExample = 'a GUID such as 00000000-0000-0000-0000-000000000000';

/** A GUID; `missing` is the message when the variable is unset. */
const guid = (missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : `expected ${guidExample}`) })
    .trim()
    .regex(guidPattern, `expected ${guidExample}`);

const httpsUrl = (what: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string({ error: `required: ${what}, an https:// URL` })
      .trim()
      .pipe(z.url({ protocol: /^https$/, error: `expected an https:// URL of ${what}` })),
  );

const packageEnvironmentSchema = z.object({
  MicrosoftAppId: z.preprocess(
    emptyToUndefined,
    guid("required: the bot's Microsoft App ID (its Azure Bot resource, Configuration)"),
  ),
  TEAMS_APP_ID: z.preprocess(emptyToUndefined, guid('').optional()),
  WEBSITE_URL: httpsUrl('the page about the service and how to get support'),
  PRIVACY_URL: httpsUrl('the privacy statement'),
  TERMS_URL: httpsUrl('the terms of use'),
});

/** What the manifest template's placeholders are filled with. */
export interface TeamsPackageConfig {
  /** The Teams app's own id; defaults to the bot's App ID. */
  teamsAppId: string;
  botId: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

export type PackageConfigResult =
  | { ok: true; config: TeamsPackageConfig }
  | { ok: false; problems: readonly string[] };

/** Reads `env` (normally process.env); on failure, one line per bad or missing variable. */
export function loadPackageConfig(env: NodeJS.ProcessEnv): PackageConfigResult {
  const parsed = packageEnvironmentSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: describeProblems(parsed.error, env) };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      teamsAppId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
      botId: e.MicrosoftAppId,
      websiteUrl: e.WEBSITE_URL,
      privacyUrl: e.PRIVACY_URL,
      termsUrl: e.TERMS_URL,
    },
  };
}
