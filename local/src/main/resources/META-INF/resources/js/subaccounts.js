import { call, Problem } from './api.js';
import { openDialog } from './dialog.js';
import { fill, h, notice } from './dom.js';
import { instant, t } from './i18n.js';
import { refresh, state } from './state.js';

/** The owner's sub-accounts and seats, from the subaccounts function (state.subAccounts holds its answer). */
export async function loadSubAccounts() {
  state.subAccounts = await call('subaccounts');
  return state.subAccounts;
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
    s.admin ? ` · ${t('sub.admin', { name: s.admin.name, userId: s.admin.userId })}` : '',
    ` · ${t('sub.storage', { n: s.storageGb })} · ${t('sub.recording', { n: s.recordingHours })}`,
    ` · ${t('sub.createdAt', { at: instant(s.createdAt) })} `,
    toggle,
    menu,
  );
}

export function renderSubAccounts() {
  const listed = state.subAccounts;
  fill('seats', listed ? t('sub.seats', listed.seats) : '');
  if (!listed) return fill('sub-list');
  fill('sub-list', listed.subAccounts.length ? h('ul', { id: 'sub-accounts' }, listed.subAccounts.map(row)) : h('p', { id: 'sub-none' }, t('sub.none')));
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
      event.target.reset();
      await refresh();
      notice('sub-notice', t('sub.created', { name: created.name }), 'success');
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      notice('sub-notice', e.message, 'error');
    }
  });
}
