/**
 * What registration exports call their columns, in English, Korean, French, Spanish, Russian
 * (and a little German), and as pretix, Indico, Hi.Events and spreadsheet templates name them.
 * Compared after folding (no case, accents, spaces or punctuation).
 */
import type { ImportField } from '../../contract';

/** Exact header texts per field. */
export const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  externalId: [
    'id', 'registration id', 'registration no', 'registration number', 'reg no', 'reg id', 'attendee id',
    'participant id', 'participant no', 'participant number', 'delegate id', 'order code', 'ticket id',
    'ticket number', 'ticket code', 'booking reference', 'reference', 'registration code', 'secret', 'barcode',
    'external id', 'code', 'position id', 'registrant id', 'record id', 'unique id', 'uid',
    '등록번호', '접수번호', '참가자번호', '참가번호', '관리번호', '등록 id', '고유번호',
    'identifiant', 'numero d inscription', 'n d inscription', 'no d inscription', 'numero de participant', 'reference',
    'numero de registro', 'id de registro', 'n de inscripcion', 'numero de inscripcion', 'codigo', 'codigo de registro',
    'идентификатор', 'регистрационный номер', 'номер регистрации', 'рег номер', 'код участника', 'номер участника',
    'anmeldenummer', 'teilnehmernummer',
  ],
  title: [
    'title', 'salutation', 'honorific', 'prefix', 'name prefix', 'form of address', 'mr ms', 'attendee name title',
    '호칭', '경칭', 'civilite', 'titre de civilite', 'tratamiento', 'titulo de cortesia', 'обращение', 'anrede',
  ],
  fullName: [
    'name', 'full name', 'attendee name', 'participant name', 'name of participant', 'delegate name', 'person',
    'participant', 'attendee', 'registrant name', 'fullname', 'name surname', 'names',
    '성명', '참가자명', '참가자 성명', '성함', '이름 성', '성 이름', '대표자명',
    'nom complet', 'nom et prenom', 'nom prenom', 'prenom et nom', 'prenom nom', 'participant e', 'nom du participant',
    'nombre completo', 'nombre y apellidos', 'nombre y apellido', 'apellidos y nombre', 'apellido y nombre', 'participante',
    'фио', 'ф и о', 'полное имя', 'имя и фамилия', 'фамилия имя', 'фамилия имя отчество', 'участник',
    'vollstandiger name', 'vor und nachname', '氏名', '名前', '姓名', '参会者姓名',
  ],
  familyName: [
    'family name', 'last name', 'surname', 'lastname', 'family', 'attendee name family name', 'attendee name last name',
    'name family', 'name last',
    '성', '성씨', 'nom de famille', 'apellido', 'apellidos', 'primer apellido', 'фамилия', 'nachname', 'familienname', 'cognome',
  ],
  givenName: [
    'given name', 'first name', 'forename', 'firstname', 'given names', 'first names', 'attendee name given name',
    'attendee name first name', 'name given', 'name first', 'christian name',
    '이름 명', 'prenom', 'prenoms', 'nombres', 'nombre de pila', 'имя отчество', 'vorname', 'vornamen',
  ],
  nativeName: [
    'native name', 'name in native language', 'name in own language', 'name in native script', 'local name',
    'name original script', 'original name', 'name in local language', 'name local',
    '국문 성명', '국문성명', '한글 성명', '한글성명', '한글 이름', '한글이름', '국문 이름', '국문이름', '성명 국문', '성명 한글',
    '이름 한글', '이름 국문', 'nom dans la langue d origine', 'nom en langue originale', 'nombre en idioma original',
    'nombre original', 'имя на родном языке', 'имя в оригинале',
  ],
  displayName: [
    'display name', 'badge name', 'name on badge', 'print name', 'name for badge', 'preferred name', 'name tag',
    '명찰 이름', '명찰 표기', '명찰명', '표시 이름', 'nom sur le badge', 'nom d usage', 'nombre en la credencial',
    'nombre en el gafete', 'nombre para la credencial', 'имя на бейдже', 'имя для бейджа',
  ],
  organisation: [
    'organisation', 'organization', 'company', 'institution', 'agency', 'affiliation', 'employer', 'organisation name',
    'organization name', 'company name', 'body', 'ministry', 'attendee company', 'institution name', 'org',
    '소속', '기관', '기관명', '소속기관', '소속 기관', '회사', '회사명', '단체', '단체명', '소속 기관명',
    'organisme', 'societe', 'entreprise', 'institution d attache', 'organizacion', 'institucion', 'empresa', 'entidad',
    'организация', 'учреждение', 'ведомство', 'место работы', 'компания', 'organisation institution', 'behorde', 'firma', '所属', '所属機関', '单位', '工作单位', '机构',
  ],
  position: [
    'position', 'job title', 'function', 'designation', 'post', 'job', 'occupation', 'job position', 'title position',
    'position title', 'rank', '직위', '직책', '직급', '직함', '직위 직책', 'fonction', 'poste', 'titre du poste',
    'cargo', 'puesto', 'funcion', 'должность', 'позиция', 'funktion', 'stellung',
  ],
  country: [
    'country', 'nationality', 'country of residence', 'nation', 'country code', 'country region', 'citizenship',
    'attendee country', 'country name', '국가', '국적', '나라', '국가명', 'pays', 'nationalite', 'pais', 'nacionalidad',
    'страна', 'гражданство', 'land', 'staatsangehorigkeit', '国', '国籍', '国名', '国家', '国家 地区',
  ],
  delegation: [
    'delegation', 'delegation name', 'group', 'team', 'group name', '대표단', '대표단명', '소속 대표단', '그룹',
    'delegation groupe', 'delegacion', 'grupo', 'делегация', 'группа', 'delegation gruppe',
  ],
  headOfDelegation: [
    'head of delegation', 'hod', 'head', 'is head', 'delegation head', 'head of delegation yes no',
    '단장', '대표단장', '수석대표', '단장 여부', 'chef de delegation', 'jefe de delegacion', 'jefa de delegacion',
    'глава делегации', 'руководитель делегации', 'delegationsleiter',
  ],
  category: [
    'category', 'participant type', 'type', 'attendee type', 'ticket', 'ticket type', 'product', 'registration type',
    'role', 'badge type', 'participant category', 'type of participant', 'status type',
    '구분', '분류', '참가 구분', '참가구분', '참가자 유형', '참가자 구분', '유형', '참가 유형', '역할',
    'categorie', 'type de participant', 'categoria', 'tipo de participante', 'tipo', 'категория', 'тип участника', 'статус',
    'kategorie', 'teilnehmertyp',
  ],
  languages: [
    'languages', 'language', 'spoken languages', 'working language', 'working languages', 'preferred language',
    '언어', '사용 언어', '사용언어', '통역 언어', '구사 언어', 'langues', 'langue', 'langue de travail', 'idiomas', 'idioma',
    'языки', 'язык', 'рабочий язык', 'sprachen', 'sprache',
  ],
  email: [
    'email', 'e mail', 'email address', 'e mail address', 'mail', 'attendee email', 'courriel', 'adresse electronique',
    'adresse e mail', 'correo', 'correo electronico', 'e mail correo', '이메일', '전자우편', '메일', '이메일 주소',
    'эл почта', 'электронная почта', 'почта', 'e mail адрес', 'メール', 'メールアドレス', '电子邮件', '电子邮箱', '邮箱',
  ],
  phone: [
    'phone', 'telephone', 'mobile', 'cell', 'phone number', 'mobile phone', 'mobile number', 'cell phone', 'tel',
    'attendee phone', 'contact number', '전화', '전화번호', '휴대폰', '휴대전화', '연락처', '핸드폰', '휴대폰 번호',
    'portable', 'numero de telephone', 'telefono', 'movil', 'celular', 'телефон', 'мобильный', 'мобильный телефон', 'handy',
  ],
  notes: [
    'notes', 'note', 'remarks', 'comments', 'comment', 'dietary requirements', 'dietary', 'dietary restrictions',
    'accessibility', 'accessibility needs', 'special needs', 'special requirements', 'allergies', 'meal preference',
    '비고', '메모', '특이사항', '식이', '식사', '알레르기', '요청사항', '참고', 'remarques', 'commentaires',
    'regime alimentaire', 'observations', 'observaciones', 'comentarios', 'notas', 'necesidades especiales',
    'примечание', 'примечания', 'комментарий', 'особые потребности', 'bemerkungen',
  ],
};

