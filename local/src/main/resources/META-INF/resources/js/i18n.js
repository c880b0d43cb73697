// French (the seed's language) and English: the browser's language picks one, the switch changes it.
// Amounts and dates go through Intl, so each currency keeps its own minor digits (JPY has none).

const messages = {
  fr: {
    title: 'Facturation des modules complémentaires',
    skip: 'Aller au contenu',
    'lang.label': 'Langue',
    'who.label': 'Qui êtes-vous ?',
    'who.other': 'Autre identifiant…',
    'who.otherLabel': 'Identifiant d’utilisateur',
    'who.submit': 'Se connecter',
    'who.as': 'Connecté en tant que {user}',
    'who.none': 'Choisissez un utilisateur de démonstration pour commencer.',
    'user.owner-acme': 'Propriétaire du compte acme',
    'user.member-acme': 'Membre du compte acme',
    'user.subuser-acme': 'Utilisateur du compte secondaire « Training team »',
    'user.owner-trial': 'Propriétaire en essai gratuit',
    'user.owner-globex-declined': 'Propriétaire dont la carte est refusée (globex)',
    'user.owner-initech-3ds': 'Propriétaire dont la banque demande 3-D Secure (initech, JPY)',
    'nav.label': 'Sections',
    'billing.title': 'Détails de facturation',
    'billing.plan': 'Plan',
    'billing.period': 'Période de facturation',
    'billing.cycle': 'Cycle en cours',
    'billing.cycleRange': 'du {start} au {end} (exclu)',
    'billing.nextRenewal': 'Prochain renouvellement',
    'billing.nextRenewalValue': '{amount} le {date}',
    'billing.addons': 'Modules complémentaires installés',
    'billing.noPurchases': 'Aucun module complémentaire.',
    'col.addOn': 'Module',
    'col.quantity': 'Quantité',
    'col.status': 'Statut',
    'col.cyclePrice': 'Prix par cycle',
    'col.until': 'Actif jusqu’au / renouvelé le',
    'col.actions': 'Actions',
    'billing.activeUntil': 'actif jusqu’au {date}',
    'billing.renewsOn': 'renouvelé le {date}',
    'billing.cancel': 'Annuler',
    'billing.cancelLabel': 'Annuler {addOn} × {quantity}',
    'invoices.title': 'Factures',
    'invoices.none': 'Aucune facture.',
    'invoices.more': 'Factures plus anciennes',
    'col.number': 'Numéro',
    'col.kind': 'Type',
    'col.issuedAt': 'Émise le',
    'col.cycle': 'Cycle',
    'col.total': 'Total',
    'col.lines': 'Lignes',
    'buy.title': 'Acheter un module complémentaire',
    'buy.addOn': 'Module complémentaire',
    'buy.quantity': 'Quantité',
    'buy.quote': 'Voir le prix',
    'buy.cyclePrice': 'Prix du cycle de facturation complet ({days} jours)',
    'buy.chargeNow': 'Montant facturé maintenant',
    'buy.daysLeft': '{n} jour(s) restant(s) dans le cycle, jusqu’au {date}',
    'buy.oneTime': 'Paiement unique, sans renouvellement',
    'buy.renewsOn': 'Renouvelé ensuite le {date} au prix du cycle complet',
    'buy.expiresIn': 'Ce prix est garanti encore {time}',
    'buy.expired': 'Ce prix a expiré : demandez un nouveau prix.',
    'buy.pay': 'Payer {amount}',
    'buy.paid': 'Paiement accepté : {addOn} × {quantity} est actif, {amount} facturé.',
    'buy.declined': 'Votre banque a refusé le paiement. Rien n’a été facturé et le module n’est pas ajouté.',
    'buy.pending': 'Le paiement est en attente de la réponse du prestataire de paiement.',
    'buy.authenticate': 'Votre banque demande de confirmer ce paiement (3-D Secure).',
    'buy.authSucceed': 'Confirmer le paiement auprès de la banque',
    'buy.authFail': 'Refuser l’authentification',
    'cancel.title': 'Annuler {addOn} × {quantity}',
    'cancel.whole': 'Un module complémentaire ne s’annule qu’en entier : les {quantity} unités achetées ensemble.',
    'cancel.until': 'Il restera actif jusqu’au {date}, puis disparaîtra de votre compte. Vous ne serez plus facturé, sans remboursement.',
    'cancel.confirm': 'Annuler le module',
    'cancel.keep': 'Garder le module',
    'cancel.erasureTitle': 'Ces comptes secondaires seront effacés',
    'cancel.erasure': 'À la fin du cycle, le {date}, ces comptes secondaires et toutes leurs données (utilisateurs, événements, enregistrements, fichiers) seront effacés. Ce processus est irréversible.',
    'cancel.erasureCheck': 'Je comprends que ces données seront effacées définitivement',
    'cancel.done': '{addOn} × {quantity} est annulé : actif jusqu’au {date}.',
    'sub.title': 'Comptes secondaires',
    'sub.seats': 'Sièges : {used} utilisé(s), {free} libre(s) sur {total}',
    'sub.none': 'Aucun compte secondaire connu.',
    'sub.unknown': '{n} autre(s) compte(s) secondaire(s), créé(s) ailleurs que sur cette page, occupe(nt) un siège.',
    'sub.storage': '{n} Go de stockage',
    'sub.recording': '{n} h d’enregistrement',
    'sub.actions': 'Actions',
    'sub.delete': 'Supprimer l’utilisateur',
    'sub.deleteLabel': 'Supprimer le compte secondaire {name}',
    'sub.create': 'Créer un compte secondaire',
    'sub.name': 'Nom',
    'sub.storageGb': 'Stockage (Go)',
    'sub.recordingHours': 'Enregistrement (heures)',
    'sub.adminId': 'Identifiant de l’administrateur',
    'sub.adminName': 'Nom de l’administrateur',
    'sub.created': 'Compte secondaire « {name} » créé.',
    'sub.deleteTitle': 'Supprimer le compte secondaire « {name} »',
    'sub.deleteWarning': 'La suppression d’un compte secondaire efface également toutes les données qui y sont associées. Cette action est irréversible.',
    'sub.deleteNotCancel': 'Supprimer un compte secondaire n’annule pas le module complémentaire : le siège reste payé.',
    'sub.typeToConfirm': 'Pour confirmer, saisissez le nom du compte secondaire : {name}',
    'sub.deleteConfirm': 'Supprimer définitivement',
    'sub.deleted': '« {name} » a été supprimé : {users} utilisateur(s), {events} événement(s), {recordings} enregistrement(s) et {files} fichier(s) effacés.',
    'ent.title': 'Droits',
    'ent.presenterSeats': 'Sièges d’animateurs',
    'ent.parallelEvents': 'Événements simultanés',
    'ent.storageGb': 'Stockage (Go)',
    'ent.recordingHours': 'Enregistrement (heures)',
    'ent.subAccountSeats': 'Sièges de comptes secondaires (utilisés / total)',
    'dev.title': 'Mode local uniquement : horloge et renouvellement',
    'dev.intro': 'Ce panneau n’existe qu’en local : il déplace l’horloge de facturation et lance le renouvellement pour voir un cycle tourner.',
    'dev.now': 'Horloge de facturation',
    'dev.set': 'Régler l’horloge',
    'dev.instant': 'Instant (UTC)',
    'dev.plus16m': '+16 minutes',
    'dev.plus1d': '+1 jour',
    'dev.toCycleEnd': 'Aller à la fin du cycle',
    'dev.tick': 'Lancer le renouvellement',
    'dev.tickResult': 'Renouvellement : {accountsRenewed} compte(s) renouvelé(s), {purchasesRenewed} achat(s) renouvelé(s), {purchasesEnded} terminé(s), {subAccountsErased} compte(s) secondaire(s) effacé(s), {paymentsFailed} paiement(s) refusé(s).',
    'dev.events': 'Événements reçus par la plateforme',
    'dev.eventsRefresh': 'Actualiser les événements',
    'dev.noEvents': 'Aucun événement.',
    'dev.clockSet': 'L’horloge indique maintenant {now}.',
    'dialog.close': 'Fermer',
    'time.minutes': '{m} min {s} s',
  },
  en: {
    title: 'Add-on billing',
    skip: 'Skip to content',
    'lang.label': 'Language',
    'who.label': 'Who are you?',
    'who.other': 'Another user id…',
    'who.otherLabel': 'User id',
    'who.submit': 'Sign in',
    'who.as': 'Signed in as {user}',
    'who.none': 'Choose a demo user to begin.',
    'user.owner-acme': 'Owner of account acme',
    'user.member-acme': 'Member of account acme',
    'user.subuser-acme': 'User of the “Training team” sub-account',
    'user.owner-trial': 'Owner on a free trial',
    'user.owner-globex-declined': 'Owner whose card is declined (globex)',
    'user.owner-initech-3ds': 'Owner whose bank asks for 3-D Secure (initech, JPY)',
    'nav.label': 'Sections',
    'billing.title': 'Billing details',
    'billing.plan': 'Plan',
    'billing.period': 'Billing period',
    'billing.cycle': 'Current cycle',
    'billing.cycleRange': 'from {start} to {end} (excluded)',
    'billing.nextRenewal': 'Next renewal',
    'billing.nextRenewalValue': '{amount} on {date}',
    'billing.addons': 'Installed add-ons',
    'billing.noPurchases': 'No add-on.',
    'col.addOn': 'Add-on',
    'col.quantity': 'Quantity',
    'col.status': 'Status',
    'col.cyclePrice': 'Price per cycle',
    'col.until': 'Active until / renews on',
    'col.actions': 'Actions',
    'billing.activeUntil': 'active until {date}',
    'billing.renewsOn': 'renews on {date}',
    'billing.cancel': 'Cancel',
    'billing.cancelLabel': 'Cancel {addOn} × {quantity}',
    'invoices.title': 'Invoices',
    'invoices.none': 'No invoice.',
    'invoices.more': 'Older invoices',
    'col.number': 'Number',
    'col.kind': 'Kind',
    'col.issuedAt': 'Issued',
    'col.cycle': 'Cycle',
    'col.total': 'Total',
    'col.lines': 'Lines',
    'buy.title': 'Buy an add-on',
    'buy.addOn': 'Add-on',
    'buy.quantity': 'Quantity',
    'buy.quote': 'Get the price',
    'buy.cyclePrice': 'Price of a whole billing cycle ({days} days)',
    'buy.chargeNow': 'Charged now',
    'buy.daysLeft': '{n} day(s) left in the cycle, until {date}',
    'buy.oneTime': 'One-time payment, never renewed',
    'buy.renewsOn': 'Then renews on {date} at the whole cycle’s price',
    'buy.expiresIn': 'This price is guaranteed for {time}',
    'buy.expired': 'This price has expired: ask for a new price.',
    'buy.pay': 'Pay {amount}',
    'buy.paid': 'Payment accepted: {addOn} × {quantity} is active, {amount} charged.',
    'buy.declined': 'Your bank declined the payment. Nothing was charged and the add-on was not added.',
    'buy.pending': 'The payment is waiting for the payment provider’s answer.',
    'buy.authenticate': 'Your bank asks you to confirm this payment (3-D Secure).',
    'buy.authSucceed': 'Confirm the payment with the bank',
    'buy.authFail': 'Fail the authentication',
    'cancel.title': 'Cancel {addOn} × {quantity}',
    'cancel.whole': 'An add-on is cancelled whole only: the {quantity} units bought together.',
    'cancel.until': 'It stays active until {date}, then disappears from your account. You will not be billed again; there is no refund.',
    'cancel.confirm': 'Cancel the add-on',
    'cancel.keep': 'Keep the add-on',
    'cancel.erasureTitle': 'These sub-accounts will be erased',
    'cancel.erasure': 'At the end of the cycle, on {date}, these sub-accounts and all their data (users, events, recordings, files) will be erased. This cannot be undone.',
    'cancel.erasureCheck': 'I understand that this data will be erased for good',
    'cancel.done': '{addOn} × {quantity} is cancelled: active until {date}.',
    'sub.title': 'Sub-accounts',
    'sub.seats': 'Seats: {used} used, {free} free of {total}',
    'sub.none': 'No known sub-account.',
    'sub.unknown': '{n} other sub-account(s), created elsewhere than on this page, hold a seat.',
    'sub.storage': '{n} GB of storage',
    'sub.recording': '{n} h of recording',
    'sub.actions': 'Actions',
    'sub.delete': 'Delete user',
    'sub.deleteLabel': 'Delete sub-account {name}',
    'sub.create': 'Create a sub-account',
    'sub.name': 'Name',
    'sub.storageGb': 'Storage (GB)',
    'sub.recordingHours': 'Recording (hours)',
    'sub.adminId': 'Admin’s user id',
    'sub.adminName': 'Admin’s name',
    'sub.created': 'Sub-account “{name}” created.',
    'sub.deleteTitle': 'Delete the sub-account “{name}”',
    'sub.deleteWarning': 'Deleting a sub-account also erases all the data that belongs to it. This cannot be undone.',
    'sub.deleteNotCancel': 'Deleting a sub-account does not cancel the add-on: the seat stays paid.',
    'sub.typeToConfirm': 'To confirm, type the sub-account’s name: {name}',
    'sub.deleteConfirm': 'Delete for good',
    'sub.deleted': '“{name}” was deleted: {users} user(s), {events} event(s), {recordings} recording(s) and {files} file(s) erased.',
    'ent.title': 'Entitlements',
    'ent.presenterSeats': 'Presenter seats',
    'ent.parallelEvents': 'Events at once',
    'ent.storageGb': 'Storage (GB)',
    'ent.recordingHours': 'Recording (hours)',
    'ent.subAccountSeats': 'Sub-account seats (used / total)',
    'dev.title': 'Local mode only: clock and renewal',
    'dev.intro': 'This panel exists only locally: it moves the billing clock and runs the renewal tick, to watch a cycle turn.',
    'dev.now': 'Billing clock',
    'dev.set': 'Set the clock',
    'dev.instant': 'Instant (UTC)',
    'dev.plus16m': '+16 minutes',
    'dev.plus1d': '+1 day',
    'dev.toCycleEnd': 'Go to the cycle’s end',
    'dev.tick': 'Run the renewal tick',
    'dev.tickResult': 'Renewal tick: {accountsRenewed} account(s) renewed, {purchasesRenewed} purchase(s) renewed, {purchasesEnded} ended, {subAccountsErased} sub-account(s) erased, {paymentsFailed} payment(s) refused.',
    'dev.events': 'Events the platform received',
    'dev.eventsRefresh': 'Refresh the events',
    'dev.noEvents': 'No event.',
    'dev.clockSet': 'The clock now reads {now}.',
    'dialog.close': 'Close',
    'time.minutes': '{m} min {s} s',
  },
};

