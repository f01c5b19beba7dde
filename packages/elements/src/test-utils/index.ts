/// <reference types="mocha" />
export { expectNoAxeViolations } from './axe.js';
export { createTestPortier, renderWithPortier, settle, $, $$, type, choose, textOf } from './portier-fixture.js';
export type { TestPortier, TestPortierOptions, RenderOptions } from './portier-fixture.js';
export { keyboardType, press, deepActiveElement, tabTo } from './keyboard.js';
export { mouseClick, pressLikeSafari, resetMouse, withSafariPresses } from './mouse.js';
export { DEFAULT_VIEWPORT, forcedColors, setViewport } from './runner-command.js';
export { HOSTILE_STRINGS, nothingRan } from './hostile.js';
export { brokenWords, roomTaken } from './layout.js';