/** Columns never imported: check-in does not need them and the event should not hold them. */
export const SENSITIVE_HEADERS: readonly string[] = [
  'passport', 'passport no', 'passport number', 'passport nr', 'date of birth', 'birth date', 'dob', 'birthday',
  'national id', 'national id number', 'id card number', 'visa', 'visa number', 'social security number', 'ssn',
  '여권', '여권번호', '여권 번호', '생년월일', '주민등록번호', '주민번호', 'numero de passeport', 'passeport',
  'date de naissance', 'pasaporte', 'numero de pasaporte', 'fecha de nacimiento', 'паспорт', 'номер паспорта',
  'дата рождения', 'reisepass', 'geburtsdatum',
];

/** Words that, inside a longer header, mark a sensitive column ("Passport No. (for visa)"). */
export const SENSITIVE_WORDS: readonly string[] = ['passport', '여권', 'passeport', 'pasaporte', 'паспорт', 'birth', '생년', 'naissance', 'nacimiento', 'рождения', '주민'];

/**
 * Headers whose meaning depends on their neighbours: "이름", "Nombre", "Имя" are the given
 * name beside a family-name column, the whole name otherwise; "Nom" likewise.
 */
export const GIVEN_OR_FULL: readonly string[] = ['이름', 'nombre', 'имя', 'name given or full', 'nom usuel'];
export const FAMILY_OR_FULL: readonly string[] = ['nom'];

