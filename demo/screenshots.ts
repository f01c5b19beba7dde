/**
 * Screenshots of the demo portal: `node --import tsx demo/screenshots.ts` (or `pnpm screenshots`).
 *
 * Starts the demo's Vite server itself (on a free port), drives the Debian Chromium through
 * playwright-core and saves PNGs to `screenshots/`: the user list, the create form, the rights
 * matrix and refusals, in French and in English (plus the home page, the sign-in page with a
 * failed attempt, and the React page). Each browser context starts from empty localStorage, so
 * every run starts from the seed data.
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), SCREENSHOTS_DIR (default screenshots/),
 * SCREENSHOTS_LOCALES (default "fr,en").
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.env['SCREENSHOTS_DIR'] ?? `${root}screenshots`;
const locales = (process.env['SCREENSHOTS_LOCALES'] ?? 'fr,en').split(',').map((code) => code.trim());
const executablePath = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (path): path is string => !!path && existsSync(path),
);
if (!executablePath) {
  console.error('No Chromium found: set CHROME_PATH, or install one at /usr/bin/chromium (apt-get install chromium).');
  process.exit(1);
}
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'];

/** Texts the script clicks on, per locale (the screens' own wording). */
const WORDS: Record<string, { demote: RegExp; confirm: RegExp }> = {
  fr: { demote: /^Rétrograder/i, confirm: /Confirmer|Rétrograder/i },
  en: { demote: /^Demote/i, confirm: /Confirm|Demote/i },
  nl: { demote: /^Degraderen/i, confirm: /Bevestigen|Degraderen/i },
  de: { demote: /^Herabstufen/i, confirm: /Bestätigen|Herabstufen/i },
};

const server = await createServer({
  configFile: `${root}demo/vite.config.ts`,
  logLevel: 'warn',
  server: { port: 5199, strictPort: false, host: '127.0.0.1' },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5199/';
mkdirSync(outDir, { recursive: true });
console.log(`demo at ${base}; screenshots to ${outDir}`);

const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
const saved: string[] = [];
const failed: string[] = [];

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(350); // let transitions and focus rings settle
  const path = `${outDir}/${name}.png`;
  await page.screenshot({ path, fullPage });
  saved.push(path);
}

/** Runs one step; a failure is reported (with a picture in screenshots/tmp/) and the run goes on. */
async function step(page: Page, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    failed.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    mkdirSync(`${outDir}/tmp`, { recursive: true });
    await page.screenshot({ path: `${outDir}/tmp/${name.replace(/\W+/g, '-')}-failed.png`, fullPage: true }).catch(() => undefined);
  }
}

/** Runs a command on the demo's store from the page (setting up a state to photograph). */
/**
 * Goes to `url`. A screen left with unsaved input (the create form, an edited matrix) asks before
 * it is replaced, as it should: the script then leaves without saving.
 */
async function goTo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const leave = page.locator('dialog[data-confirm][open] [data-action="dialog-confirm"]');
  if (await leave.waitFor({ timeout: 1000 }).then(() => true, () => false)) await leave.click();
}

async function inDemo(page: Page, script: string): Promise<void> {
  await page.evaluate(`(async () => { const { store } = globalThis.lumenDemo; ${script} })()`);
}

