import type { AccountStatus, BlockReason, Language, Level, PortierErrorCode, Role, Signature, UserKind } from '@portier/core';

/** The actions the audit log names: the command types and the lifecycle events a backend records. */
export type AuditActionName =
  | 'users.create'
  | 'users.updateProfile'
  | 'users.setRole'
  | 'users.setSignature'
  | 'users.activate'
  | 'users.deactivate'
  /** Shown for a `users.deactivate` that only set a day to come, and a `users.activate` that only removed it. */
  | 'users.setEndDate'
  | 'users.removeEndDate'
  | 'users.block'
  | 'users.unblock'
  | 'users.resetPassword'
  | 'users.resendInvitation'
  | 'users.makeLogin'
  | 'users.remove'
  | 'access.set'
  | 'access.copyFrom'
  | 'access.authorizeAll'
  | 'clients.setManaged'
  | 'account.expired'
  | 'account.deactivated'
  | 'account.blocked'
  | 'account.sign-in-locked'
  | 'account.activated'
  | 'account.invitation-requested'
  | 'account.reset-requested'
  | 'account.password-reset'
  | 'account.password-changed';

/**
 * Every user-facing text of the elements, typed once; each locale file (`locales/en.ts`, …)
 * exports one object of this type. One namespace per screen: a new screen adds its block here
 * and in the four locale files. Texts that depend on a number or a name are functions.
 */
export interface Messages {
  common: {
    save: string;
    cancel: string;
    close: string;
    back: string;
    edit: string;
    confirm: string;
    retry: string;
    loading: string;
    saving: string;
    /** Shown for an empty value in a table or a summary. */
    notSet: string;
    /** A label before its value ("Status:"; French puts a narrow space before the colon). */
    labelled: (label: string) => string;
    /** After a label: the field must be filled. */
    required: string;
    optional: string;
    /** The whole screen could not load. */
    loadError: string;
    /** A refresh failed (the network): the screens keep showing the data as last loaded. */
    refreshFailed: string;
    /** The actor may not see this screen. */
    noAccess: string;
    /** Title of a problem banner. */
    problem: string;
    /** `count` problems prevent saving. */
    fixErrors: (count: number) => string;
    /** A change to another user that failed after the screen moved on: `reason` is the error's own message. */
    notSavedFor: (name: string, reason: string) => string;
    /** Why, when someone else changed that user meanwhile (the screen no longer shows them). */
    changedMeanwhile: string;
  };
  /** One message per PortierError code, in the user's words. Never reveals whether an e-mail exists. */
  errors: Record<PortierErrorCode, string>;
  /** Finer explanations of refusals, by the `reason` the policy gives (falls back to `errors`). */
  reasons: {
    'own-account': string;
    'not-super-user': string;
    'client-not-managed': string;
    'user-not-managed': string;
    'actor-inactive': string;
    /** The actor's initial password expired (rule 9): it acts on nothing until it changes it. */
    'password-change-required': string;
    'contact-cannot-be-super-user': string;
    'identity-lock': string;
    email: string;
    'last-super-user': string;
    'last-super-user-without-end-date': string;
    /** The server answered with a redirect (often a sign-in page after the session ended). */
    redirected: string;
  };
  /** Labels of the user's fields, shared by every screen. */
  fields: {
    email: string;
    firstName: string;
    lastName: string;
    phone: string;
    mobile: string;
    language: string;
    role: string;
    kind: string;
    signature: string;
    status: string;
    activeUntil: string;
    managedClients: string;
    accessRights: string;
    profile: string;
  };
  /** Field problems from the core's schemas. */
  validation: {
    required: string;
    email: string;
    phone: string;
    tooLong: (max: number) => string;
    /** A first or last name with no letter, or with an invisible control character. */
    name: string;
    invalid: string;
  };
  status: Record<AccountStatus, string>;
  role: Record<Role, string>;
  level: Record<Level, string>;
  kind: Record<UserKind, string>;
  /** One line under each kind choice. */
  kindHint: Record<UserKind, string>;
  signature: Record<Signature, string>;
  /** Language names, written in the locale of this file. */
  language: Record<Language, string>;

  userList: {
    title: string;
    caption: string;
    create: string;
    filterEmail: string;
    filterEmailPlaceholder: string;
    filterClient: string;
    allClients: string;
    clearFilter: string;
    columns: {
      email: string;
      firstName: string;
      lastName: string;
      language: string;
      role: string;
      status: string;
      profile: string;
      accessRights: string;
      managedClients: string;
      activeUntil: string;
      activation: string;
    };
    /** Accessible name of a header's sort button. */
    sortBy: (column: string) => string;
    count: (shown: number, total: number) => string;
    empty: string;
    noMatch: string;
    loading: string;
    editProfile: (name: string) => string;
    editAccess: (name: string) => string;
    editClients: (name: string) => string;
    rightsCount: (count: number) => string;
    clientsCount: (count: number) => string;
    activate: string;
    deactivate: string;
    reactivate: string;
    unblock: string;
    resendInvitation: string;
    /** Accessible name of a row action: "Deactivate Jan Peeters". */
    actionOn: (action: string, name: string) => string;
    done: {
      activated: (name: string) => string;
      deactivated: (name: string) => string;
      unblocked: (name: string) => string;
      invitationSent: (name: string) => string;
    };
  };

