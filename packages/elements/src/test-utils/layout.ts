/** Words that the layout broke across lines under `root` (a word on one line has its boxes on one line). */
export function brokenWords(root: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(word[0]);
    }
  }
  return broken;
}

/**
 * The room `element` takes between its neighbours: the distance from the element before it to the
 * one after it, minus that distance with `element` not displayed (0: the layout is as if it were
 * absent). Measured between the neighbours, so that scroll anchoring cannot hide a shift.
 */
export function roomTaken(element: HTMLElement): number {
  const span = () => element.nextElementSibling!.getBoundingClientRect().top - element.previousElementSibling!.getBoundingClientRect().bottom;
  const shown = span();
  const display = element.style.display;
  element.style.display = 'none';
  const absent = span();
  element.style.display = display;
  return shown - absent;
}
