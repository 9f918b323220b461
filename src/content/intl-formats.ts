/**
 * Date formatters built once per locale and options: building an Intl.DateTimeFormat costs about
 * half a millisecond, far more than formatting with one, and turns format dates often. Options
 * can carry a channel's time zone, so the cache is bounded: past the bound, formatters are
 * built as before and not kept.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const maxFormats = 500;

/** `new Intl.DateTimeFormat(locale, options)`, shared; throws as it does (an unknown time zone). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  const known = formats.get(key);
  if (known) return known;
  const format = new Intl.DateTimeFormat(locale, options);
  if (formats.size < maxFormats) formats.set(key, format);
  return format;
}
