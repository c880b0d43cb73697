// What the page knows of the signed-in user, shared by the sections; `refresh` re-reads it from the functions.

export const state = {
  user: null,
  details: null, // billing-details, when the user is an owner
  entitlements: null,
  subAccounts: null, // the subaccounts function's answer, when the user is an owner
  invoices: [],
  nextCursor: null,
  devClock: false, // the local-only dev-clock answered: the page runs against the local app
  hooks: { refresh: async () => {}, render: () => {} },
};

export const refresh = () => state.hooks.refresh();
export const render = () => state.hooks.render();
