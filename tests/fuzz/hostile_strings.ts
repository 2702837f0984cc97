/**
 * Hostile strings, written for this project in the spirit of the Big List of Naughty Strings:
 * markup and script injection, spreadsheet formulas, SQL and LIKE metacharacters, bidi
 * overrides, zero-width and combining characters, emoji sequences, huge and empty-looking
 * values, path traversal, format strings, and every script the event's people write in.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  // Markup and script
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '<b>bold</b> &amp; &lt;tag&gt;',
  // Spreadsheet formulas (CSV injection), also after spaces and in full-width forms
  '=cmd|\' /C calc\'!A0',
  '=HYPERLINK("http://example.invalid","click")',
  // Formulas behind characters a spreadsheet may skip: no-break, ideographic and zero-width
  // spaces, a soft hyphen, and compatibility forms of the signs.
  '\u00a0=1+1',
  '\u3000+cmd|calc',
  '\u200b@SUM(A1:A9)',
  '\u00ad-2+3',
  '\ufe62HYPERLINK',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '   =1+1',
  '＝1+1',
  '＋1',
  // SQL, LIKE and FTS metacharacters
  "Robert'); DROP TABLE participant;--",
  "' OR '1'='1",
  '%_%',
  '\\%\\_',
  'name" NEAR/2 "x',
  '*',
  // Bidi and invisible characters
  '\u202Eevil\u202C name',
  '\u2066isolated\u2069',
  'zero\u200Bwidth\u200Djoiner',
  '\uFEFFbom first',
  'soft\u00ADhyphen',
  '\u200F\u200E\u061C',
  // Combining and Zalgo
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  'e\u0301\u0301\u0301\u0301',
  // Emoji and astral plane
  '👩‍👩‍👧‍👦 family',
  '🏳️‍🌈 flag',
  '𝕳𝖊𝖑𝖑𝖔 𝔀𝓸𝓻𝓵𝓭',
  '\uD83D\uDE00 paired',
  // Scripts of the event's people
  '김민준 (金玟俊)',
  'محمد بن راشد آل مكتوم',
  'Юлия Тимошенко',
  'สมชาย ใจดี',
  'Nguyễn Thị Minh Khai',
  'שלום עולם',
  '田中 太郎',
  'Ελληνικά',
  'தமிழ்',
  // Sizes and shapes
  'A'.repeat(600),
  '김'.repeat(300),
  ' ',
  '   leading and trailing   ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  // Paths and formats
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'C:\\CON\\AUX',
  '%s%s%s%n',
  '%00',
  'line one\nline two',
  'tab\tseparated',
  'semi;colon,comma',
  '"quoted "" twice"',
];
