/**
 * Measurements taken inside the page (pass them to page.evaluate; each is self-contained, since
 * Playwright sends the function's source to the browser), and the contrast arithmetic of WCAG 2.
 */

/** The colours a piece of text is drawn in: its own colour and the first opaque background behind it. */
export interface Colours {
  text: string;
  color: string;
  background: string;
}

/** The element with the keyboard focus, and how its focus is drawn (its colours: coloursOf(':focus')). */
export interface Focused {
  /** Tag and Web Chat class names, to say which element failed. */
  name: string;
  text: string;
  inSendBox: boolean;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  boxShadow: string;
}

/** The colours of each element matching `selector` (run in the page). */
export function coloursOf(selector: string): Colours[] {
  const backgroundOf = (element: Element | null): string => {
    for (let e = element; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (colour !== 'transparent' && !/rgba\(.*, 0\)$/.test(colour)) return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  return [...document.querySelectorAll(selector)].map((element) => ({
    text: (element.textContent ?? '').trim(),
    color: getComputedStyle(element).color,
    background: backgroundOf(element),
  }));
}

/** The focused element (run in the page). */
export function focusedElement(): Focused {
  const element = document.activeElement ?? document.body;
  const style = getComputedStyle(element);
  const classes = [...element.classList].filter((c) => c.startsWith('webchat__') || c.startsWith('ac-'));
  return {
    name: [element.tagName.toLowerCase(), ...classes].join('.'),
    text: (element.textContent ?? '').trim(),
    inSendBox: element.matches('[data-id=webchat-sendbox-input]'),
    outlineStyle: style.outlineStyle,
    outlineWidth: Number.parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
  };
}

/** The relative luminance of a CSS rgb()/rgba() colour (WCAG 2). */
function luminance(colour: string): number {
  const channels = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(colour);
  if (!channels) throw new Error(`not an rgb() colour: ${colour}`);
  const [r = 0, g = 0, b = 0] = channels.slice(1, 4).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
