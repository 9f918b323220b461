import { resolve } from 'node:path';
import { z } from 'zod';
import { describeProblems, emptyToUndefined } from '../platform/env.js';

/**
 * Wayfinder's configuration: every environment variable of the public contract, parsed once at
 * start by one zod schema. A bad value stops the process with one message naming every bad
 * variable and what it expects, so an operator fixes them all in one go.
 */

const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());

const booleanFlag = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .transform((value) => value === 'true')
    .optional(),
);

const appTypes = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** True when `host` only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return loopbackHosts.has(host) || host.startsWith('127.');
}

/** With Bot Framework auth the bot serves the channel from any interface; without, this machine only. */
const defaultHost = (appId: string | undefined): string => (appId ? '0.0.0.0' : '127.0.0.1');

const environmentSchema = z
  .object({
    PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'expected a port number from 0 to 65535' })
        .int('expected a whole number')
        .min(0, 'expected a port number from 0 to 65535')
        .max(65535, 'expected a port number from 0 to 65535')
        .default(3978),
    ),
    HOST: optionalText,
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z.enum(appTypes, { error: `expected one of ${appTypes.join(', ')}` }).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalText,
    STORAGE: z.preprocess(
      emptyToUndefined,
      z.enum(['memory', 'file', 'blob'], { error: 'expected memory, file or blob' }).default('file'),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
          'expected an Azure container name: 3-63 lowercase letters, digits and single hyphens',
        )
        .optional(),
    ),
    SPECIALIST_IDS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .transform((value) =>
          (value ?? '')
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id.length > 0),
        ),
    ),
    SPECIALIST_CHANNEL_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(
          /^19:[^\s;]+$/,
          "expected a Teams channel id such as 19:abc123@thread.tacv2 (from the channel's link)",
        )
        .optional(),
    ),
    LOCAL_CHAT: booleanFlag,
    ALLOW_UNAUTHENTICATED: booleanFlag,
    RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'expected a whole number of days from 1 to 3650' })
        .int('expected a whole number of days from 1 to 3650')
        .min(1, 'expected a whole number of days from 1 to 3650')
        .max(3650, 'expected a whole number of days from 1 to 3650')
        .default(180),
    ),
    HANDOFF_WAIT_MINUTES: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'expected a whole number of minutes from 1 to 1440' })
        .int('expected a whole number of minutes from 1 to 1440')
        .min(1, 'expected a whole number of minutes from 1 to 1440')
        .max(1440, 'expected a whole number of minutes from 1 to 1440')
        .default(10),
    ),
    RATE_LIMIT_PER_MINUTE: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'expected a whole number of messages from 0 (off) to 10000' })
        .int('expected a whole number of messages from 0 (off) to 10000')
        .min(0, 'expected a whole number of messages from 0 (off) to 10000')
        .max(10000, 'expected a whole number of messages from 0 (off) to 10000')
        .default(30),
    ),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z
        .enum(['debug', 'info', 'warn', 'error'], { error: 'expected debug, info, warn or error' })
        .default('info'),
    ),
  })
  .superRefine((env, ctx) => {
    const needs = (variable: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message });
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      needs('MicrosoftAppPassword', 'required when MicrosoftAppId is set (the bot registration secret)');
    }
    if (!env.MicrosoftAppId && env.MicrosoftAppPassword) {
      needs('MicrosoftAppId', 'required when MicrosoftAppPassword is set');
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      needs('MicrosoftAppTenantId', `required when MicrosoftAppType is ${env.MicrosoftAppType}`);
    }
    if (env.STORAGE === 'blob') {
      if (!env.BLOB_CONNECTION_STRING) needs('BLOB_CONNECTION_STRING', 'required when STORAGE=blob');
      if (!env.BLOB_CONTAINER) needs('BLOB_CONTAINER', 'required when STORAGE=blob');
    }
    if (env.ALLOW_UNAUTHENTICATED === true && env.MicrosoftAppId) {
      needs(
        'ALLOW_UNAUTHENTICATED',
        'is only for a server without MicrosoftAppId; with it every request is authenticated, so remove ALLOW_UNAUTHENTICATED',
      );
    }
    if (env.LOCAL_CHAT === true && env.MicrosoftAppId) {
      needs(
        'LOCAL_CHAT',
        'the local chat page talks to the bot without Bot Framework auth, so it cannot be on while MicrosoftAppId is set; use Azure Direct Line or Teams in production',
      );
    }
  })
  .superRefine(
    (env, ctx) => {
      const host = env.HOST ?? defaultHost(env.MicrosoftAppId);
      if (!env.MicrosoftAppId && !isLoopback(host) && env.ALLOW_UNAUTHENTICATED !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['HOST'],
          message:
            'a bind address other than loopback needs Bot Framework auth: without MicrosoftAppId anyone who can reach the server could talk as any user, a peer specialist in SPECIALIST_IDS included. Set MicrosoftAppId and MicrosoftAppPassword, or bind to this machine only (HOST=127.0.0.1), or on a trusted network set ALLOW_UNAUTHENTICATED=true',
        });
      }
    },
    // Checked even when other variables are bad, so one message names them all. HOST and
    // MicrosoftAppId are plain text (never invalid); a bad ALLOW_UNAUTHENTICATED is no opt-in.
    { when: () => true },
  );

