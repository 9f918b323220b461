/**
 * Folds a message for intent classification: lower case, contractions spelled out (typed with or
 * without the apostrophe), a few chat abbreviations and meaningful emoji turned into words, other
 * emoji and punctuation dropped, stretched letters ("heyyyy") shortened. The classifier then sees
 * "i can not" for "I can't", "i cant" and "I CAN'T 😩" alike, which the examples need not repeat.
 */
export function foldText(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]/gu, (emoji) => ` ${emojiWords[emoji] ?? ''} `)
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .split(/\s+/)
    .flatMap((word) => expandWord(word.replace(/^'+|'+$/g, '')));
  return words.filter((word) => word.length > 0).join(' ');
}

/** Emoji that carry an intent on their own; the rest are decoration and are dropped. */
const emojiWords: Readonly<Record<string, string>> = {
  '👋': 'hi',
  '🙏': 'thanks',
  '🙌': 'thanks',
  '❤': 'thanks',
  '💜': 'thanks',
  '💙': 'thanks',
  '🛑': 'stop',
  '❌': 'cancel',
  '🗑': 'delete',
  '🔒': 'private',
  '🤖': 'bot',
  '❓': 'help',
};

/** Contractions and chat spellings, with and without the apostrophe people often skip. */
const wordForms: Readonly<Record<string, string>> = {
  "can't": 'can not',
  cant: 'can not',
  cannot: 'can not',
  "won't": 'will not',
  wont: 'will not',
  "i'm": 'i am',
  im: 'i am',
  "i've": 'i have',
  ive: 'i have',
  "i'll": 'i will',
  "i'd": 'i would',
  "you're": 'you are',
  youre: 'you are',
  "it's": 'it is',
  "that's": 'that is',
  thats: 'that is',
  "what's": 'what is',
  whats: 'what is',
  "who's": 'who is',
  "where's": 'where is',
  "how's": 'how is',
  "there's": 'there is',
  "let's": 'let us',
  lets: 'let us',
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  pleaseee: 'please',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  idk: 'i do not know',
  dunno: 'do not know',
  thx: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  ty: 'thank you',
  tysm: 'thank you so much',
  appt: 'appointment',
  appts: 'appointments',
  info: 'information',
};

/** Apostrophe-less negations that are ordinary words otherwise excluded ("wont", "cant" above). */
const bareNegations = /^(do|does|did|is|are|was|were|has|have|had|could|would|should|must|ai|need)nt$/;

/** One typed word as the word(s) the classifier knows. */
function expandWord(word: string): string[] {
  const known = wordForms[word];
  if (known !== undefined) return known.split(' ');
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  if (bareNegations.test(word)) return [word.slice(0, -2), 'not'];
  if (/'(re|ve|ll|d|m)$/.test(word)) {
    const [stem = '', ending = ''] = word.split("'");
    return [stem, { re: 'are', ve: 'have', ll: 'will', d: 'would', m: 'am' }[ending] ?? ''];
  }
  // "my doctor's office" and "counselor's": the possessive adds nothing to the meaning.
  return [word.replace(/'s$/, '').replace(/'/g, '')];
}
