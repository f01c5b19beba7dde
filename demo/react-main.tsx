/**
 * The same Portier screens inside a small React 19 app (demo/react.html).
 *
 * React 19 supports custom elements natively: a prop whose name is a property of the element
 * (`portier`, `locale`) is set as a property, so the store object is handed over as is, without a
 * ref or a wrapper. The elements are registered before the first render so that React sees those
 * properties. Portier's events bubble and are composed: the app listens on its own container.
 */
import '../packages/elements/src/define.js';
import { LANGUAGES, displayName, type Language, type Portier, type PortierState } from '@portier/core';
import { StrictMode, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { ACT_AS, createDemo, saveLocale, savedLocale } from './demo-setup.js';
import { accountLabel, hostTexts } from './host-i18n.js';

/** A Portier screen's props; `theme="light"` pins it to light, like the portal around it. */
type ElementProps = React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & { theme?: 'light' | 'dark' };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'portier-provider': ElementProps & { portier?: Portier; locale?: Language };
      'portier-admin': ElementProps;
      'portier-own-profile': ElementProps;
      'portier-audit-log': ElementProps;
    }
  }
}

const demo = createDemo();
const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };
/** Events a host may react to (the library's event classes are typed in the global event map). */
const WATCHED_EVENTS = ['portier-user-created', 'portier-user-updated', 'portier-access-changed'] as const;

function usePortierState(store: Portier): PortierState {
  return useSyncExternalStore(store.subscribe, store.getState);
}

type Tab = 'users' | 'profile' | 'audit';

function App() {
  const state = usePortierState(demo.store);
  const [locale, setLocale] = useState<Language>(savedLocale());
  const [tab, setTab] = useState<Tab>('users');
  const [lastEvent, setLastEvent] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const t = hostTexts(locale);
  const me = state.actorId ? state.data.users[state.actorId] : undefined;
  // Over REST the demo accounts' names ("act as") arrive after the first render: draw again then.
  const [, setAccountsLoaded] = useState(false);
  useEffect(() => {
    void demo.backend.loaded?.then(() => setAccountsLoaded(true));
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    saveLocale(locale);
  }, [locale]);

  useEffect(() => {
    const node = container.current;
    if (!node) return;
    const onEvent = (event: Event) => setLastEvent(`${event.type} · ${new Date().toLocaleTimeString(locale)}`);
    for (const type of WATCHED_EVENTS) node.addEventListener(type, onEvent);
    return () => {
      for (const type of WATCHED_EVENTS) node.removeEventListener(type, onEvent);
    };
  }, [locale]);

  const tabs: { id: Tab; label: string }[] = [
    { id: 'users', label: t.nav.users },
    { id: 'profile', label: t.nav.profile },
    { id: 'audit', label: t.nav.audit },
  ];

  return (
    <>
      <div className="demo-bar" role="region" aria-label={t.demoBar}>
        <span className="tag">React 19</span>
        <label>
          <span className="label-text">{t.actAs}</span>
          <select value={state.actorId ?? ''} onChange={(event) => void demo.actAs(event.target.value)}>
            {ACT_AS.map(({ id }) => {
              // As the store holds the account now (a demoted or blocked one reads so), else as the backend does.
              const user = state.data.users[id] ?? demo.backend.inspect().data.users[id];
              return (
                <option key={id} value={id}>
                  {user ? accountLabel(user, t, demo.clock.now()) : id}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          <span className="label-text">{t.language}</span>
          <select value={locale} onChange={(event) => setLocale(event.target.value as Language)}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span role="status" aria-live="polite">
          {lastEvent}
        </span>
        <a href="./index.html">Lumen Energy Business</a>
      </div>
      <header className="site-header">
        <a className="brand" href="./index.html">
          {t.brand}
          <small>{t.brandTagline}</small>
        </a>
        <nav className="site-nav" aria-label={t.brand}>
          <ul>
            {tabs.map(({ id, label }) => (
              <li key={id}>
                <a
                  href={`#${id}`}
                  aria-current={tab === id ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    setTab(id);
                  }}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user-chip">
          <span className="who">
            <span>{me ? displayName(me) : '…'}</span>
            <span className="role">{me?.role === 'superuser' ? t.actAsKinds.superuser : t.actAsKinds.user}</span>
          </span>
        </div>
      </header>
      <main id="main">
        <div className="page" data-page={tab} ref={container}>
          <h1 className="page-title">{tabs.find(({ id }) => id === tab)?.label}</h1>
          {/* React 19 sets `portier` and `locale` as properties of the custom element. */}
          <portier-provider portier={demo.store} locale={locale}>
            {tab === 'users' && <portier-admin theme="light" />}
            {tab === 'profile' && (
              <div className="panel">
                <portier-own-profile theme="light" />
              </div>
            )}
            {tab === 'audit' && (
              <div className="panel">
                <portier-audit-log theme="light" />
              </div>
            )}
          </portier-provider>
        </div>
      </main>
      <footer className="site-footer">{t.footer}</footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
