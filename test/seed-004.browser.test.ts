/// <reference types="mocha" />
/**
 * End to end, seed 004 (e-finance's three ways to grant access), from `<portier-admin>`: create a
 * user by copying another one without one application; authorize all with a level an application
 * does not allow and read, in the rights matrix, the nearest lower level that was given.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '@portier/elements/define';
import type { PortierAdmin } from '../packages/elements/src/admin/admin.js';
import { $, $$, choose, expectNoAxeViolations, renderWithPortier, settle, type } from '../packages/elements/src/test-utils/index.js';

/** The screen `tag` inside the admin, once rendered. */
async function screen<E extends HTMLElement>(admin: PortierAdmin, tag: string): Promise<E> {
  await settle(admin);
  await waitUntil(() => admin.shadowRoot!.querySelector(tag), `<${tag}> is shown`);
  const found = admin.shadowRoot!.querySelector<E>(tag)!;
  await settle(found);
  return found;
}

/** What the rights matrix shows: `client/application` → the selected level, and its visible label. */
function matrix(rights: HTMLElement): Map<string, { value: string; label: string }> {
  const cells = new Map<string, { value: string; label: string }>();
  for (const select of $$<HTMLSelectElement>(rights, 'select[part~="level"][data-client][data-application]')) {
    cells.set(`${select.dataset.client}/${select.dataset.application}`, { value: select.value, label: select.selectedOptions[0]!.textContent!.trim() });
  }
  return cells;
}

/** Opens the create form, fills the identity, picks the access mode and returns the form. */
async function startCreate(admin: PortierAdmin, values: Record<string, string>, mode: 'copy' | 'authorize-all'): Promise<HTMLElement> {
  $<HTMLButtonElement>(admin, '[part~="nav-item"][data-view="create"]').click();
  const form = await screen(admin, 'portier-user-create');
  for (const [id, value] of Object.entries(values)) type($<HTMLInputElement>(form, `#${id}`), value);
  $<HTMLInputElement>(form, `#mode-${mode}`).click();
  await settle(form);
  return form;
}

/** Sends the form; the admin then shows the new user's rights matrix. */
async function submit(admin: PortierAdmin, form: HTMLElement, name: string): Promise<HTMLElement> {
  $<HTMLButtonElement>(form, '[part="submit-button"]').click();
  await waitUntil(() => admin.view === 'access' && $(admin, '[part~="detail-name"]').textContent === name, `the rights of ${name} open`, { timeout: 5000 });
  const rights = await screen(admin, 'portier-access-rights');
  await waitUntil(() => rights.shadowRoot!.querySelector('table[part~="matrix"]'), 'the matrix is shown');
  return rights;
}

describe('seed 004, end to end: copy a user, authorize all', () => {
  afterEach(() => history.replaceState(null, '', window.location.pathname + window.location.search));

  it('copies an existing user without one application, as the source matrix shows it', async () => {
    const { element: admin } = await renderWithPortier<PortierAdmin>(html`<portier-admin></portier-admin>`);

    // Read the source user's rights from its matrix, as an administrator would.
    const list = await screen(admin, 'portier-user-list');
    type($<HTMLInputElement>(list, '#email-filter'), 'amelie.dubois');
    await settle(list);
    await waitUntil(() => list.shadowRoot!.querySelector('button[aria-label$="Edit the access rights of Amélie Dubois"]'), 'the row of Amélie Dubois');
    $<HTMLButtonElement>(list, 'button[aria-label$="Edit the access rights of Amélie Dubois"]').click();
    const sourceRights = await screen(admin, 'portier-access-rights');
    const source = matrix(sourceRights);
    const given = [...source].filter(([, cell]) => cell.value !== 'none').map(([key]) => key);
    expect(given.some((key) => key.endsWith('/invoice-viewer'))).to.equal(true);
    expect(given.some((key) => !key.endsWith('/invoice-viewer'))).to.equal(true);

    // Copy her, excluding Invoice Viewer.
    const form = await startCreate(admin, { email: 'copy.of.amelie@lambert.example', firstName: 'Camille', lastName: 'Copie' }, 'copy');
    choose($<HTMLSelectElement>(form, '#sourceUserId'), 'u-001');
    await settle(form);
    $<HTMLInputElement>(form, '#exclude-invoice-viewer').click();
    await settle(form);
    const preview = $$(form, '[part="preview"] tbody tr').map((row) => row.dataset.application);
    expect(preview).to.not.include('invoice-viewer');
    await expectNoAxeViolations(form);
    const rights = await submit(admin, form, 'Camille Copie');

    // The copy's matrix: every right of the source but Invoice Viewer, at the same level.
    const copy = matrix(rights);
    for (const [key, cell] of source) {
      if (cell.value === 'none') continue;
      const expected = key.endsWith('/invoice-viewer') ? 'none' : cell.value;
      expect(copy.get(key)?.value ?? 'none', key).to.equal(expected);
    }
    for (const [key, cell] of copy) {
      if (cell.value !== 'none') expect(source.get(key)?.value, key).to.equal(cell.value);
    }
    expect([...copy.values()].filter((cell) => cell.value !== 'none').length).to.be.greaterThan(0);
    await expectNoAxeViolations(admin);
  });

  it('authorizes all with a level an application does not allow, and the matrix shows the nearest lower level', async () => {
    const { element: admin } = await renderWithPortier<PortierAdmin>(html`<portier-admin></portier-admin>`);
    const form = await startCreate(admin, { email: 'all.read@lambert.example', firstName: 'Alix', lastName: 'Lecture' }, 'authorize-all');

    // Supply contracts: "Read only" for every application. Services contracts: "Alert".
    const supply = $<HTMLSelectElement>(form, '#type-supply');
    expect([...supply.options].map((option) => option.value)).to.include.members(['none', 'alert', 'read', 'full']);
    choose(supply, 'read');
    choose($<HTMLSelectElement>(form, '#type-services'), 'alert');
    await settle(form);

    // The form previews what each application will get.
    const previewed = (client: string, application: string) =>
      $(form, `[part="preview"] tr[data-client="${client}"][data-application="${application}"]`).lastElementChild!.textContent!.trim();
    expect(previewed('c-brasserie', 'portfolio-manager')).to.equal('Read only');
    expect(previewed('c-brasserie', 'energy-guard')).to.equal('Alert');
    expect(previewed('c-brasserie', 'invoice-viewer')).to.equal('No access');
    await expectNoAxeViolations(form);

    const rights = await submit(admin, form, 'Alix Lecture');
    const given = matrix(rights);
    // Portfolio Manager allows read: read. Energy Guard allows none/alert/full: alert, the nearest
    // level below read (never above). Invoice Viewer allows none/full only: none.
    expect(given.get('c-brasserie/portfolio-manager')).to.deep.equal({ value: 'read', label: 'Read only' });
    expect(given.get('c-brasserie/energy-guard')).to.deep.equal({ value: 'alert', label: 'Alert' });
    expect(given.get('c-brasserie/invoice-viewer')?.value ?? 'none').to.equal('none');
    expect(given.get('c-brasserie/manage-access-points')?.value ?? 'none').to.equal('none');
    // Services (Lambert Logistics): Energy Guard allows alert; the none/full applications get none.
    expect(given.get('c-logistics/energy-guard')).to.deep.equal({ value: 'alert', label: 'Alert' });
    expect(given.get('c-logistics/billing-export')?.value ?? 'none').to.equal('none');
    for (const [key, cell] of given) expect(['none', 'alert', 'read'], key).to.include(cell.value);
    await expectNoAxeViolations(admin);
  });
});
