/**
 * Language cells → ISO 639 codes. Cells hold lists ("English, French", "영어/불어",
 * "en; ru") in any language; names come from ICU's data in several languages.
 */
import { foldText } from './text_fold';

// ISO 639-1, the codes the contract stores.
const ISO_639_1 = `aa ab af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu
ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd
ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st
su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`;

// Three-letter codes (ISO 639-2/B and /T) that registration systems use for common languages.
const THREE_LETTER: Record<string, string> = {
  eng: 'en', fra: 'fr', fre: 'fr', spa: 'es', rus: 'ru', kor: 'ko', ara: 'ar', zho: 'zh', chi: 'zh', jpn: 'ja',
  deu: 'de', ger: 'de', por: 'pt', ita: 'it', mon: 'mn', kaz: 'kk', tha: 'th', vie: 'vi', ind: 'id', tur: 'tr',
  ukr: 'uk', pol: 'pl', nld: 'nl', dut: 'nl', fas: 'fa', per: 'fa', hin: 'hi', swa: 'sw', tgl: 'tl', fil: 'tl',
};

// Words people write that ICU does not (Korean short forms, "Mandarin", "Farsi").
const ALIASES: Record<string, string> = {
  '불어': 'fr', '독어': 'de', '서어': 'es', '노어': 'ru', '아랍어': 'ar', '중국어': 'zh', '일어': 'ja', '한국어': 'ko',
  'mandarin': 'zh', 'cantonese': 'zh', 'farsi': 'fa', 'filipino': 'tl', 'castilian': 'es', 'castellano': 'es',
};

const NAME_LANGUAGES = ['en', 'fr', 'es', 'ru', 'ko', 'ar', 'zh', 'ja', 'de', 'pt'];

let table: Map<string, string> | null = null;
let codes: Set<string> | null = null;

function names(): Map<string, string> {
  if (table) return table;
  codes = new Set(ISO_639_1.split(/\s+/u).filter(Boolean));
  const map = new Map<string, string>();
  for (const lang of NAME_LANGUAGES) {
    const display = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' });
    for (const code of codes) {
      const name = display.of(code);
      if (name) {
        const key = foldText(name);
        if (key && !map.has(key)) map.set(key, code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(foldText(alias), code);
  table = map;
  return map;
}

/** One language word or code → ISO 639-1, or null. "en-GB" and "English (fluent)" work too. */
export function lookupLanguage(token: string): string | null {
  const map = names();
  const text = token.trim();
  const lower = text.toLowerCase();
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/u.exec(lower)?.[1];
  if (tag && tag.length === 2 && codes?.has(tag)) return tag;
  if (tag && tag.length === 3 && THREE_LETTER[tag]) return THREE_LETTER[tag];
  const withoutNote = text.replace(/\([^)]*\)/gu, ' ');
  return map.get(foldText(text)) ?? map.get(foldText(withoutNote)) ?? null;
}

/** Splits a languages cell into its items ("English, French", "영어/불어", "en; ru", "English and French"). */
export function splitLanguages(value: string): string[] {
  return value
    .split(/[,;/|、，·\n]+|\s+(?:and|et|y|и|및|و)\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
