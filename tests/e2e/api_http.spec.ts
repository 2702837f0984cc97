import { expect, test } from '@playwright/test';

// The HTTP transport as a LAN device or a script meets it: bad input gets a clear result.
test('health answers without pairing', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { ok: boolean; version: string; event: { name: string } };
  expect(body.ok).toBe(true);
  expect(body.event.name).toContain('demo');
});

test('malformed, unknown, wrongly typed and oversized requests are refused clearly', async ({ request }) => {
  const bad = await request.post('/api/participants.list', { headers: { 'content-type': 'application/json' }, data: '{"limit":' });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

  const unknown = await request.post('/api/drop.tables', { data: {} });
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

  const typed = await request.post('/api/participants.list', { data: { limit: 'all' } });
  expect(await typed.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

  const huge = await request.post('/api/participants.list', { data: { query: 'x'.repeat(400_000) } });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });

  const notJson = await request.post('/api/participants.list', { headers: { 'content-type': 'text/plain' }, data: 'hello' });
  expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
});

test('a page on another origin cannot call the API', async ({ request }) => {
  const res = await request.post('/api/event.current', { data: {}, headers: { origin: 'http://evil.example' } });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('security headers are set on the app shell', async ({ request }) => {
  const res = await request.get('/');
  const headers = res.headers();
  expect(headers['content-security-policy']).toContain("default-src 'none'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
});