const labels = {
  fr: {
    addOn: {
      PRESENTERS: 'Animateurs',
      PARALLEL_EVENTS: 'Événements parallèles',
      SUB_ACCOUNTS: 'Comptes secondaires',
      STORAGE: 'Stockage (10 Go)',
      RECORDING_SPACE: 'Espace d’enregistrement (10 h)',
      USERNAME_CHANGE: 'Modifier le nom d’utilisateur',
    },
    status: {
      PENDING_PAYMENT: 'Paiement en attente',
      ACTIVE: 'Actif',
      FAILED: 'Paiement refusé',
      CANCELLATION_SCHEDULED: 'Annulé, actif jusqu’à la fin du cycle',
      PAST_DUE: 'Paiement en retard',
      ENDED: 'Terminé',
      PAID: 'Payée',
      OPEN: 'À payer',
      REFUNDED: 'Remboursée',
    },
    plan: { FREE_TRIAL: 'Essai gratuit', LIVE: 'Live', AUTOMATED: 'Automated', ENTERPRISE: 'Enterprise' },
    period: { MONTHLY: 'Mensuel (30 jours)', ANNUAL: 'Annuel (365 jours)' },
    kind: { PURCHASE: 'Achat', RENEWAL: 'Renouvellement' },
  },
  en: {
    addOn: {
      PRESENTERS: 'Presenters',
      PARALLEL_EVENTS: 'Parallel events',
      SUB_ACCOUNTS: 'Sub-accounts',
      STORAGE: 'Storage (10 GB)',
      RECORDING_SPACE: 'Recording space (10 h)',
      USERNAME_CHANGE: 'User name change',
    },
    status: {
      PENDING_PAYMENT: 'Payment pending',
      ACTIVE: 'Active',
      FAILED: 'Payment refused',
      CANCELLATION_SCHEDULED: 'Cancelled, active until the cycle ends',
      PAST_DUE: 'Past due',
      ENDED: 'Ended',
      PAID: 'Paid',
      OPEN: 'Open',
      REFUNDED: 'Refunded',
    },
    plan: { FREE_TRIAL: 'Free trial', LIVE: 'Live', AUTOMATED: 'Automated', ENTERPRISE: 'Enterprise' },
    period: { MONTHLY: 'Monthly (30 days)', ANNUAL: 'Annual (365 days)' },
    kind: { PURCHASE: 'Purchase', RENEWAL: 'Renewal' },
  },
};

