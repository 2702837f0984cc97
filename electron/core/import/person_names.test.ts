import { expect, test } from 'vitest';
import { composeDisplayName, nativeNameLang, splitFullName } from './person_names';

test('full names split by the capitals that mark the family name, by script, and by order', () => {
  const split = (full: string, country: string | null = null, order: 'auto' | 'family_first' | 'given_first' = 'auto') => splitFullName(full, order, country);
  expect(split('KIM Minjun')).toEqual({ family: 'KIM', given: 'Minjun' });
  expect(split('Minjun KIM')).toEqual({ family: 'KIM', given: 'Minjun' });
  expect(split('María José NÚÑEZ GARCÍA')).toEqual({ family: 'NÚÑEZ GARCÍA', given: 'María José' });
  expect(split('Núñez García, María José')).toEqual({ family: 'Núñez García', given: 'María José' });
  expect(split('Jan van der Berg')).toEqual({ family: 'van der Berg', given: 'Jan' });
  expect(split('Kim Minjun', 'KR')).toEqual({ family: 'Kim', given: 'Minjun' });
  expect(split('Minjun Kim', 'KR')).toEqual({ family: 'Kim', given: 'Minjun' });
  expect(split('Anna Schmidt', 'DE')).toEqual({ family: 'Schmidt', given: 'Anna' });
  expect(split('Schmidt Anna', null, 'family_first')).toEqual({ family: 'Schmidt', given: 'Anna' });
  expect(split('김민준')).toEqual({ family: '김', given: '민준' });
  expect(split('남궁민수')).toEqual({ family: '남궁', given: '민수' });
  expect(split('欧阳娜娜')).toEqual({ family: '欧阳', given: '娜娜' });
  expect(split('山田 太郎')).toEqual({ family: '山田', given: '太郎' });
  expect(split('Madonna')).toEqual({ family: 'Madonna', given: '' });
});

test('display names and own-script languages follow the script and the country', () => {
  expect(composeDisplayName('Kim', 'Minjun', 'KR')).toBe('Kim Minjun');
  expect(composeDisplayName('Schmidt', 'Anna', 'DE')).toBe('Anna Schmidt');
  expect(composeDisplayName('김', '민준', null)).toBe('김민준');
  expect(composeDisplayName('Иванова', 'Ольга', 'RU')).toBe('Ольга Иванова');
  expect(nativeNameLang('김민준', null)).toBe('ko');
  expect(nativeNameLang('王伟', 'TW')).toBe('zh-Hant');
  expect(nativeNameLang('やまだ', null)).toBe('ja');
  expect(nativeNameLang('Ерлан', 'KZ')).toBe('kk');
  expect(nativeNameLang('فاطمة', 'IR')).toBe('fa');
  expect(nativeNameLang('Anna', 'DE')).toBeNull();
});
