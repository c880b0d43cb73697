import { fill, h, notice } from './dom.js';
import { t } from './i18n.js';

// One modal <dialog>: the browser traps the focus in it and closes it with Escape.

const dialog = () => document.getElementById('dialog');

/**
 * Opens the dialog with a title, content and buttons; a button's `run` returns true to close the dialog.
 * A product refusal thrown by `run` is shown in the dialog, from its detail.
 */
export function openDialog({ title, body, actions }) {
  fill('dialog-h', title);
  fill('dialog-body', body);
  notice('dialog-notice', null);
  const buttons = actions.map((action) =>
    h(
      'button',
      {
        type: 'button',
        id: action.id,
        class: action.danger ? 'danger' : null,
        disabled: isDisabled(action),
        onclick: async (event) => {
          event.preventDefault();
          const button = event.currentTarget;
          button.disabled = true;
          try {
            if (!action.run || (await action.run())) closeDialog();
          } catch (e) {
            notice('dialog-notice', e.message, 'error');
          } finally {
            button.disabled = isDisabled(action);
          }
        },
      },
      action.label,
    ),
  );
  fill('dialog-actions', buttons, h('button', { type: 'button', id: 'dialog-close', onclick: closeDialog }, t('dialog.close')));
  if (!dialog().open) dialog().showModal();
  (dialog().querySelector('input') ?? buttons[0])?.focus();
  return buttons;
}

function isDisabled(action) {
  return typeof action.disabled === 'function' ? action.disabled() : Boolean(action.disabled);
}

export function closeDialog() {
  if (dialog().open) dialog().close();
}
