/**
 * Country cells → ISO 3166-1 alpha-2. Registration exports write countries every way: codes
 * (KR, KOR), English or local names ("Republic of Korea", "대한민국", "Corée du Sud",
 * "Россия"), UN-style inversions ("Korea, Republic of"). Names come from the ICU data Node
 * ships (Intl.DisplayNames) in several languages, plus a few common aliases ICU lacks.
 */
import { foldText } from './text_fold';

// ISO 3166-1 alpha-2 and alpha-3, as pairs. Kosovo (XK) is user-assigned but widely used.
const ISO_PAIRS = `AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW
AX ALA AZ AZE BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES
BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL
CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA
EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD
GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY
HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA
JE JEY JM JAM JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO
LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG
MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS
MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER
PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB
RU RUS RW RWA SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM
SR SUR SS SSD ST STP SV SLV SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM
TN TUN TO TON TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN
VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM XK XKX YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE`;

// Names people write that ICU does not list (older official names, abbreviations, sports names).
const ALIASES: Record<string, string> = {
  'korea': 'KR', 'republic of korea': 'KR', 'rok': 'KR', 'south korea': 'KR', '한국': 'KR', '남한': 'KR',
  'dprk': 'KP', 'democratic peoples republic of korea': 'KP', '조선': 'KP',
  'usa': 'US', 'u s a': 'US', 'u s': 'US', 'united states of america': 'US', 'america': 'US', '미합중국': 'US',
  'uk': 'GB', 'u k': 'GB', 'great britain': 'GB', 'britain': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB',
  'united kingdom of great britain and northern ireland': 'GB', '영국': 'GB',
  'russian federation': 'RU', 'rf': 'RU', 'российская федерация': 'RU', 'рф': 'RU',
  'prc': 'CN', 'peoples republic of china': 'CN', '중화인민공화국': 'CN', '中华人民共和国': 'CN',
  'chinese taipei': 'TW', 'republic of china': 'TW', 'taiwan province of china': 'TW',
  'viet nam': 'VN', 'lao pdr': 'LA', 'lao peoples democratic republic': 'LA', 'laos': 'LA',
  'iran islamic republic of': 'IR', 'islamic republic of iran': 'IR', 'syrian arab republic': 'SY',
  'turkey': 'TR', 'turkiye': 'TR', 'czech republic': 'CZ', 'slovak republic': 'SK', 'kyrgyz republic': 'KG',
  'ivory coast': 'CI', 'cote divoire': 'CI', 'cape verde': 'CV', 'swaziland': 'SZ', 'macedonia': 'MK',
  'burma': 'MM', 'east timor': 'TL', 'holy see': 'VA', 'vatican': 'VA', 'state of palestine': 'PS',
  'drc': 'CD', 'dr congo': 'CD', 'democratic republic of the congo': 'CD', 'congo kinshasa': 'CD',
  'republic of the congo': 'CG', 'congo brazzaville': 'CG', 'brunei darussalam': 'BN', 'the gambia': 'GM',
  'the bahamas': 'BS', 'holland': 'NL', 'the netherlands': 'NL', 'uae': 'AE', 'ksa': 'SA',
  'moldova republic of': 'MD', 'republic of moldova': 'MD', 'tanzania united republic of': 'TZ',
  'united republic of tanzania': 'TZ', 'bolivia plurinational state of': 'BO', 'venezuela bolivarian republic of': 'VE',
  'micronesia federated states of': 'FM', 'federated states of micronesia': 'FM', 'kosova': 'XK',
};

/** The languages whose country names are recognised. */
const NAME_LANGUAGES = ['en', 'fr', 'es', 'ru', 'ko', 'ar', 'zh', 'ja', 'de', 'pt', 'it', 'uk', 'tr', 'id'];

let alpha3: Map<string, string> | null = null;
let byName: Map<string, string> | null = null;

function tables(): { alpha3: Map<string, string>; byName: Map<string, string> } {
  if (alpha3 && byName) return { alpha3, byName };
  const codes = ISO_PAIRS.split(/\s+/u).filter(Boolean);
  const a3 = new Map<string, string>();
  const names = new Map<string, string>();
  for (let i = 0; i + 1 < codes.length; i += 2) a3.set(codes[i + 1]!, codes[i]!);
  for (const lang of NAME_LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const display = new Intl.DisplayNames([lang], { type: 'region', style, fallback: 'none' });
      for (const code of a3.values()) {
        const name = display.of(code);
        if (name) {
          const key = foldText(name);
          if (key && !names.has(key)) names.set(key, code);
        }
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) names.set(foldText(alias), code);
  alpha3 = a3;
  byName = names;
  return { alpha3: a3, byName: names };
}

/** Whether a code is an ISO 3166-1 alpha-2 we know. */
export function isCountryCode(code: string): boolean {
  return isKnownAlpha2(code);
}

/**
 * The ISO 3166-1 alpha-2 code a cell means, or null. Tries codes, then the whole name, then
 * the name without a parenthesis ("Bolivia (Plurinational State of)") or after-comma part.
 */
export function lookupCountry(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  const { alpha3: a3, byName: names } = tables();
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/u.test(upper) && upper !== 'UK' && isKnownAlpha2(upper)) return upper;
  if (/^[A-Z]{3}$/u.test(upper) && a3.has(upper)) return a3.get(upper)!;
  const candidates = [text, text.replace(/\([^)]*\)/gu, ' '), text.split(',')[0] ?? ''];
  for (const candidate of candidates) {
    const hit = names.get(foldText(candidate));
    if (hit) return hit;
  }
  return null;
}

let alpha2: Set<string> | null = null;
function isKnownAlpha2(code: string): boolean {
  alpha2 ??= new Set(tables().alpha3.values());
  return alpha2.has(code);
}

/** A country's English name, used to name delegations built from the country column. */
export function countryName(code: string, language = 'en'): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
