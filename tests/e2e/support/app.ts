// When the app has taken over a page: its theme toggle is the app's alone (the page's first screen,
// HTML built ahead of time, has none).
import { expect, type Page } from '@playwright/test';

export const appStarted = (page: Page) =>
  expect(page.getByRole('button', { name: '切换深色模式' })).toBeVisible();
