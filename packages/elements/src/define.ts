/** Registers every Portier tag (the provider first, so that markup already in the page gets its context). */
import './define/provider.js';
import './define/user-list.js';
import './define/user-create.js';
import './define/user-profile.js';
import './define/own-profile.js';
import './define/access-rights.js';
import './define/managed-clients.js';
import './define/audit-log.js';
import './define/activate-account.js';
import './define/password-reset.js';
import './define/password-change.js';
import './define/admin.js';
