import { displayName, effectiveStatus, type Language, type User } from '@portier/core';

/**
 * The host portal's own texts (its header, tiles, demo controls). The Portier screens translate
 * themselves; a host keeps its chrome in its own dictionary like this one.
 */
export interface HostTexts {
  brand: string;
  brandTagline: string;
  skip: string;
  nav: { home: string; users: string; profile: string; audit: string; signin: string };
  demoBar: string;
  /** The demo bar's tag. */
  demoTag: string;
  actAs: string;
  actAsKinds: { superuser: string; collective: string; user: string };
  language: string;
  today: string;
  shifted: (days: number) => string;
  moveTime: string;
  resetData: string;
  resetConfirm: string;
  /** Asked before the portal's navigation replaces a Portier screen holding unsaved changes. */
  leaveUnsaved: string;
  outbox: string;
  outboxTitle: string;
  outboxEmpty: string;
  outboxHint: string;
  mailKinds: { invitation: string; 'password-reset': string; 'block-notice': string; 'invitation-request': string };
  mailTo: string;
  openLink: string;
  /** The link of an `invitation-request` e-mail: the colleague's profile, to re-send the invitation. */
  openUser: (email: string) => string;
  linkStates: { open: string; used: string; revoked: string; expired: string };
  close: string;
  signedInAs: string;
  signOut: string;
  welcome: (name: string) => string;
  /** A label before its text ("Energy Guard: …"; French puts a narrow no-break space before the colon). */
  labelled: (label: string) => string;
  homeIntro: string;
  tiles: Record<TileId, { title: string; text: string; action: string }>;
  noAccess: string;
  superUsersOnly: string;
  notInDemo: string;
  signin: {
    title: string;
    intro: string;
    email: string;
    password: string;
    submit: string;
    forgot: string;
    wrong: string;
    /** Under a wrong password: what repeated ones do (no count: it would tell which e-mails have an account). */
    lockoutHint: string;
    blocked: string;
    /** The last super user's sign-in, locked for a while after failed attempts (rule 4: never blocked). */
    locked: (until: string) => string;
    inactive: (status: string) => string;
    /** The e-mail or the password is empty. */
    missing: string;
    /** The server could not be reached: nothing is wrong with what was typed. */
    unreachable: string;
    /** Account statuses (all but `active`), for `inactive` and the "act as" switch. */
    statuses: Record<'invited' | 'expired' | 'blocked' | 'deactivated' | 'deleted' | 'contact', string>;
    success: (name: string) => string;
    accounts: string;
    fill: string;
    accountNotes: Record<'u-001' | 'u-002' | 'u-003' | 'u-004' | 'u-016', string>;
    password_hint: (password: string) => string;
  };
  pages: { users: string; profile: string; audit: string; activate: string; reset: string; passwordChange: string; notFound: string };
  /** The link under "My profile" to the password change. */
  changePassword: string;
  react: string;
  footer: string;
}

export type TileId = 'energy-guard' | 'price-viewer' | 'portfolio-manager' | 'invoice-viewer' | 'access-points' | 'market-review' | 'customer-data' | 'users';

