import { call, Problem } from './api.js';
import { openDialog } from './dialog.js';
import { fill, h, notice } from './dom.js';
import { t } from './i18n.js';
import { refresh, state } from './state.js';

// No function lists an account's sub-accounts: the page remembers those it created (and the demo's), and
// re-checks each through subaccount-delete's unconfirmed answer, which changes nothing (409 = still there).
const DEMO = { acme: [{ subAccountId: '00000000-0000-4000-8000-0000000000c1', name: 'Training team', storageGb: 5, recordingHours: 2 }] };

const key = () => `billing-page.subaccounts.${state.details.accountId}`;

function known() {
  if (!state.details) return [];
  const stored = localStorage.getItem(key());
  return stored ? JSON.parse(stored) : (DEMO[state.details.accountId] ?? []);
}

function remember(list) {
  localStorage.setItem(key(), JSON.stringify(list));
}

export function subAccountName(id) {
  const found = known().find((s) => s.subAccountId === id);
  return found ? `${found.name} (${id})` : id;
}

export async function recheckSubAccounts() {
  const still = [];
  for (const s of known()) {
    try {
      await call('subaccount-delete', { subAccountId: s.subAccountId });
      still.push(s); // never happens without confirm; kept to be safe
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      if (e.status !== 404) still.push(s);
    }
  }
  remember(still);
}

function row(s) {
  const menuId = `actions-${s.subAccountId}`;
  const toggle = h('button', { type: 'button', class: 'actions', 'aria-expanded': 'false', 'aria-controls': menuId }, t('sub.actions'));
  const menu = h(
    'div',
    { id: menuId, class: 'menu', hidden: true },
    h('button', { type: 'button', class: 'delete', 'aria-label': t('sub.deleteLabel', { name: s.name }), onclick: () => askDelete(s) }, t('sub.delete')),
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    menu.hidden = !open;
    if (open) menu.querySelector('button').focus();
  });
  return h(
    'li',
    { id: `sub-${s.subAccountId}`, dataset: { subAccountId: s.subAccountId } },
    h('span', { class: 'name' }, s.name),
    ` · ${t('sub.storage', { n: s.storageGb })} · ${t('sub.recording', { n: s.recordingHours })} `,
    toggle,
    menu,
  );
}

export function renderSubAccounts() {
  const seats = state.entitlements?.subAccountSeats;
  fill('seats', seats ? t('sub.seats', seats) : '');
  if (!state.details) return fill('sub-list');
  const list = known();
  const others = seats ? seats.used - list.length : 0;
  fill(
    'sub-list',
    list.length ? h('ul', { id: 'sub-accounts' }, list.map(row)) : h('p', {}, t('sub.none')),
    others > 0 ? h('p', { id: 'sub-others' }, t('sub.unknown', { n: others })) : null,
  );
}

function askDelete(s) {
  const typed = h('input', { id: 'delete-typed', autocomplete: 'off', spellcheck: 'false' });
  const [confirm] = openDialog({
    title: t('sub.deleteTitle', { name: s.name }),
    body: [
      h('p', { class: 'warning', id: 'delete-warning' }, t('sub.deleteWarning')),
      h('p', {}, t('sub.deleteNotCancel')),
      h('label', { for: 'delete-typed' }, t('sub.typeToConfirm', { name: s.name })),
      typed,
    ],
    actions: [
      {
        id: 'delete-confirm',
        label: t('sub.deleteConfirm'),
        danger: true,
        disabled: () => typed.value.trim() !== s.name,
        run: async () => {
          const answer = await call('subaccount-delete', { subAccountId: s.subAccountId, confirm: true });
          remember(known().filter((k) => k.subAccountId !== s.subAccountId));
          await refresh();
          notice('sub-notice', t('sub.deleted', { name: s.name, ...answer.erased }), 'success');
          return true;
        },
      },
    ],
  });
  typed.addEventListener('input', () => {
    confirm.disabled = typed.value.trim() !== s.name;
  });
}

export function initSubAccounts() {
  document.getElementById('sub-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (id) => document.getElementById(id).value;
    notice('sub-notice', null);
    try {
      const created = await call('subaccount-create', {
        name: value('sub-name'),
        storageGb: Number(value('sub-storage')),
        recordingHours: Number(value('sub-recording')),
        admin: { userId: value('sub-admin-id'), name: value('sub-admin-name') },
      });
      remember([...known(), created]);
      event.target.reset();
      await refresh();
      notice('sub-notice', t('sub.created', { name: created.name }), 'success');
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      notice('sub-notice', e.message, 'error');
    }
  });
}
