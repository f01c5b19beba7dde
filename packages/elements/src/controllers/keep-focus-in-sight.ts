/**
 * A `focusin` listener for the scrolling box around a table whose header row (found by
 * `headerSelector`) is sticky and whose rows' first cell is pinned at the inline start. A frame
 * after the browser's own scrolling, it shows the control focused from the keyboard whole: not under the header, not
 * under the pinned cell, not cut at an edge. A browser scrolls a focused control only when none of
 * it shows, and counts the room under sticky parts as shown, so a keyboard user could tab onto a
 * control nobody can see (WCAG 2.4.11).
 * @example html`<div class="scroller" @focusin=${keepFocusInSight('thead')}>…</div>`
 */
export function keepFocusInSight(headerSelector: string): (event: FocusEvent) => void {
  return afterKeyboardFocus((scroller, control) => reveal(scroller, control, scroller.querySelector(headerSelector)));
}

/**
 * A `focusin` listener that runs `show(area, control)` a frame after the browser's own scrolling,
 * for a control inside `area` focused from the keyboard only: a control pressed with a pointer
 * stays where the pointer is, or the release would land elsewhere and the click be lost.
 */
function afterKeyboardFocus(show: (area: HTMLElement, control: Element) => void): (event: FocusEvent) => void {
  return (event) => {
    const area = event.currentTarget as HTMLElement;
    const control = event.composedPath()[0];
    if (!(control instanceof Element) || control === area) return;
    requestAnimationFrame(() => {
      if (control.matches(':focus-visible')) show(area, control);
    });
  };
}

/** Scrolls `scroller` so that `control` shows whole (from its start when larger than the room). */
function reveal(scroller: HTMLElement, control: Element, header: Element | null): void {
  const view = scroller.getBoundingClientRect();
  const box = control.getBoundingClientRect();
  const left = view.left + scroller.clientLeft;
  const top = view.top + scroller.clientTop;
  const room = { left, right: left + scroller.clientWidth, top, bottom: top + scroller.clientHeight };
  const inHeader = header?.contains(control) ?? false;
  if (header && !inHeader) room.top = Math.max(room.top, header.getBoundingClientRect().bottom);
  const pinned = control.closest('tr, [role="row"]')?.firstElementChild;
  if (pinned && !pinned.contains(control)) {
    // The pinned cell sits at the inline start: the left, or the right in a right-to-left page.
    const pinnedBox = pinned.getBoundingClientRect();
    if (getComputedStyle(scroller).direction === 'rtl') room.right = Math.min(room.right, pinnedBox.left);
    else room.left = Math.max(room.left, pinnedBox.right);
  }
  const dx = offset(box.left, box.right, room.left, room.right);
  // The header row is itself sticky: scrolling for it would only move the rows under it.
  const dy = inHeader ? 0 : offset(box.top, box.bottom, room.top, room.bottom);
  if (dx !== 0 || dy !== 0) scroller.scrollBy({ left: dx, top: dy, behavior: 'instant' });
}

/**
 * A `focusin` listener for an area that scrolls under a sticky banner (found by `coverSelector` in
 * the same shadow root). A frame after the browser's own scrolling, it scrolls the nearest
 * scrolling ancestor (often the page) so that the control focused from the keyboard shows whole
 * below the banner, with its label when it sits in a `.field`. The browser counts the room under
 * a sticky part as shown (WCAG 2.4.11).
 * @example html`<div class="layout" @focusin=${keepFocusClearOf('.results')}>…</div>`
 */
export function keepFocusClearOf(coverSelector: string): (event: FocusEvent) => void {
  return afterKeyboardFocus((area, control) => {
    const cover = (area.getRootNode() as ParentNode).querySelector(coverSelector);
    const coverBox = cover?.getBoundingClientRect();
    if (!cover || !coverBox || coverBox.height === 0 || cover.contains(control)) return;
    const scroller = scrollingAncestor(area);
    const view = scroller === document.scrollingElement ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
    // A field shows with its label (the `.field` around it), unless that is taller than the room.
    const room = { top: Math.max(view.top, coverBox.bottom), bottom: view.bottom };
    const field = control.closest('.field')?.getBoundingClientRect();
    const box = field && field.height <= room.bottom - room.top ? field : control.getBoundingClientRect();
    const dy = offset(box.top, box.bottom, room.top, room.bottom);
    if (dy !== 0) scroller.scrollBy({ top: dy, behavior: 'instant' });
  });
}

/** The nearest ancestor (across shadow roots) that scrolls vertically, else the page's scroller. */
function scrollingAncestor(element: Element): Element {
  for (let node: Node | null = element.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (!(node instanceof Element) || node === document.scrollingElement) continue;
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return document.scrollingElement ?? document.documentElement;
}

/** How far to scroll along one axis so that [start, end] lies within [min, max] (its start first). */
function offset(start: number, end: number, min: number, max: number): number {
  if (start < min) return start - min;
  if (end > max) return Math.min(end - max, start - min);
  return 0;
}