const en: HostTexts = {
  brand: 'Lumen Energy',
  brandTagline: 'Business',
  skip: 'Skip to content',
  nav: { home: 'Home', users: 'User management', profile: 'My profile', audit: 'Audit', signin: 'Sign in' },
  demoBar: 'Demo controls',
  demoTag: 'Demo',
  actAs: 'Act as',
  actAsKinds: { superuser: 'Super User', collective: 'Super User, collective signature', user: 'User' },
  language: 'Language',
  today: 'Demo date:',
  shifted: (days) => `+${days} days`,
  moveTime: 'Move time +31 days',
  resetData: 'Reset demo data',
  resetConfirm: 'Forget every change made in the demo and start again from the seed data?',
  leaveUnsaved: 'Your changes on this page are not saved. Leave the page anyway?',
  outbox: 'Outbox',
  outboxTitle: 'E-mails the portal would have sent',
  outboxEmpty: 'No e-mail yet. Invite a user, send a password reset, or fail a sign-in five times.',
  outboxHint: 'Links open the account screens, as the recipient would.',
  mailKinds: { invitation: 'Invitation', 'password-reset': 'Password reset', 'block-notice': 'Account blocked', 'invitation-request': 'New invitation asked for' },
  mailTo: 'To:',
  openLink: 'Open the link',
  openUser: (email) => `Open ${email}’s profile`,
  linkStates: { open: 'link valid', used: 'link used', revoked: 'link revoked', expired: 'link expired' },
  close: 'Close',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
  welcome: (name) => `Welcome, ${name}`,
  labelled: (label) => `${label}:`,
  homeIntro: 'Your applications. Follow your consumption, your invoices and your contracts in one place.',
  tiles: {
    'energy-guard': { title: 'Energy Guard', text: 'Saves the environment and your budget.', action: 'Follow your consumption' },
    'price-viewer': { title: 'Price Evolution Viewer', text: 'Keep a close eye on market parameters.', action: 'Follow the market' },
    'portfolio-manager': { title: 'Portfolio Manager', text: 'Simulate and fix your price online.', action: 'Manage your contracts' },
    'invoice-viewer': { title: 'Invoice Viewer', text: 'Your invoices online, up to 36 months back.', action: 'Manage your invoices' },
    'access-points': { title: 'Manage Access Points', text: 'Add a delivery point to your framework contract.', action: 'Manage delivery points' },
    'market-review': { title: 'Market Review', text: 'Weekly insights into the energy market.', action: 'Subscribe' },
    'customer-data': { title: 'Customer Data Reports', text: 'Reports to manage your customer data.', action: 'Generate a report' },
    users: { title: 'User management', text: 'Manage the users of your organization.', action: 'Open user management' },
  },
  noAccess: 'No access',
  superUsersOnly: 'Super Users only',
  notInDemo: 'This application is not part of the demo.',
  signin: {
    title: 'Sign in',
    intro: 'Demo sign-in: the memory backend checks the password and counts failed attempts.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    wrong: 'Wrong e-mail or password.',
    lockoutHint: 'After several wrong passwords in a row, the account is blocked and an e-mail tells its owner.',
    blocked: 'This account is blocked. A super user of your organization can unblock it.',
    locked: (until) => `Sign-in is locked after several failed attempts. Try again after ${until}.`,
    inactive: (status) => `This account cannot sign in (status: ${status}).`,
    missing: 'Enter your e-mail address and your password.',
    unreachable: 'The portal cannot be reached right now. Your password was not checked: try again in a moment.',
    statuses: { invited: 'invited, not activated yet', expired: 'invitation expired', blocked: 'blocked', deactivated: 'deactivated', deleted: 'deleted', contact: 'contact without sign-in' },
    success: (name) => `Signed in as ${name}.`,
    accounts: 'Demo accounts',
    fill: 'Use',
    accountNotes: {
      'u-001': 'Super User',
      'u-002': 'Super User of 2 of the 4 clients',
      'u-003': 'Super User, collective signature',
      'u-004': 'User',
      'u-016': 'expired initial password: must change it',
    },
    password_hint: (password) => `Password of every demo account: ${password}`,
  },
  pages: {
    users: 'User management',
    profile: 'My profile',
    audit: 'Audit log',
    activate: 'Activate your account',
    reset: 'Reset your password',
    passwordChange: 'Change your password',
    notFound: 'Page not found',
  },
  changePassword: 'Change my password',
  react: 'React 19 version',
  footer: 'Lumen Energy Business is a fictional portal: the sample host of the Portier demo.',
};

