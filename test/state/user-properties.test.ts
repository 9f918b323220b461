import assert from 'node:assert/strict';
import { MemoryStorage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { z } from 'zod';
import { PROFILE_VERSION } from '../../src/state/profile.js';
import { openUserProperties, userPropertyDefinitions } from '../../src/user-properties.js';

/** A turn of person-1, with its user state loaded from `storage`. */
async function turnOn(storage: MemoryStorage) {
  const userState = new UserState(storage);
  const context = new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    from: { id: 'person-1', name: '' },
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  });
  await userState.load(context);
  return { userState, context, properties: openUserProperties(userState) };
}

describe('the user-state property registry', () => {
  const definitions = Object.entries(userPropertyDefinitions);

  it('lists each property under the name it is stored under, each name once', () => {
    for (const [key, definition] of definitions) assert.equal(definition.name, key);
    assert.equal(new Set(definitions.map(([, d]) => d.name)).size, definitions.length);
  });

  it('gives every property a schema with a version literal, so another release reads as nothing', () => {
    for (const [key, { schema }] of definitions) {
      const shapes = storedShapes(schema);
      assert.ok(shapes.length > 0, `${key} is an object, or a union of objects (a migration)`);
      for (const shape of shapes)
        assert.ok(shape.shape.version instanceof z.ZodLiteral, `${key} has a version literal`);
    }
  });

  it('opens every registered property, and only those', async () => {
    const { properties } = await turnOn(new MemoryStorage());
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(userPropertyDefinitions).sort());
  });

  it('writes a checked value that a later turn reads back, and reads another version as nothing', async () => {
    const storage = new MemoryStorage();
    const first = await turnOn(storage);
    await first.properties.profile.write(first.context, { version: PROFILE_VERSION, nickname: 'Kai' });
    await first.userState.saveChanges(first.context);

    const second = await turnOn(storage);
    assert.deepEqual(await second.properties.profile.read(second.context), {
      version: PROFILE_VERSION,
      nickname: 'Kai',
    });
    await second.userState.createProperty('profile').set(second.context, { version: 99, nickname: 'Kai' });
    assert.equal(await second.properties.profile.read(second.context), undefined);
  });

  it('refuses to write a value its schema does not accept', async () => {
    const { properties, context } = await turnOn(new MemoryStorage());
    await assert.rejects(
      properties.profile.write(context, { version: PROFILE_VERSION, nickname: 'x'.repeat(41) }),
    );
  });
});

/**
 * The object schemas a stored value may match: the schema itself, each member of a union, and
 * the input of a migration (a transform from an older version); empty when one is not an object.
 */
function storedShapes(schema: z.ZodType): z.ZodObject[] {
  if (schema instanceof z.ZodObject) return [schema];
  const parts =
    schema instanceof z.ZodUnion ? [...schema.options] : schema instanceof z.ZodPipe ? [schema.in] : [];
  const shapes = parts.map((part) => storedShapes(part as z.ZodType));
  return parts.length > 0 && shapes.every((found) => found.length > 0) ? shapes.flat() : [];
}
