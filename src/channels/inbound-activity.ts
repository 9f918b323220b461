import { type Activity, DeliveryModes } from 'botbuilder';
import { z } from 'zod';

/** A member list of a conversationUpdate: the bot reads each member's id. */
const membersSchema = (field: string) =>
  z
    .array(
      z.looseObject(
        { id: z.string({ error: `each of ${field} needs an id (a string)` }) },
        { error: `each of ${field} must be an account (an object with an id)` },
      ),
      { error: `${field} must be an array of accounts` },
    )
    .optional();

/**
 * The minimum an inbound activity must have before the adapter sees it, and the types of the
 * fields the bot reads. The adapter's own parsing throws on worse, and a field of the wrong type
 * (a numeric `text`, a `membersAdded` that is no list) would fail the turn, so anything that fails
 * here is answered 400 with what was wrong.
 */
const inboundActivitySchema = z
  .looseObject({
    type: z.string({ error: 'type is required (a string)' }).min(1, 'type is required'),
    channelId: z.string({ error: 'channelId is required (a string)' }).min(1, 'channelId is required'),
    conversation: z.looseObject(
      {
        id: z
          .string({ error: 'conversation.id is required (a string)' })
          .min(1, 'conversation.id is required'),
      },
      { error: 'conversation is required' },
    ),
    from: z.looseObject(
      { id: z.string({ error: 'from.id is required (a string)' }).min(1, 'from.id is required') },
      { error: 'from is required' },
    ),
    text: z.string({ error: 'text must be a string' }).optional(),
    locale: z.string({ error: 'locale must be a string' }).optional(),
    membersAdded: membersSchema('membersAdded'),
    membersRemoved: membersSchema('membersRemoved'),
    serviceUrl: z.string({ error: 'serviceUrl must be a string' }).optional(),
    deliveryMode: z.string({ error: 'deliveryMode must be a string' }).optional(),
  })
  .refine((a) => a.deliveryMode === DeliveryModes.ExpectReplies || !!a.serviceUrl, {
    message: 'serviceUrl is required unless deliveryMode is expectReplies',
    path: ['serviceUrl'],
  });

export type InboundCheck = { ok: true; activity: Activity } | { ok: false; problems: string[] };

/** Checks an HTTP body is an activity the adapter can take; returns what is wrong otherwise. */
export function checkInboundActivity(body: unknown): InboundCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: ['the body must be a JSON object (a Bot Framework activity)'] };
  }
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  return { ok: true, activity: parsed.data as unknown as Activity };
}