const fr: HostTexts = {
  ...en,
  brandTagline: 'Entreprises',
  skip: 'Aller au contenu',
  nav: { home: 'Accueil', users: 'Gestion des utilisateurs', profile: 'Mon profil', audit: 'Journal', signin: 'Se connecter' },
  demoBar: 'Commandes de la démo',
  demoTag: 'Démo',
  actAs: 'Agir en tant que',
  actAsKinds: { superuser: 'Super User', collective: 'Super User, signature collective', user: 'User' },
  language: 'Langue',
  today: 'Date de la démo\u202f:',
  shifted: (days) => `+${days} jours`,
  moveTime: 'Temps +31 jours',
  resetData: 'Réinitialiser la démo',
  resetConfirm: 'Oublier toutes les modifications faites dans la démo et repartir des données initiales ?',
  leaveUnsaved: 'Vos modifications sur cette page ne sont pas sauvées. Quitter la page quand même ?',
  outbox: "Boîte d’envoi",
  outboxTitle: 'E-mails que le portail aurait envoyés',
  outboxEmpty: 'Aucun e-mail. Invitez un utilisateur, envoyez une réinitialisation de mot de passe, ou échouez cinq fois à la connexion.',
  outboxHint: 'Les liens ouvrent les écrans de compte, comme pour le destinataire.',
  mailKinds: { invitation: 'Invitation', 'password-reset': 'Réinitialisation du mot de passe', 'block-notice': 'Compte bloqué', 'invitation-request': 'Demande de nouvelle invitation' },
  mailTo: 'À\u202f:',
  openLink: 'Ouvrir le lien',
  openUser: (email) => `Ouvrir le profil de ${email}`,
  linkStates: { open: 'lien valide', used: 'lien utilisé', revoked: 'lien révoqué', expired: 'lien expiré' },
  close: 'Fermer',
  signedInAs: 'Connecté en tant que',
  signOut: 'Se déconnecter',
  welcome: (name) => `Bienvenue, ${name}`,
  labelled: (label) => `${label}\u202f:`,
  homeIntro: 'Vos applications. Suivez votre consommation, vos factures et vos contrats en un seul endroit.',
  tiles: {
    'energy-guard': { title: 'Energy Guard', text: "Épargne l’environnement et votre budget.", action: 'Suivre votre consommation' },
    'price-viewer': { title: 'Price Evolution Viewer', text: 'Suivez de près les paramètres de marché.', action: 'Suivre le marché' },
    'portfolio-manager': { title: 'Portfolio Manager', text: 'Simulez et fixez aisément votre prix en ligne.', action: 'Gérer vos contrats' },
    'invoice-viewer': { title: 'Invoice Viewer', text: "Vos factures en ligne jusqu’aux 36 derniers mois.", action: 'Gérer vos factures' },
    'access-points': { title: 'Gérer des points de livraison', text: 'Ajoutez un point de livraison à votre contrat cadre.', action: 'Gérer les points' },
    'market-review': { title: 'Market Review', text: "Chaque semaine, des informations sur le marché de l’énergie.", action: "S’inscrire" },
    'customer-data': { title: 'Rapports données client', text: 'Générez des rapports pour gérer vos données client.', action: 'Générer un rapport' },
    users: { title: 'Gestion des utilisateurs', text: 'Gérez les utilisateurs de votre organisation.', action: 'Ouvrir la gestion des utilisateurs' },
  },
  noAccess: 'Pas d’accès',
  superUsersOnly: 'Réservé aux Super Users',
  notInDemo: 'Cette application ne fait pas partie de la démo.',
  signin: {
    title: "S’identifier",
    intro: 'Connexion de démonstration : le serveur fictif en mémoire vérifie le mot de passe et compte les échecs.',
    email: 'E-mail',
    password: 'Mot de passe',
    submit: "S’identifier",
    forgot: 'Oublié votre mot de passe ?',
    wrong: 'E-mail ou mot de passe incorrect.',
    lockoutHint: 'Après plusieurs mots de passe erronés de suite, le compte est bloqué et son titulaire en est averti par e-mail.',
    blocked: 'Ce compte est bloqué. Un Super User de votre organisation peut le débloquer.',
    locked: (until) => `La connexion est verrouillée après plusieurs tentatives échouées. Réessayez après ${until}.`,
    inactive: (status) => `Ce compte ne peut pas se connecter (statut : ${status}).`,
    missing: 'Saisissez votre adresse e-mail et votre mot de passe.',
    unreachable: 'Le portail est injoignable pour le moment. Votre mot de passe n’a pas été vérifié : réessayez dans un instant.',
    statuses: { invited: 'invité, pas encore activé', expired: 'invitation expirée', blocked: 'bloqué', deactivated: 'désactivé', deleted: 'supprimé', contact: 'contact sans connexion' },
    success: (name) => `Connecté en tant que ${name}.`,
    accounts: 'Comptes de démonstration',
    fill: 'Utiliser',
    accountNotes: {
      'u-001': 'Super User',
      'u-002': 'Super User de 2 des 4 clients',
      'u-003': 'Super User, signature collective',
      'u-004': 'User',
      'u-016': 'mot de passe initial expiré : à changer',
    },
    password_hint: (password) => `Mot de passe de tous les comptes de démo : ${password}`,
  },
  pages: {
    users: 'Gestion des utilisateurs',
    profile: 'Mon profil',
    audit: 'Journal des modifications',
    activate: 'Activer votre compte',
    reset: 'Réinitialiser le mot de passe',
    passwordChange: 'Changer votre mot de passe',
    notFound: 'Page introuvable',
  },
  changePassword: 'Changer mon mot de passe',
  react: 'Version React 19',
  footer: "Lumen Energy Business est un portail fictif : l’hôte d’exemple de la démo Portier.",
};