/**
 * How requests to /api/messages are authenticated: Bot Framework tokens, or none because only
 * this machine can connect, or none on a public bind because ALLOW_UNAUTHENTICATED says so.
 */
export type AuthMode = 'botFramework' | 'offLoopback' | 'offAllowed';

/** Each mode as /readyz reports it to operators and probes. */
export const authModeLabels: Readonly<Record<AuthMode, string>> = {
  botFramework: 'Bot Framework',
  offLoopback: 'off (loopback only)',
  offAllowed: 'off (ALLOW_UNAUTHENTICATED)',
};

/** The parsed, typed configuration the composition root works from. */
export interface AppConfig {
  port: number;
  host: string;
  auth: {
    mode: AuthMode;
    appId?: string;
    appPassword?: string;
    appType: (typeof appTypes)[number];
    tenantId?: string;
  };
  storage: {
    kind: 'memory' | 'file' | 'blob';
    dataDir: string;
    blobConnectionString?: string;
    blobContainer?: string;
  };
  specialistIds: readonly string[];
  /** The specialists' Teams channel, where each new request is also posted (with an Accept button). */
  specialistChannelId?: string;
  localChat: boolean;
  /** Days after a person's last activity when their data is erased. */
  retentionDays: number;
  /** Minutes a handoff request waits for a specialist before the member is offered other options. */
  handoffWaitMinutes: number;
  /** Messages one conversation may send per minute (and at once) before it is asked to slow down; 0 = off. */
  rateLimitPerMinute: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** Thrown when the environment is invalid; `problems` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Wayfinder cannot start: ${problems.length} configuration problem(s).\n` +
        `${problems.map((line) => `  - ${line}`).join('\n')}\n` +
        'Fix these environment variables (see .env.example) and start again.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses `env` (normally process.env) into an AppConfig, or throws ConfigError listing every
 * problem. Defaults follow the contract: no MicrosoftAppId means local use, bound to loopback
 * with the local chat page on; the page is never served on a public bind unless LOCAL_CHAT=true.
 * A public bind without MicrosoftAppId is refused unless ALLOW_UNAUTHENTICATED=true opts in.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeProblems(parsed.error, env));
  const e = parsed.data;
  const host = e.HOST ?? defaultHost(e.MicrosoftAppId);
  return {
    port: e.PORT,
    host,
    auth: {
      mode: e.MicrosoftAppId ? 'botFramework' : isLoopback(host) ? 'offLoopback' : 'offAllowed',
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    storage: {
      kind: e.STORAGE,
      dataDir: resolve(cwd, e.DATA_DIR),
      blobConnectionString: e.BLOB_CONNECTION_STRING,
      blobContainer: e.BLOB_CONTAINER,
    },
    specialistIds: e.SPECIALIST_IDS,
    ...(e.SPECIALIST_CHANNEL_ID ? { specialistChannelId: e.SPECIALIST_CHANNEL_ID } : {}),
    // The local Direct Line keeps its conversations in one process's memory: with shared Blob
    // state (several instances) it is off unless LOCAL_CHAT=true asks for it explicitly.
    localChat: e.LOCAL_CHAT ?? (!e.MicrosoftAppId && isLoopback(host) && e.STORAGE !== 'blob'),
    retentionDays: e.RETENTION_DAYS,
    handoffWaitMinutes: e.HANDOFF_WAIT_MINUTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
  };
}
