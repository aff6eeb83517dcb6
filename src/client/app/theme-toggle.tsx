// Light and dark follow the system until the reader chooses; the choice is remembered, and
// public/boot.js applies it before the first paint.
import { useState } from 'react';
import { t } from '../lib/site.ts';

const KEY = 'folio-theme';

function currentTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function ThemeToggle() {
  const [theme, setTheme] = useState(currentTheme);
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // storage may be off (private mode); the choice then lasts for this page only
    }
    setTheme(next);
  };
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={theme === 'dark'}
      onClick={toggle}
      title={t.themeToggle}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
      <span className="visually-hidden">{t.themeToggle}</span>
    </button>
  );
}
