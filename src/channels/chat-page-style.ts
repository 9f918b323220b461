/**
 * The chat page's stylesheet (inlined with the request's CSP nonce). Web Chat styles itself; these
 * rules only reach into it through its stable `webchat__*` class names, for four things it does
 * not offer as styleOptions: a clear focus outline on whatever has the keyboard focus, menu buttons
 * whose labels wrap instead of being cut off, a header that keeps AA contrast, and a print layout
 * where the whole transcript (plans and letters included) flows onto the paper.
 */
export const chatPageStyle = `
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; color: #1b1b1b; background: #f6f6f4; }
  header { padding: 0.75rem 1rem; background: #1f4e5f; color: #fff; }
  h1 { margin: 0; font-size: 1.2rem; }
  .notice { margin: 0.4rem 0 0; font-size: 0.95rem; }
  .status { margin: 1rem; }
  .status[hidden] { display: none; }
  main { flex: 1; min-height: 0; display: flex; flex-direction: column; max-width: 52rem; width: 100%; margin: 0 auto; background: #fff; }
  #webchat { flex: 1; min-height: 0; }
  /* Web Chat draws a thin dashed box (or nothing) for keyboard focus: this outline is 3px and 9:1
     against white. Inset, so no clipping parent can hide it; outside on menu buttons, which sit
     in padded boxes and would otherwise look merely thicker. */
  #webchat :focus-visible { outline: 3px solid #1f4e5f; outline-offset: -3px; }
  #webchat .webchat__suggested-action:focus-visible { outline-offset: 2px; }
  /* That outline replaces Web Chat's own frames around the menu and the focused button, which
     lie over the buttons and hide their colours from contrast checks. */
  #webchat .webchat__suggested-actions__focus-indicator,
  #webchat .webchat__suggested-action__keyboard-focus-indicator { display: none; }
  /* A long menu label wraps onto a second line rather than ending in "...". */
  #webchat .webchat__suggested-action { height: auto; min-height: 40px; white-space: normal; }
  #webchat .webchat__suggested-actions__button-text { overflow: visible; text-overflow: clip; }
  @media print {
    html, body, main, #webchat { display: block; height: auto; background: #fff; color: #000; }
    header { background: none; color: #000; border-bottom: 2px solid #000; }
    .status, #webchat .webchat__send-box, #webchat .webchat__suggested-actions,
    #webchat .webchat__keyboard-help, #webchat .webchat__basic-transcript__terminator { display: none !important; }
    /* The transcript is a scrolling box on screen; on paper it is as tall as what it holds. */
    #webchat > div, #webchat > div > div, #webchat .webchat__basic-transcript,
    #webchat .webchat__basic-transcript__scrollable { display: block; height: auto; overflow: visible; }
    #webchat .webchat__bubble, #webchat .webchat__bubble__content { max-width: none; overflow: visible; }
    #webchat .webchat__basic-transcript__activity { break-inside: avoid; }
  }
`;