const LANGUAGES = ['fr', 'en'];
let language = 'en';

export function chooseLanguage(requested, browserLanguages) {
  if (LANGUAGES.includes(requested)) return requested;
  const first = (browserLanguages ?? []).map((l) => l.slice(0, 2).toLowerCase()).find((l) => LANGUAGES.includes(l));
  return first ?? 'en';
}

export function setLanguage(value) {
  language = value;
  document.documentElement.lang = value;
}

export function currentLanguage() {
  return language;
}

export function t(key, params = {}) {
  const text = messages[language][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

export function label(kind, value) {
  return labels[language][kind]?.[value] ?? value;
}

/** A decimal string ("60.00", "3000") in its currency: Intl formats strings exactly, never through a float. */
export function money(amount, currency) {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
}

/** A day of the account's calendar ("2026-02-09"): shown as that day, whatever the browser's zone. */
export function day(isoDate) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function instant(iso) {
  if (!iso) return '';
  const fields = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' };
  return new Intl.DateTimeFormat(language, { ...fields, timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso));
}

export function duration(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const nf = new Intl.NumberFormat(language, { minimumIntegerDigits: 2 });
  return t('time.minutes', { m: Math.floor(seconds / 60), s: nf.format(seconds % 60) });
}

/** Translates every element marked data-i18n (its text) or data-i18n-label (its aria-label). */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.title = t('title');
}