  userCreate: {
    title: string;
    /** Beside the e-mail while creating: it is fixed once created (a contact's is no login). */
    emailHint: { login: string; contact: string };
    intro: string;
    identity: string;
    kindLegend: string;
    roleHint: string;
    accessLegend: string;
    accessMode: { none: string; individual: string; copy: string; 'authorize-all': string };
    accessModeHint: { none: string; individual: string; copy: string; 'authorize-all': string };
    client: string;
    application: string;
    levelFor: (application: string, client: string) => string;
    noClients: string;
    sourceUser: string;
    chooseUser: string;
    excludeApplications: string;
    /** Label of a contract type the locale does not name (a host's own type), shown as it is. */
    contractType: (type: string) => string;
    /** Labels of the known contract types (the demo's); other types use `contractType`. */
    contractTypes: { supply: string; services: string };
    noContracts: string;
    managedLegend: string;
    managedHint: string;
    submit: string;
    submitting: string;
    created: (email: string) => string;
    createdContact: (name: string) => string;
  };

  userProfile: {
    title: string;
    userHeading: (email: string) => string;
    roleHeading: string;
    currentRole: (role: string) => string;
    promote: string;
    demote: string;
    lastSuperUserHint: string;
    /**
     * Why the account cannot be changed (rule 2): the user works for `clients` (a list of names,
     * joined in the language), which the actor does not manage.
     */
    outsideScope: (clients: string) => string;
    profileHeading: string;
    emailHint: string;
    signatureHeading: string;
    signatureHint: string;
    /** A save pressed while the field still holds the saved value. */
    unchanged: string;
    /** Save pressed on a profile form with nothing changed. */
    profileUnchanged: string;
    accountHeading: string;
    /** Why a blocked account is blocked, under its status. */
    blockedBy: Record<BlockReason, string>;
    /** The last active super user's sign-in, locked for a while instead of blocked (SPEC rule 4), until `time`. */
    signInLockedUntil: (time: string) => string;
    currentStatus: (status: string) => string;
    activeUntilHint: string;
    /** The active-until day typed is before today. */
    activeUntilPast: string;
    /** "Save the date" pressed on an emptied field while an end date is saved. */
    activeUntilMissing: string;
    /** A button's action (not a form) met another administrator's change: nothing typed to keep. */
    actionConflict: string;
    saveActiveUntil: string;
    clearActiveUntil: string;
    /** Reactivates a deactivated account: the same word as the list's `userList.reactivate`. */
    reactivate: string;
    deactivate: string;
    block: string;
    unblock: string;
    /** Deletes the user. */
    remove: string;
    resetPassword: string;
    resetPasswordHint: string;
    resendInvitation: string;
    makeLogin: string;
    reload: string;
    /** The user went (deleted, or out of view) while its profile had unsaved input: the input stays shown, read-only. */
    goneWhileEditing: string;
    notFound: string;
    confirmTitle: string;
    confirm: {
      demote: (name: string) => string;
      deactivate: (name: string) => string;
      block: (name: string) => string;
      remove: (name: string) => string;
    };
    done: {
      saved: string;
      promoted: (name: string) => string;
      demoted: (name: string) => string;
      signature: string;
      activeUntil: string;
      activated: string;
      deactivated: string;
      blocked: string;
      unblocked: string;
      removed: (name: string) => string;
      resetSent: (email: string) => string;
      invitationSent: (email: string) => string;
      madeLogin: string;
    };
  };

  ownProfile: {
    title: string;
    intro: string;
    saved: string;
  };

  accessRights: {
    title: string;
    userHeading: (email: string) => string;
    addClient: string;
    search: string;
    searchButton: string;
    resultsCaption: string;
    found: (count: number) => string;
    noResults: string;
    columnName: string;
    columnNumber: string;
    columnAction: string;
    add: string;
    addNamed: (client: string) => string;
    alreadyListed: string;
    matrixCaption: (email: string) => string;
    clientColumn: string;
    removeColumn: string;
    remove: string;
    removeNamed: (client: string) => string;
    /** Accessible name of a cell's choice: "Invoice Viewer for Brasserie Lambert SA". */
    levelFor: (application: string, client: string) => string;
    /** The label of a cell's profile choice. */
    profileFor: (application: string, client: string) => string;
    noProfile: string;
    noClients: string;
    /** A row on a client the actor does not manage (read only). */
    notManaged: string;
    /** The actor may set this user's rights on its own clients, not change the account (SPEC rule 2). */
    partScope: string;
    unsaved: (count: number) => string;
    discard: string;
    discarded: string;
    summaryTitle: string;
    summaryIntro: (count: number) => string;
    changeLevel: (client: string, application: string, from: string, to: string) => string;
    changeProfile: (client: string, application: string, from: string, to: string) => string;
    changeAddClient: (client: string) => string;
    changeRemoveClient: (client: string) => string;
    apply: string;
    saved: string;
    added: (client: string) => string;
    removed: (client: string) => string;
    levelNotAllowed: (application: string) => string;
    clientGone: string;
    /** The user went (deleted, or out of view) while the matrix had unsaved edits: they are listed, unsaved. */
    goneWhileEditing: (count: number) => string;
    /** Heading of the other ways to set access next to the matrix (copy, authorize all; seed 004 "Nouvelle autorisation"). */
    setupTitle: string;
    /** What a copy does to an existing user's rights: replaces the same client and application, keeps the rest. */
    copyHint: string;
    /** What "authorize all" does to an existing user's rights: the contracts' applications on managed clients, the rest kept. */
    authorizeAllHint: string;
    /** The button that shows the summary of what a copy or "authorize all" would change. */
    review: string;
    /** Why copy and "authorize all" wait while the matrix has unsaved edits. */
    setupBlocked: string;
    /** Title of the summary dialog before a copy, naming the user copied. */
    copySummaryTitle: (name: string) => string;
    /** Title of the summary dialog before "authorize all". */
    authorizeAllSummaryTitle: string;
    /** Announced after a copy, naming the user copied. */
    copied: (name: string) => string;
    /** Announced after "authorize all". */
    authorizedAll: string;
    /** The copy or "authorize all" chosen would change nothing. */
    nothingToChange: string;
  };

