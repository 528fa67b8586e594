import { useEffect, useState, type ReactNode } from 'react';
import { mode } from './backend';
import { AdminView } from './views/AdminView';
import { BoardView } from './views/BoardView';
import { ChatView } from './views/ChatView';
import { CustomerView } from './views/CustomerView';

const views = {
  customer: { title: 'Customer', render: () => <CustomerView /> },
  board: { title: 'Booster board', render: () => <BoardView /> },
  admin: { title: 'Admin', render: () => <AdminView /> },
  chat: { title: 'Chat', render: () => <ChatView /> },
} satisfies Record<string, { title: string; render(): ReactNode }>;
type ViewName = keyof typeof views;

function currentView(): ViewName {
  const name = location.hash.replace(/^#\/?/, '');
  return name in views ? (name as ViewName) : 'customer';
}

/** Four views, one per kind of user of the five backends; the hash picks one (#/admin). */
export function App(): ReactNode {
  const [view, setView] = useState<ViewName>(currentView);
  const [theme, setTheme] = useState<'light' | 'dark'>(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  useEffect(() => {
    const onHash = () => setView(currentView());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="demo">
      <header className="demo__header">
        <h1 className="demo__brand">react-realtime-kit</h1>
        <nav aria-label="Views">
          <ul className="demo__nav">
            {(Object.keys(views) as ViewName[]).map((name) => (
              <li key={name}>
                <a href={`#/${name}`} aria-current={name === view ? 'page' : undefined}>
                  {views[name].title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="demo__mode">{mode === 'browser' ? 'Simulator in the page' : 'Simulator server'}</span>
        <button type="button" className="demo__theme" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </header>
      <main className="demo__main" key={view}>
        {views[view].render()}
      </main>
    </div>
  );
}
