/// <reference types="mocha" />
import { PortierError, type Portier } from '@portier/core';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../define/audit-log.js';
import { $, $$, brokenWords, choose, createTestPortier, deepActiveElement, expectNoAxeViolations, press, renderWithPortier, roomTaken, settle, textOf } from '../test-utils/index.js';
import type { PortierAuditLog } from './audit-log.js';

const wait = () => new Promise((resolve) => setTimeout(resolve, 30));

const rows = (element: PortierAuditLog) =>
  $$<HTMLTableRowElement>(element, 'table[part~="log"] tbody tr').map((row) => [...row.cells].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));

async function withChanges() {
  const test = await createTestPortier();
  await test.portier.users.setRole('u-005', 'superuser');
  await test.portier.access.set('u-004', [{ clientId: 'c-brasserie', applicationId: 'energy-guard', level: 'full' }]);
  await test.portier.clients.setManaged('u-004', ['c-brasserie', 'c-logistics']);
  return test;
}

describe('<portier-audit-log>', () => {
  it('says who changed what, when, before → after, newest first', async () => {
    const test = await withChanges();
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await wait();
    await settle(element);
    const shown = rows(element);
    expect(shown).to.have.length(3);
    const [managed, access, role] = shown;
    expect(managed!.slice(1, 4)).to.deep.equal(['Amélie Dubois', 'Managed clients changed', 'Dirk Janssens']);
    expect(managed![4]).to.equal('Managed clients: Brasserie Lambert SA → Brasserie Lambert SA, Lambert Logistics NV');
    expect(access![2]).to.equal('Access rights changed');
    expect(access![4]).to.equal('Brasserie Lambert SA · Energy Guard: Alert → Full');
    expect(role!.slice(2)).to.deep.equal(['Role changed', 'Elodie Martin', 'Role: User → Super User']);
    const time = $<HTMLTimeElement>(element, 'time');
    expect(time.textContent).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time.dateTime)));
    await expectNoAxeViolations(element);
  });

  it('shows each right changed with its profile, and leaves out the rights that stay without access', async () => {
    const test = await createTestPortier();
    await test.portier.access.set('u-004', [{ clientId: 'c-brasserie', applicationId: 'portfolio-manager', level: 'full', profile: 'GESTION SUIVI' }]);
    // "Authorize all" writes "no access" where an application has no level low enough: nothing changes there.
    await test.portier.access.authorizeAll('u-006', { supply: 'read', services: 'alert' });
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await wait();
    await settle(element);
    const changeLines = (row: HTMLTableRowElement) => [...row.querySelectorAll('[part~="change"]')].map((line) => line.textContent!.replace(/\s+/g, ' ').trim());
    const [authorized, copied] = $$<HTMLTableRowElement>(element, 'table[part~="log"] tbody tr');
    expect(changeLines(copied!)).to.deep.equal(['Brasserie Lambert SA · Portfolio Manager: Read only, profile REFERENT → Full, profile GESTION SUIVI']);
    const lines = changeLines(authorized!);
    expect(lines).to.include('Brasserie Lambert SA · Portfolio Manager: No access → Read only');
    expect(lines).to.include('Lambert Logistics NV · Energy Guard: No access → Alert');
    expect(lines.filter((line) => line.endsWith('→ No access')), 'no line for a right left without access').to.deep.equal([]);
  });

  it('shows the first changes of a long entry and the rest behind a disclosure', async () => {
    const test = await createTestPortier();
    const applications = ['invoice-viewer', 'manage-access-points', 'my-customer-data'];
    const grants = ['c-brasserie', 'c-logistics', 'c-retail', 'c-immo'].flatMap((clientId) => applications.map((applicationId) => ({ clientId, applicationId, level: 'full' as const })));
    await test.portier.access.set('u-006', grants);
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await wait();
    await settle(element);
    const row = $$<HTMLTableRowElement>(element, 'table[part~="log"] tbody tr')[0]!;
    const list = row.querySelector('[part~="changes"]')!;
    const shownFirst = [...list.children].filter((item) => item.matches('[part~="change"]'));
    expect(shownFirst).to.have.length(5);
    const more = row.querySelector<HTMLDetailsElement>('details[part~="more-changes"]')!;
    expect(more.open).to.equal(false);
    expect(more.querySelector('summary')!.textContent).to.equal('7 more changes');
    expect(more.querySelectorAll('[part~="change"]')).to.have.length(7);
    more.querySelector('summary')!.click();
    expect(more.open).to.equal(true);
    expect(more.querySelector<HTMLElement>('[part~="change"]:last-child')!.offsetHeight).to.be.greaterThan(0);
    await expectNoAxeViolations(element);
  });

  it('shows the rights a server recorded in odd shapes as far as they make sense, without failing', async () => {
    const test = await createTestPortier();
    const entry = {
      id: 'a-odd', at: new Date(test.portier.getState().now).toISOString(), organizationId: 'org-lambert', actorId: 'u-001', action: 'access.set', targetId: 'u-004',
      before: { grants: [null, 42, 'full', { clientId: 'c-brasserie' }] },
      after: {
        grants: [{ clientId: 'c-brasserie', applicationId: 'energy-guard', level: 'full' }, [], { applicationId: 'x' }, { clientId: 'constructor', applicationId: 'toString', level: 'constructor' }],
        role: 'constructor',
        // A newer backend's fields, holding objects.
        quota: { seats: 3 },
        tags: [{ id: 't-1' }, 'vip'],
      },
    };
    // Ids and an action named like inherited members, a right with no level and an object for a profile.
    const inherited = {
      ...entry,
      id: 'a-inherited',
      actorId: 'constructor',
      action: 'constructor',
      targetId: 'toString',
      before: {},
      after: { grants: [{ clientId: 'c-logistics', applicationId: 'energy-guard', profile: {} }] },
    };
    const odd: Portier = { ...test.portier, audit: { list: async () => [entry, inherited] as never } };
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: { ...test, portier: odd } });
    await wait();
    await settle(element);
    // Words and names named like inherited members are shown as they are, not as a function's text.
    const lines = $$(element, '[part~="change"]').map((line) => line.textContent!.replace(/\s+/g, ' ').trim());
    expect(lines).to.deep.equal([
      'Brasserie Lambert SA · Energy Guard: No access → Full',
      'constructor · toString: No access → constructor',
      'Role: — → constructor',
      'quota: — → {"seats":3}',
      'tags: — → {"id":"t-1"}, vip',
    ]);
    expect(rows(element)[1]!.slice(1, 4)).to.deep.equal(['Removed user (constructor)', 'constructor', 'Removed user (toString)']);
    expect(rows(element)[1]![4]).to.equal('—');
  });

  it('names an end date set or removed as such, not as a deactivation or an activation', async () => {
    const test = await createTestPortier();
    const later = new Date(test.portier.getState().now + 40 * 86_400_000).toISOString().slice(0, 10);
    await test.portier.users.deactivate('u-005', { until: later });
    await test.portier.users.activate('u-005');
    await test.portier.users.deactivate('u-004');
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await wait();
    await settle(element);
    expect(rows(element).map((row) => row[2])).to.deep.equal(['Account deactivated', 'End date removed', 'End date set']);
  });

  it('names in its caption whose changes it shows: the organization’s, or one user’s', async () => {
    const test = await withChanges();
    const all = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await wait();
    await settle(all.element);
    expect($(all.element, 'caption').textContent).to.equal('Changes in your organization, newest first');
    const one = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log user-id="u-004"></portier-audit-log>`, { portier: test });
    await wait();
    await settle(one.element);
    expect($(one.element, 'caption').textContent).to.equal('Changes to Dirk Janssens, newest first');
  });

  it('shows a change made meanwhile, and filters by user', async () => {
    const test = await withChanges();
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await wait();
    await test.portier.users.block('u-017');
    await wait();
    await settle(element);
    expect(rows(element)[0]!.slice(2, 4)).to.deep.equal(['Account blocked', 'Quentin Mertens']);
    expect(rows(element)[0]![4]).to.equal('Status: Active → Blocked');

    choose($<HTMLSelectElement>(element, '#user-filter'), 'u-004');
    await wait();
    await settle(element);
    expect(rows(element).map((row) => row[2])).to.deep.equal(['Managed clients changed', 'Access rights changed']);
    expect($(element, '[role="status"]').textContent!.trim()).to.equal('2 changes');
  });

  it('takes the user from the user-id attribute and speaks French', async () => {
    const test = await withChanges();
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log user-id="u-005"></portier-audit-log>`, { portier: test, locale: 'fr' });
    await wait();
    await settle(element);
    expect(element.shadowRoot!.querySelector('#user-filter')).to.equal(null);
    expect(rows(element)).to.have.length(1);
    expect(rows(element)[0]!.slice(2)).to.deep.equal(['Rôle modifié', 'Elodie Martin', 'Rôle : User → Super User']);
    // French sets a narrow no-break space before the colon (common.labelled), as everywhere else.
    expect($(element, '[part~="field"]').textContent).to.equal('Rôle\u202f:');
    expect(textOf(element)).to.contain('Modifications récentes');
    await expectNoAxeViolations(element);
  });

  it('says when nothing was recorded, and refuses a plain user', async () => {
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`);
    await wait();
    await settle(element);
    expect(textOf(element)).to.contain('No change has been recorded yet.');

    const plain = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { actorId: 'u-004', locale: 'de' });
    expect($(plain.element, '[role="alert"]').textContent).to.equal('Nur ein Super User kann das Änderungsprotokoll lesen.');
    expect(plain.element.shadowRoot!.querySelector('table')).to.equal(null);
    await expectNoAxeViolations(plain.element);
  });

  it('keeps the focus on Refresh while the log loads slowly, and ignores a second press meanwhile', async () => {
    const test = await withChanges();
    let release = () => {};
    let loads = 0;
    const slow: Portier = {
      ...test.portier,
      audit: {
        list: (query) => {
          loads++;
          return new Promise<void>((resolve) => (release = resolve)).then(() => test.portier.audit.list(query));
        },
      },
    };
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: { ...test, portier: slow } });
    release();
    await wait();
    await settle(element);
    expect(rows(element)).to.have.length(3);

    loads = 0;
    const refresh = $<HTMLButtonElement>(element, '[part~="toolbar"] button');
    refresh.focus();
    await press('Enter');
    await settle(element);
    expect(deepActiveElement() === refresh, `focus on ${deepActiveElement()?.localName}`).to.equal(true);
    expect(refresh.getAttribute('aria-disabled')).to.equal('true');
    await press('Enter');
    await settle(element);
    expect(loads).to.equal(1);
    release();
    await wait();
    await settle(element);
    expect(refresh.getAttribute('aria-disabled')).to.equal('false');
    expect(deepActiveElement() === refresh, 'focus on Refresh').to.equal(true);
  });

  it('keeps an empty alert in the page, taking no room, and puts a failure in that same alert', async () => {
    const test = await withChanges();
    let fail = false;
    const failing: Portier = {
      ...test.portier,
      audit: { list: (query) => (fail ? Promise.reject(new PortierError('server')) : test.portier.audit.list(query)) },
    };
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: { ...test, portier: failing } });
    await wait();
    await settle(element);
    const alert = $(element, '[role="alert"]');
    expect(alert.textContent).to.equal('');
    expect(alert.getAttribute('part')).to.equal('error');
    expect(roomTaken(alert), 'the empty alert takes no room').to.equal(0);

    fail = true;
    $<HTMLButtonElement>(element, '[part~="toolbar"] button').click();
    await wait();
    await settle(element);
    expect($(element, '[role="alert"]') === alert, 'the same alert').to.equal(true);
    expect(alert.textContent!.trim()).to.not.equal('');
  });

  it('shows each change as a card with its column labels in a narrow box, words whole, and stays a table when wide', async () => {
    const test = await withChanges();
    const { element } = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test, locale: 'de' });
    element.style.width = '360px';
    await wait();
    await settle(element);
    const table = $<HTMLTableElement>(element, 'table[part~="log"]');
    const [first] = $$<HTMLTableRowElement>(element, 'tbody tr');
    expect(getComputedStyle(first!).display).to.equal('grid');
    expect(table.tHead!.getBoundingClientRect().height, 'the header row is only for screen readers').to.be.at.most(1);
    // The table keeps its semantics through explicit roles.
    expect(table.getAttribute('role')).to.equal('table');
    expect(first!.getAttribute('role')).to.equal('row');
    expect([...first!.cells].map((cell) => cell.getAttribute('role'))).to.deep.equal(['cell', 'cell', 'cell', 'cell', 'cell']);
    expect([...first!.cells].map((cell) => cell.dataset['label'] ?? '')).to.deep.equal(['', 'Von', 'Was', 'Benutzer', 'Vorher → nachher']);
    // The label is shown before the value, and left out for screen readers (they have the header).
    expect(getComputedStyle(first!.cells[2]!, '::before').content).to.equal('"Was" / ""');
    // Every word on one line; the action and the change get real width.
    expect(brokenWords(table.tBodies[0]!)).to.deep.equal([]);
    expect(first!.cells[2]!.querySelector('span')!.getBoundingClientRect().width).to.be.at.least(150);
    expect($(element, '[part~="change"]').getBoundingClientRect().width).to.be.at.least(300);
    expect(table.getBoundingClientRect().width).to.be.at.most(360);
    await expectNoAxeViolations(element);

    element.style.width = '1000px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(getComputedStyle(table).display).to.equal('table');
    expect(getComputedStyle(first!).display).to.equal('table-row');
    expect(table.tHead!.getBoundingClientRect().height).to.be.greaterThan(20);
    expect(brokenWords(table.tBodies[0]!)).to.deep.equal([]);
  });
});
