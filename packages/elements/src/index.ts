/**
 * @portier/elements — Portier's screens as Lit custom elements. This entry exports classes and
 * types only; import `@portier/elements/define` (or `define/<tag>`) to register the tags.
 */
export { portierContext, localeContext } from './context.js';
export { PortierProvider } from './provider/provider.js';
export { PortierController } from './controllers/portier-controller.js';
export { LocalizeController } from './localize/localize-controller.js';
export type { LocalizedHost, LocalizeOptions } from './localize/localize-controller.js';
export { loadLocale, toLanguage } from './localize/load-locale.js';
export { errorMessage } from './localize/error-message.js';
export { formatDate, formatNumber } from './localize/format.js';
export type { Messages } from './localize/messages.js';
export { tokens, baseStyles, dialogStyles } from './theme/tokens.js';
export { PortierUserCreatedEvent } from './events/user-created.js';
export { PortierUserUpdatedEvent } from './events/user-updated.js';
export type { UserChange } from './events/user-updated.js';
export { PortierUserRemovedEvent } from './events/user-removed.js';
export { PortierAccessChangedEvent } from './events/access-changed.js';
export { PortierNavigateEvent } from './events/navigate.js';
export type { PortierView } from './events/navigate.js';
export { PortierUserList } from './user-list/user-list.js';
export type { UserListSortKey } from './user-list/user-list.js';
export { PortierUserCreate } from './user-create/user-create.js';
export type { AccessMode } from './user-create/user-create.js';
export { PortierUserProfile } from './user-profile/user-profile.js';
export { PortierOwnProfile } from './own-profile/own-profile.js';
export { PortierAdmin, viewFromHash, hashOf } from './admin/admin.js';
export { SCREEN_PARTS } from './admin/screen-parts.js';
export { PortierAccessRights } from './access-rights/access-rights.js';
export { PortierManagedClients } from './managed-clients/managed-clients.js';
export { PortierAuditLog } from './audit-log/audit-log.js';
export { PortierActivateAccount } from './activate-account/activate-account.js';
export { PortierPasswordReset } from './password-reset/password-reset.js';
export { PortierPasswordChange } from './password-change/password-change.js';
export { PortierPasswordSetEvent } from './events/password-set.js';
export type { PasswordSetReason } from './events/password-set.js';
export { PortierSignInRequestedEvent } from './events/sign-in-requested.js';
