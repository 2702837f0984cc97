import { expect, fontsReady, test } from './fixtures';

// Which bundled font really drew each name, as Chromium reports it (CSS.getPlatformFontsForNode):
// a Japanese name must get Japanese glyph shapes, not the Chinese forms of the same characters.
const CASES = [
  { query: 'kim minjun', text: '김민준', lang: 'ko', font: 'Noto Sans KR' },
  { query: 'takahashi', text: '高橋 健二', lang: 'ja', font: 'Noto Sans JP' },
  { query: 'nakamura', text: '中村 彩', lang: 'ja', font: 'Noto Sans JP' },
  { query: 'srisuwan', text: 'ธนวัฒน์ ศรีสุวรรณ', lang: 'th', font: 'Noto Sans Thai' },
  { query: 'haddad', text: 'رانيا حداد', lang: 'ar', font: 'Noto Sans Arabic' },
] as const;

test("each person's own-script name is drawn with the bundled font of its language", async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  await expect(page.getByTestId('participant-count')).toHaveText('64 people');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  for (const c of CASES) {
    await page.getByTestId('participant-search').fill(c.query);
    const cell = page.getByTestId('participant-row').first().locator(`.person-native[lang="${c.lang}"]`);
    await expect(cell, c.query).toHaveText(c.text);
    await fontsReady(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[data-testid="participant-row"] .person-native[lang="${c.lang}"]` });
    expect(nodeIds.length, c.query).toBeGreaterThan(0);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: nodeIds[0]! });
    // Every glyph of the name came from the bundled (custom) face of the expected family; a
    // fallback would show up as another entry. Fontsource's faces keep their variable source's
    // instance name ("Noto Sans JP Thin") although they are cut at the declared weight.
    const family = (name: string) => name.replace(/ (Thin|ExtraLight|Light|Regular|Medium|SemiBold|Bold|ExtraBold|Black)$/u, '');
    expect(fonts.map((f) => ({ family: family(f.familyName), bundled: f.isCustomFont })), c.query).toEqual([{ family: c.font, bundled: true }]);
  }
});
