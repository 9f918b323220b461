import type { BotState, TurnContext } from 'botbuilder';
import type { z } from 'zod';

/**
 * What one user-state property is: the name it is stored under and the schema its stored value
 * must match. Every schema carries a version literal, so a value from another release fails it.
 */
export interface UserPropertyDefinition<T> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
}

/** Defines a property; the feature that owns the value defines it, beside the value's schema. */
export function defineUserProperty<T>(name: string, schema: z.ZodType<T>): UserPropertyDefinition<T> {
  return { name, schema };
}

/**
 * A user-state property with its type: a read checks the stored value against the schema (one of
 * another version or shape reads as undefined: dropped, never misread) and a write is checked
 * before it is kept. Saved with the rest of user state at the end of the turn.
 */
export interface UserProperty<T> {
  read(context: TurnContext): Promise<T | undefined>;
  write(context: TurnContext, value: T): Promise<void>;
  delete(context: TurnContext): Promise<void>;
}

/** The property `definition` on `userState`. */
export function openUserProperty<T>(
  userState: BotState,
  definition: UserPropertyDefinition<T>,
): UserProperty<T> {
  const accessor = userState.createProperty<unknown>(definition.name);
  return {
    read: async (context) => {
      const parsed = definition.schema.safeParse(await accessor.get(context));
      return parsed.success ? parsed.data : undefined;
    },
    write: async (context, value) => accessor.set(context, definition.schema.parse(value)),
    delete: (context) => accessor.delete(context),
  };
}
