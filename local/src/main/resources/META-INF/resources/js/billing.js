import { call } from './api.js';
import { openDialog } from './dialog.js';
import { fill, h, notice } from './dom.js';
import { day, instant, label, money, t } from './i18n.js';
import { refresh, state } from './state.js';
import { loadSubAccounts } from './subaccounts.js';

const CANCELLABLE = ['ACTIVE', 'PAST_DUE'];

function field(name, value, id) {
  return [h('dt', {}, name), h('dd', { id }, value)];
}

function purchaseRow(p, currency) {
  const until = p.activeUntil ? t('billing.activeUntil', { date: day(p.activeUntil) }) : p.renewsOn ? t('billing.renewsOn', { date: day(p.renewsOn) }) : '';
  const name = label('addOn', p.addOn);
  const cancellable = CANCELLABLE.includes(p.status) && p.addOn !== 'USERNAME_CHANGE';
  return h(
    'tr',
    { id: `purchase-${p.purchaseId}`, dataset: { addOn: p.addOn, status: p.status } },
    h('th', { scope: 'row' }, name),
    h('td', { class: 'num' }, p.quantity),
    h('td', { class: 'status' }, label('status', p.status)),
    h('td', { class: 'num' }, money(p.cyclePrice, currency)),
    h('td', { class: 'until' }, until),
    h(
      'td',
      {},
      cancellable
        ? h('button', { type: 'button', class: 'cancel', 'aria-label': t('billing.cancelLabel', { addOn: name, quantity: p.quantity }), onclick: () => askCancel(p) }, t('billing.cancel'))
        : null,
    ),
  );
}

export function renderBilling() {
  const d = state.details;
  if (!d) return fill('billing-body');
  const table = d.purchases.length
    ? h(
        'table',
        { id: 'purchases' },
        h('caption', {}, t('billing.addons')),
        h('thead', {}, h('tr', {}, ['col.addOn', 'col.quantity', 'col.status', 'col.cyclePrice', 'col.until', 'col.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, d.purchases.map((p) => purchaseRow(p, d.currency))),
      )
    : h('p', { id: 'purchases' }, t('billing.noPurchases'));
  fill(
    'billing-body',
    h(
      'dl',
      { class: 'facts' },
      field(t('billing.plan'), label('plan', d.plan), 'plan'),
      field(t('billing.period'), label('period', d.billingPeriod), 'period'),
      field(t('billing.cycle'), t('billing.cycleRange', { start: day(d.cycleStart), end: day(d.cycleEnd) }), 'cycle'),
      field(
        t('billing.nextRenewal'),
        t('billing.nextRenewalValue', { amount: money(d.nextRenewal.amount, d.currency), date: day(d.nextRenewal.date) }),
        'next-renewal',
      ),
    ),
    table,
  );
}

export function renderInvoices() {
  if (!state.details) return fill('invoices-body');
  if (!state.invoices.length) return fill('invoices-body', h('p', {}, t('invoices.none')));
  const rows = state.invoices.map((i) =>
    h(
      'tr',
      { id: `invoice-${i.invoiceId}`, dataset: { kind: i.kind, status: i.status } },
      h('th', { scope: 'row' }, i.number),
      h('td', {}, label('kind', i.kind)),
      h('td', {}, instant(i.issuedAt)),
      h('td', {}, t('billing.cycleRange', { start: day(i.cycleStart), end: day(i.cycleEnd) })),
      h('td', { class: 'num' }, money(i.total, i.currency)),
      h('td', {}, label('status', i.status)),
      h('td', {}, h('ul', { class: 'lines' }, i.lines.map((l) => h('li', {}, `${label('addOn', l.addOn)} × ${l.quantity}: ${money(l.amount, i.currency)}`)))),
    ),
  );
  fill(
    'invoices-body',
    h(
      'table',
      { id: 'invoices' },
      h('thead', {}, h('tr', {}, ['col.number', 'col.kind', 'col.issuedAt', 'col.cycle', 'col.total', 'col.status', 'col.lines'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows),
    ),
    state.nextCursor ? h('button', { type: 'button', id: 'invoices-more', onclick: moreInvoices }, t('invoices.more')) : null,
  );
}

async function moreInvoices() {
  try {
    const page = await call('invoices', { cursor: state.nextCursor });
    state.invoices = [...state.invoices, ...page.invoices];
    state.nextCursor = page.nextCursor;
    renderInvoices();
  } catch (e) {
    notice('billing-notice', e.message, 'error');
  }
}

function cancelled(p, answer) {
  return refresh().then(() =>
    notice('billing-notice', t('cancel.done', { addOn: label('addOn', p.addOn), quantity: p.quantity, date: day(answer.activeUntil) }), 'success'),
  );
}

/** Seed: "Annuler" next to the add-on; a whole purchase only, active until the cycle's end. */
function askCancel(p) {
  const name = label('addOn', p.addOn);
  openDialog({
    title: t('cancel.title', { addOn: name, quantity: p.quantity }),
    body: [
      h('p', {}, t('cancel.whole', { quantity: p.quantity })),
      h('p', { id: 'cancel-until' }, t('cancel.until', { date: day(state.details.cycleEnd) })),
    ],
    actions: [
      {
        id: 'cancel-confirm',
        label: t('cancel.confirm'),
        danger: true,
        run: async () => {
          try {
            await cancelled(p, await call('cancel', { purchaseId: p.purchaseId }));
            return true;
          } catch (e) {
            if (e.code !== 'confirmation_required') throw e;
            askErasure(p, e.body.subAccounts ?? [], (await loadSubAccounts()).subAccounts);
            return false;
          }
        },
      },
    ],
  });
}

/**
 * Cancelling sub-account seats erases the sub-accounts in them when the cycle ends: say whose (those the list
 * places in the purchase's seats, and any other the refusal names, by id), and ask.
 */
function askErasure(p, namedIds, listed) {
  const inSeats = listed.filter((s) => s.purchaseId === p.purchaseId);
  const others = namedIds.filter((id) => !inSeats.some((s) => s.subAccountId === id));
  const item = (id, text) => h('li', { dataset: { subAccountId: id } }, text);
  const check = h('input', { type: 'checkbox', id: 'erasure-check' });
  const [confirm] = openDialog({
    title: t('cancel.erasureTitle'),
    body: [
      h('p', { class: 'warning', id: 'erasure-warning' }, t('cancel.erasure', { date: day(state.details.cycleEnd) })),
      h(
        'ul',
        { id: 'erasure-list' },
        inSeats.map((s) => item(s.subAccountId, s.admin ? `${s.name} (${s.admin.userId})` : s.name)),
        others.map((id) => item(id, id)),
      ),
      h('p', {}, check, ' ', h('label', { for: 'erasure-check' }, t('cancel.erasureCheck'))),
    ],
    actions: [
      {
        id: 'erasure-confirm',
        label: t('cancel.confirm'),
        danger: true,
        disabled: () => !check.checked,
        run: async () => {
          await cancelled(p, await call('cancel', { purchaseId: p.purchaseId, confirmErasure: true }));
          return true;
        },
      },
    ],
  });
  check.addEventListener('change', () => {
    confirm.disabled = !check.checked;
  });
}
