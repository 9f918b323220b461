/** A phone number found in what a person typed, and the words around it (usually a name). */
export interface FoundPhone {
  /** Digits only, 10 for a US number ("3125550142"), or a short code ("988"). */
  digits: string;
  /** The entry without the number, e.g. "Sam" from "Sam 312-555-0142". */
  label: string;
}

// A US number written any usual way: 312-555-0142, (312) 555 0142, +1 312.555.0142, 3125550142.
const US_NUMBER = /(?:\+?1[\s.-]?)?\(?(\d{3})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?!\d)/;

/** The first US phone number in `entry`, or undefined (the entry is shown as typed either way). */
export function findPhone(entry: string): FoundPhone | undefined {
  const match = US_NUMBER.exec(entry);
  if (!match) return undefined;
  const digits = `${match[1]}${match[2]}${match[3]}`;
  const label = `${entry.slice(0, match.index)} ${entry.slice(match.index + match[0].length)}`
    .replace(/[\s,:;.-]+/g, ' ')
    .trim();
  return { digits, label };
}