const nl: HostTexts = {
  ...en,
  brandTagline: 'Zakelijk',
  skip: 'Naar de inhoud',
  nav: { home: 'Start', users: 'Gebruikersbeheer', profile: 'Mijn profiel', audit: 'Logboek', signin: 'Aanmelden' },
  demoBar: 'Demo-bediening',
  demoTag: 'Demo',
  actAs: 'Handelen als',
  actAsKinds: { superuser: 'Super User', collective: 'Super User, collectieve handtekening', user: 'User' },
  language: 'Taal',
  today: 'Demodatum:',
  shifted: (days) => `+${days} dagen`,
  moveTime: 'Tijd +31 dagen',
  resetData: 'Demo herstellen',
  resetConfirm: 'Alle wijzigingen in de demo vergeten en opnieuw beginnen met de startgegevens?',
  leaveUnsaved: 'Uw wijzigingen op deze pagina zijn niet opgeslagen. Toch de pagina verlaten?',
  outbox: 'Verzonden e-mails',
  outboxTitle: 'E-mails die het portaal zou hebben verstuurd',
  outboxEmpty: 'Nog geen e-mail. Nodig een gebruiker uit, stuur een wachtwoordherstel of meld u vijf keer verkeerd aan.',
  outboxHint: 'De links openen de accountschermen, zoals voor de ontvanger.',
  mailKinds: { invitation: 'Uitnodiging', 'password-reset': 'Wachtwoord herstellen', 'block-notice': 'Account geblokkeerd', 'invitation-request': 'Nieuwe uitnodiging gevraagd' },
  mailTo: 'Aan:',
  openLink: 'Link openen',
  openUser: (email) => `Het profiel van ${email} openen`,
  linkStates: { open: 'link geldig', used: 'link gebruikt', revoked: 'link ingetrokken', expired: 'link verlopen' },
  close: 'Sluiten',
  signedInAs: 'Aangemeld als',
  signOut: 'Afmelden',
  welcome: (name) => `Welkom, ${name}`,
  homeIntro: 'Uw toepassingen. Volg uw verbruik, facturen en contracten op één plek.',
  tiles: {
    'energy-guard': { title: 'Energy Guard', text: 'Spaart het milieu en uw budget.', action: 'Uw verbruik opvolgen' },
    'price-viewer': { title: 'Price Evolution Viewer', text: 'Volg de marktparameters van dichtbij op.', action: 'De markt opvolgen' },
    'portfolio-manager': { title: 'Portfolio Manager', text: 'Simuleer en fixeer uw prijs eenvoudig online.', action: 'Uw contracten beheren' },
    'invoice-viewer': { title: 'Invoice Viewer', text: 'Uw facturen online, tot 36 maanden terug.', action: 'Uw facturen beheren' },
    'access-points': { title: 'Leveringspunten beheren', text: 'Voeg een leveringspunt toe aan uw raamcontract.', action: 'De punten beheren' },
    'market-review': { title: 'Market Review', text: 'Elke week inzichten in de energiemarkt.', action: 'Inschrijven' },
    'customer-data': { title: 'Rapporten klantgegevens', text: 'Maak rapporten om uw klantgegevens te beheren.', action: 'Een rapport maken' },
    users: { title: 'Gebruikersbeheer', text: 'Beheer de gebruikers van uw organisatie.', action: 'Gebruikersbeheer openen' },
  },
  noAccess: 'Geen toegang',
  superUsersOnly: 'Alleen voor Super Users',
  notInDemo: 'Deze toepassing maakt geen deel uit van de demo.',
  pages: {
    users: 'Gebruikersbeheer',
    profile: 'Mijn profiel',
    audit: 'Logboek',
    activate: 'Uw account activeren',
    reset: 'Wachtwoord herstellen',
    passwordChange: 'Wachtwoord wijzigen',
    notFound: 'Pagina niet gevonden',
  },
  changePassword: 'Mijn wachtwoord wijzigen',
  react: 'React 19-versie',
  footer: 'Lumen Energy Business is een fictief portaal: de voorbeeldhost van de Portier-demo.',
};
nl.signin = {
  ...en.signin,
  title: 'Aanmelden',
  intro: 'Demo-aanmelding: de geheugenbackend controleert het wachtwoord en telt mislukte pogingen.',
  password: 'Wachtwoord',
  submit: 'Aanmelden',
  forgot: 'Wachtwoord vergeten?',
  wrong: 'Verkeerd e-mailadres of wachtwoord.',
  lockoutHint: 'Na meerdere verkeerde wachtwoorden na elkaar wordt het account geblokkeerd en krijgt de eigenaar een e-mail.',
  blocked: 'Dit account is geblokkeerd. Een Super User van uw organisatie kan het deblokkeren.',
  locked: (until) => `Aanmelden is vergrendeld na meerdere mislukte pogingen. Probeer het opnieuw na ${until}.`,
  inactive: (status) => `Dit account kan zich niet aanmelden (status: ${status}).`,
  missing: 'Vul uw e-mailadres en uw wachtwoord in.',
  unreachable: 'Het portaal is nu niet bereikbaar. Uw wachtwoord is niet gecontroleerd: probeer het zo meteen opnieuw.',
  statuses: { invited: 'uitgenodigd, nog niet geactiveerd', expired: 'uitnodiging verlopen', blocked: 'geblokkeerd', deactivated: 'gedeactiveerd', deleted: 'verwijderd', contact: 'contact zonder aanmelding' },
  success: (name) => `Aangemeld als ${name}.`,
  accounts: 'Demo-accounts',
  fill: 'Gebruiken',
  accountNotes: {
    'u-001': 'Super User',
    'u-002': 'Super User van 2 van de 4 klanten',
    'u-003': 'Super User, collectieve handtekening',
    'u-004': 'User',
    'u-016': 'initieel wachtwoord verlopen: moet het wijzigen',
  },
  password_hint: (password) => `Wachtwoord van elk demo-account: ${password}`,
};