try {
  for (const locale of locales) {
    const words = WORDS[locale] ?? WORDS['en']!;
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale, deviceScaleFactor: 1 });
    await context.addInitScript((code) => {
      if (!localStorage.getItem('lumen-demo-locale')) localStorage.setItem('lumen-demo-locale', code);
    }, locale);
    const page = await context.newPage();
    page.on('pageerror', (error) => failed.push(`${locale} page error: ${error.message}`));
    page.on('dialog', (dialog) => void dialog.accept());
    page.setDefaultTimeout(8000);

    await step(page, `${locale} home`, async () => {
      await page.goto(`${base}#/`, { timeout: 60_000 }); // the first load may wait for Vite's dependency optimizer
      await page.locator('.tiles').waitFor({ timeout: 30_000 });
      await shot(page, `${locale}-0-home`);
    });

    await step(page, `${locale} list`, async () => {
      await goTo(page, `${base}#/users`);
      await page.getByText('amelie.dubois@lambert.example').first().waitFor();
      await shot(page, `${locale}-1-list`);
    });

    await step(page, `${locale} list filtered`, async () => {
      await page.locator('portier-user-list').locator('select[part~="client-filter"]').selectOption({ index: 2 });
      await shot(page, `${locale}-1b-list-filtered-by-client`);
      await page.locator('portier-user-list').getByRole('button', { name: /Effacer|Clear/i }).first().click();
    });

    await step(page, `${locale} create`, async () => {
      await page.locator('portier-user-list [part~="create-button"]').click();
      const form = page.locator('portier-user-create');
      await form.waitFor();
      const email = form.getByLabel(/E-mail/i).first();
      await email.fill('nouvelle.collegue@');
      await email.blur();
      await form.getByLabel(/Prénom|First name/i).first().fill('Léa');
      await form.getByLabel(/^Nom|Last name/i).first().fill('Fontaine');
      await shot(page, `${locale}-2-create`, true);
      await email.fill('amelie.dubois@lambert.example');
      await form.locator('[part~="submit-button"]').click();
      await page.waitForTimeout(800);
      await shot(page, `${locale}-2b-create-refused-email-taken`, true);
    });

    await step(page, `${locale} rights`, async () => {
      await goTo(page, `${base}#/users`);
      const row = page.locator('[part~="row"][data-user-id="u-004"]');
      await row.waitFor();
      await row.locator('[part~="action-button"]').nth(1).click(); // "3 rights" → #/users/u-004/access
      const matrix = page.locator('portier-access-rights');
      await matrix.locator('[part~="matrix"]').waitFor();
      // Add a second client and raise one level, so that the added row and the changed cell show.
      await matrix.locator('[part~="search-input"]').fill('Logistics');
      await matrix.locator('[part~="search-input"]').press('Enter');
      await matrix.locator('[part~="results"] button').first().click({ timeout: 3000 }).catch(() => undefined);
      await matrix.locator('select[data-application="portfolio-manager"]').first().selectOption('full');
      await shot(page, `${locale}-3-rights`, true);
    });

    await step(page, `${locale} refusal`, async () => {
      // Leave Amélie (u-001) as the only super user, then open her profile and try to demote her.
      await inDemo(page, "await store.users.setRole('u-002', 'user').catch(() => {}); await store.users.setRole('u-003', 'user').catch(() => {});");
      await goTo(page, `${base}#/users`);
      const row = page.locator('[part~="row"][data-user-id="u-001"]');
      await row.waitFor();
      await row.locator('[part~="action-button"]').first().click();
      const profile = page.locator('portier-user-profile');
      await profile.waitFor();
      const demote = profile.getByRole('button', { name: words.demote }).first();
      if (await demote.isVisible().catch(() => false)) {
        await demote.click().catch(() => undefined);
        await page.waitForTimeout(400);
        const confirm = page.getByRole('dialog').getByRole('button', { name: words.confirm }).first();
        if (await confirm.isVisible().catch(() => false)) await confirm.click();
        await page.waitForTimeout(600);
      }
      await shot(page, `${locale}-4-refusal-last-super-user`, true);
    });

    await step(page, `${locale} sign-in`, async () => {
      await goTo(page, `${base}#/signin`);
      await page.fill('input[name=email]', 'dirk.janssens@lambert.example');
      for (const attempt of ['wrong-1', 'wrong-2']) {
        await page.fill('input[name=password]', attempt);
        await page.click('form button[type=submit]');
        await page.waitForTimeout(300);
      }
      await shot(page, `${locale}-5-sign-in-failed-attempts`);
    });

    await step(page, `${locale} outbox`, async () => {
      await inDemo(page, "await store.users.create({ email: 'nouvelle.collegue@lambert.example', firstName: 'Léa', lastName: 'Fontaine', language: 'fr' });");
      await goTo(page, `${base}#/`);
      await page.click('#outbox-toggle');
      await page.locator('.mail').first().waitFor();
      await shot(page, `${locale}-6-outbox`);
      await page.locator('.mail a').first().click();
      await page.locator('portier-activate-account').waitFor();
      await page.waitForTimeout(500);
      await shot(page, `${locale}-7-activate-from-invitation`);
    });

    await step(page, `${locale} expired invitation`, async () => {
      // A month later the link has run out: its owner asks the administrators, who get an e-mail.
      await page.click('#move-time');
      await page.waitForTimeout(400);
      await page.reload();
      const activate = page.locator('portier-activate-account');
      await activate.locator('[part~="request-new"]').click();
      await activate.locator('[part~="message"]').waitFor();
      if (await page.locator('#outbox').isVisible()) await page.click('#outbox-toggle');
      await shot(page, `${locale}-7b-expired-invitation-requested`);
      await page.click('#outbox-toggle'); // opening it reads the outbox again
      await page.locator('.mail[data-kind="invitation-request"]').first().waitFor();
      await shot(page, `${locale}-7c-outbox-invitation-request`);
      await page.click('#outbox-toggle');
    });

    await step(page, `${locale} delete`, async () => {
      await goTo(page, `${base}#/users/u-004`);
      const profile = page.locator('portier-user-profile');
      await profile.locator('button[data-action="remove"]').click();
      await profile.locator('dialog[open]').waitFor();
      await shot(page, `${locale}-9-delete-confirmation`);
      await profile.locator('button[data-action="dialog-cancel"]').click();
    });

    await step(page, `${locale} authorize all on edit`, async () => {
      await goTo(page, `${base}#/users/u-005/access`);
      const rights = page.locator('portier-access-rights');
      await rights.locator('[part~="matrix"]').waitFor();
      await rights.locator('details[data-method="authorize-all"] summary').click();
      await rights.locator('[data-review="authorize-all"]').click();
      await rights.locator('dialog[open]').waitFor();
      await shot(page, `${locale}-10-authorize-all-preview`, true);
      await page.keyboard.press('Escape');
    });

    await step(page, `${locale} react`, async () => {
      await page.goto(`${base}react.html`);
      await page.getByText('amelie.dubois@lambert.example').first().waitFor();
      await shot(page, `${locale}-8-react`);
    });

    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`${saved.length} screenshots saved:\n${saved.map((path) => `  ${path}`).join('\n')}`);
if (failed.length) {
  console.log(`${failed.length} steps failed:\n${failed.map((line) => `  ${line}`).join('\n')}`);
  process.exitCode = 1;
}
