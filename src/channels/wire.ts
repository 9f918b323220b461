import { z } from 'zod';

/**
 * The JSON shapes the local Direct Line channel stores and serves, and what it accepts from
 * clients.
 */

/** A channel account as on the wire. */
export interface WireAccount {
  id: string;
  name?: string;
  role?: string;
}

/** An activity to store: JSON as on the wire, with the fields the channel always sets. */
export interface NewActivity {
  type: string;
  channelId: string;
  from: WireAccount;
  conversation: { id: string };
  replyToId?: string;
  [field: string]: unknown;
}

/** An activity as the channel stores and serves it: with its id and timestamp. */
export interface WireActivity extends NewActivity {
  id: string;
  timestamp: string;
}

/** Fields a client may set on an activity; the channel sets the rest (from, ids, serviceUrl...). */
export const postedActivitySchema = z.object({
  type: z.string({ error: 'type is required: a string such as "message"' }).min(1).max(64),
  text: z.string({ error: 'text must be a string' }).optional(),
  textFormat: z.string().optional(),
  locale: z.string().max(20).optional(),
  localTimestamp: z.string().optional(),
  localTimezone: z.string().optional(),
  name: z.string().optional(),
  value: z.unknown().optional(),
  attachments: z.array(z.unknown(), { error: 'attachments must be an array' }).optional(),
  entities: z.array(z.unknown(), { error: 'entities must be an array' }).optional(),
  channelData: z
    .looseObject(
      {
        clientActivityID: z
          .string({ error: 'channelData.clientActivityID must be a string' })
          .max(200)
          .optional(),
      },
      { error: 'channelData must be an object' },
    )
    .optional(),
});