/** Serial numbers ("No.", "순번") renumber in every export: they must not become the id. */
export const SERIAL_HEADERS: readonly string[] = ['no', 'nr', 'n', 'num', '#', 'sn', 's n', '순번', '번호', '연번', 'n°', 'nº', '№', 'п п', 'номер п п'];

/** Contained words, tried in this order when no header matched exactly. */
export const HEADER_KEYWORDS: ReadonlyArray<readonly [ImportField, readonly string[]]> = [
  ['email', ['email', 'e mail', 'courriel', 'correo', '이메일', '메일', 'почта']],
  ['phone', ['phone', 'mobile', 'telephone', 'telefono', '전화', '휴대', 'телефон']],
  ['nativeName', ['국문', '한글', 'native', 'original script', 'langue d origine', 'родном']],
  ['familyName', ['family name', 'last name', 'surname', 'apellido', 'фамилия', 'nom de famille']],
  ['givenName', ['given name', 'first name', 'forename', 'prenom', 'vorname']],
  ['organisation', ['organisation', 'organization', 'company', 'institution', 'agency', '소속', '기관', 'организац', 'organisme', 'organizac']],
  ['position', ['position', 'job title', '직위', '직책', 'должност', 'cargo', 'fonction']],
  ['delegation', ['delegation', 'delegación', 'delegacion', '대표단', 'делегац']],
  ['country', ['country', 'nationality', '국가', '국적', 'pays', 'pais', 'страна']],
  ['category', ['category', 'categorie', 'categoria', '구분', '유형', 'категор', 'ticket type', 'participant type']],
  ['languages', ['language', 'langue', 'idioma', '언어', 'язык']],
  ['externalId', ['registration id', 'registration no', 'registration number', 'order code', 'ticket id', '등록번호', '접수번호']],
  ['notes', ['dietary', 'note', 'remark', 'comment', 'allerg', 'accessib', '비고', '특이', 'примечан', 'observac', 'remarque']],
  ['fullName', ['name', '성명', 'nom', 'nombre', 'имя', 'фио']],
];
