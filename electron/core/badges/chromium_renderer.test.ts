import { expect, test } from 'vitest';
import { chromiumCandidates, createChromiumBadgeRenderer, findChromium } from './chromium_renderer';

test('CHROMIUM_PATH wins; a wrong one is named, not silently ignored', () => {
  const exists = (file: string) => file === '/opt/chrome/chrome' || file === '/usr/bin/chromium';
  expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, 'linux', exists)).toEqual({ path: '/opt/chrome/chrome' });
  expect(findChromium({ CHROMIUM_PATH: '/nowhere/chrome' }, 'linux', exists)).toEqual({
    problem: expect.stringContaining('CHROMIUM_PATH is set to /nowhere/chrome'),
  });
  expect(findChromium({}, 'linux', exists)).toEqual({ path: '/usr/bin/chromium' });
});

test('looks where Chrome, Chromium and Edge live on each system', () => {
  const windows = chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32');
  expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  expect(windows).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
  expect(windows).toContain('C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
  expect(chromiumCandidates({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  expect(chromiumCandidates({}, 'linux')).toEqual(expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']));
});

test('with no browser at all, says what to install, and the renderer reports it as unavailable', () => {
  const none = findChromium({}, 'linux', () => false);
  expect(none).toEqual({ problem: expect.stringMatching(/none was found.*apt install chromium.*CHROMIUM_PATH/u) });
  const renderer = createChromiumBadgeRenderer({ origin: () => 'http://127.0.0.1:1/', env: { CHROMIUM_PATH: '/nowhere/chrome' } });
  expect(renderer.availability()).toMatchObject({ pdf: false, printDialog: false, problem: expect.stringContaining('/nowhere/chrome') });
  const notServing = createChromiumBadgeRenderer({ origin: () => null });
  expect(notServing.availability().pdf).toBe(false);
});