const de: HostTexts = {
  ...en,
  brandTagline: 'Geschäftskunden',
  skip: 'Zum Inhalt',
  nav: { home: 'Start', users: 'Benutzerverwaltung', profile: 'Mein Profil', audit: 'Protokoll', signin: 'Anmelden' },
  demoBar: 'Demo-Steuerung',
  demoTag: 'Demo',
  actAs: 'Handeln als',
  actAsKinds: { superuser: 'Super User', collective: 'Super User, Kollektivunterschrift', user: 'User' },
  language: 'Sprache',
  today: 'Demo-Datum:',
  shifted: (days) => `+${days} Tage`,
  moveTime: 'Zeit +31 Tage',
  resetData: 'Demo zurücksetzen',
  resetConfirm: 'Alle Änderungen der Demo verwerfen und mit den Ausgangsdaten neu beginnen?',
  leaveUnsaved: 'Ihre Änderungen auf dieser Seite sind nicht gespeichert. Die Seite trotzdem verlassen?',
  outbox: 'Postausgang',
  outboxTitle: 'E-Mails, die das Portal gesendet hätte',
  outboxEmpty: 'Noch keine E-Mail. Laden Sie einen Benutzer ein, senden Sie eine Passwort-Zurücksetzung oder melden Sie sich fünfmal falsch an.',
  outboxHint: 'Die Links öffnen die Kontoseiten wie beim Empfänger.',
  mailKinds: { invitation: 'Einladung', 'password-reset': 'Passwort zurücksetzen', 'block-notice': 'Konto gesperrt', 'invitation-request': 'Neue Einladung angefragt' },
  mailTo: 'An:',
  openLink: 'Link öffnen',
  openUser: (email) => `Profil von ${email} öffnen`,
  linkStates: { open: 'Link gültig', used: 'Link benutzt', revoked: 'Link widerrufen', expired: 'Link abgelaufen' },
  close: 'Schließen',
  signedInAs: 'Angemeldet als',
  signOut: 'Abmelden',
  welcome: (name) => `Willkommen, ${name}`,
  homeIntro: 'Ihre Anwendungen. Verbrauch, Rechnungen und Verträge an einem Ort.',
  tiles: {
    'energy-guard': { title: 'Energy Guard', text: 'Schont die Umwelt und Ihr Budget.', action: 'Verbrauch verfolgen' },
    'price-viewer': { title: 'Price Evolution Viewer', text: 'Behalten Sie die Marktparameter genau im Blick.', action: 'Markt verfolgen' },
    'portfolio-manager': { title: 'Portfolio Manager', text: 'Simulieren und fixieren Sie Ihren Preis bequem online.', action: 'Verträge verwalten' },
    'invoice-viewer': { title: 'Invoice Viewer', text: 'Ihre Rechnungen online, bis zu 36 Monate zurück.', action: 'Rechnungen verwalten' },
    'access-points': { title: 'Lieferstellen verwalten', text: 'Fügen Sie Ihrem Rahmenvertrag eine Lieferstelle hinzu.', action: 'Lieferstellen öffnen' },
    'market-review': { title: 'Market Review', text: 'Jede Woche Einblicke in den Energiemarkt.', action: 'Abonnieren' },
    'customer-data': { title: 'Kundendaten-Berichte', text: 'Berichte zur Verwaltung Ihrer Kundendaten.', action: 'Bericht erstellen' },
    users: { title: 'Benutzerverwaltung', text: 'Verwalten Sie die Benutzer Ihrer Organisation.', action: 'Benutzerverwaltung öffnen' },
  },
  noAccess: 'Kein Zugriff',
  superUsersOnly: 'Nur Super User',
  notInDemo: 'Diese Anwendung ist nicht Teil der Demo.',
  pages: {
    users: 'Benutzerverwaltung',
    profile: 'Mein Profil',
    audit: 'Änderungsprotokoll',
    activate: 'Konto aktivieren',
    reset: 'Passwort zurücksetzen',
    passwordChange: 'Passwort ändern',
    notFound: 'Seite nicht gefunden',
  },
  changePassword: 'Mein Passwort ändern',
  react: 'React-19-Version',
  footer: 'Lumen Energy Business ist ein fiktives Portal: der Beispiel-Host der Portier-Demo.',
};
de.signin = {
  ...en.signin,
  title: 'Anmelden',
  intro: 'Demo-Anmeldung: Das Speicher-Backend prüft das Passwort und zählt Fehlversuche.',
  email: 'E-Mail',
  password: 'Passwort',
  submit: 'Anmelden',
  forgot: 'Passwort vergessen?',
  wrong: 'Falsche E-Mail-Adresse oder falsches Passwort.',
  lockoutHint: 'Nach mehreren falschen Passwörtern in Folge wird das Konto gesperrt und die Inhaberin oder der Inhaber per E-Mail informiert.',
  blocked: 'Dieses Konto ist gesperrt. Ein Super User Ihrer Organisation kann es entsperren.',
  locked: (until) => `Die Anmeldung ist nach mehreren Fehlversuchen gesperrt. Versuchen Sie es nach ${until} erneut.`,
  inactive: (status) => `Dieses Konto kann sich nicht anmelden (Status: ${status}).`,
  missing: 'Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.',
  unreachable: 'Das Portal ist gerade nicht erreichbar. Ihr Passwort wurde nicht geprüft: Versuchen Sie es gleich noch einmal.',
  statuses: { invited: 'eingeladen, noch nicht aktiviert', expired: 'Einladung abgelaufen', blocked: 'gesperrt', deactivated: 'deaktiviert', deleted: 'gelöscht', contact: 'Kontakt ohne Anmeldung' },
  success: (name) => `Angemeldet als ${name}.`,
  accounts: 'Demo-Konten',
  fill: 'Verwenden',
  accountNotes: {
    'u-001': 'Super User',
    'u-002': 'Super User für 2 der 4 Kunden',
    'u-003': 'Super User, Kollektivunterschrift',
    'u-004': 'User',
    'u-016': 'Startpasswort abgelaufen, muss geändert werden',
  },
  password_hint: (password) => `Passwort aller Demo-Konten: ${password}`,
};

/**
 * An account as the "act as" switch names it: its name, its role now and, unless it is active, its
 * status ("Chloé Lambert (Super User, collective signature)", "Dirk Janssens (User) – blocked").
 * Computed from the current user, so a demoted or blocked account no longer reads as seeded.
 */
export function accountLabel(user: User, t: HostTexts, now: number): string {
  const role = user.role !== 'superuser' ? t.actAsKinds.user : user.signature === 'collective' ? t.actAsKinds.collective : t.actAsKinds.superuser;
  const label = `${displayName(user)} (${role})`;
  // The status now: an end date passed or an invitation run out shows before the data is read again.
  const status = effectiveStatus(user, now);
  return status === 'active' ? label : `${label} – ${t.signin.statuses[status]}`;
}

/** The host's texts in one language. */
export function hostTexts(locale: Language): HostTexts {
  return { en, fr, nl, de }[locale];
}
