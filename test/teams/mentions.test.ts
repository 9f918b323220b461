import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { removeBotMention } from '../../src/teams/mentions.js';
import { TEAMS_BOT } from '../support/teams.js';

const at = (name: string) => `<at>${name}</at>`;
const mention = (id: string, name: string) => ({ type: 'mention', mentioned: { id, name }, text: at(name) });

function activity(text: string, entities?: Activity['entities']): Partial<Activity> {
  return { type: 'message', text, recipient: { ...TEAMS_BOT }, ...(entities ? { entities } : {}) };
}

describe('Teams: the bot’s own @mention is taken out before anything reads the text', () => {
  it('"<at>Wayfinder</at> help" becomes "help"', () => {
    const message = activity(`${at('Wayfinder')} help`, [mention(TEAMS_BOT.id, 'Wayfinder')]);
    assert.equal(removeBotMention(message), 'help');
    assert.equal(message.text, 'help');
  });

  it('keeps the person’s words around it, a mention of someone else, and their line breaks', () => {
    const message = activity(`Hi ${at('Wayfinder')}, ${at('Sam')} and I\nneed help ${at('Wayfinder')}`, [
      mention(TEAMS_BOT.id, 'Wayfinder'),
      mention('29:sam', 'Sam'),
    ]);
    assert.equal(removeBotMention(message), `Hi , ${at('Sam')} and I\nneed help`);
  });

  it('leaves a message without the bot’s mention (or without entities) as it was', () => {
    assert.equal(
      removeBotMention(activity(`${at('Sam')} hi`, [mention('29:sam', 'Sam')])),
      `${at('Sam')} hi`,
    );
    assert.equal(removeBotMention(activity('  hello  ')), '  hello  ');
  });
});