  managedClients: {
    title: string;
    userHeading: (email: string) => string;
    intro: string;
    addClient: string;
    search: string;
    searchButton: string;
    resultsCaption: string;
    found: (count: number) => string;
    noResults: string;
    columns: { name: string; number: string; vat: string; action: string };
    add: string;
    addNamed: (client: string) => string;
    alreadyManaged: string;
    managedCaption: string;
    none: string;
    remove: string;
    removeNamed: (client: string) => string;
    notManaged: string;
    added: (client: string) => string;
    removed: (client: string) => string;
  };

  auditLog: {
    title: string;
    /** Shown to a user who may not read the log (only super users may). */
    superUsersOnly: string;
    caption: string;
    /** The caption when the log shows one user's changes. */
    captionFor: (name: string) => string;
    filterUser: string;
    allUsers: string;
    refresh: string;
    columns: { when: string; who: string; what: string; target: string; change: string };
    /** The actor of time-driven changes (expiry, active-until). */
    system: string;
    /** A user who is no longer visible (deleted). */
    unknownUser: (id: string) => string;
    empty: string;
    count: (count: number) => string;
    /** Actions by their audit name; an unknown one is shown as it is. */
    actions: Record<AuditActionName, string>;
    yes: string;
    no: string;
    none: string;
    /** Which right changed: "Brasserie Lambert SA · Invoice Viewer" (the field's name in a change line). */
    grant: (client: string, application: string) => string;
    /** A right's level with its profile: "Read only, profile REFERENT". */
    withProfile: (level: string, profile: string) => string;
    /** The disclosure that shows the rest of a long entry's changes. */
    moreChanges: (count: number) => string;
  };

  /** Texts shared by the account screens (activation, reset, change). */
  password: {
    password: string;
    newPassword: string;
    confirm: string;
    current: string;
    rulesTitle: string;
    rule: {
      'min-length': (min: number) => string;
      'max-length': (max: number) => string;
      lower: string;
      upper: string;
      digit: string;
      special: string;
      'not-email': string;
      'not-name': string;
      common: string;
      /** Only the server knows it: the new password equals the current one. */
      'same-as-current': string;
    };
    met: string;
    unmet: string;
    checking: string;
    mismatch: string;
    /** Introduces the list of unmet rules after a refused password. */
    weakIntro: string;
    signIn: string;
    expiredLink: string;
    usedLink: string;
    unknownLink: string;
    blocked: string;
  };

  activateAccount: {
    title: string;
    checking: string;
    greeting: (name: string) => string;
    intro: string;
    submit: string;
    submitting: string;
    success: string;
    expiredHint: string;
    usedHint: string;
    requestNew: string;
    requested: string;
  };

  passwordReset: {
    title: string;
    intro: string;
    submit: string;
    submitting: string;
    sent: string;
    newTitle: string;
    newIntro: (email: string) => string;
    newSubmit: string;
    success: string;
    requestNew: string;
  };

  passwordChange: {
    title: string;
    expired: string;
    intro: string;
    /** The intro when the user asked for the change (`reason="change"`). */
    changeIntro: string;
    submit: string;
    submitting: string;
    success: string;
    wrongCredentials: string;
  };

  admin: {
    title: string;
    /** A plain user asked for another user's screen (a link, the URL): it sees its own profile instead. */
    ownProfileOnly: string;
    nav: string;
    users: string;
    create: string;
    ownProfile: string;
    back: string;
    detail: (name: string) => string;
    tabs: { profile: string; access: string; clients: string; audit: string };
    /** Asked before leaving a screen that holds unsaved changes. */
    leave: { title: string; message: string; confirm: string; /** The safe button: stay and keep editing. */ stay: string };
  };
}

/**
 * A message to show later, written when the screen renders, so it follows a change of language
 * (a stored sentence would stay in the language it was written in).
 */
export type Say = (t: Messages) => string;
