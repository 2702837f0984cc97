import { expect, test } from 'vitest';
import { MAX_BALLOT_FILE_BYTES, checkBallotFile, checkBallotText, titleFromFileName } from './ballot_file';

test('a ballot-records file must be a CSV of at most 200 KB, with text in it', () => {
  expect(checkBallotFile({ name: 'mayor.csv', type: '', size: 1200 })).toBeNull();
  expect(checkBallotFile({ name: 'records', type: 'text/csv', size: 1200 })).toBeNull();
  expect(checkBallotFile({ name: 'result.pdf', type: 'application/pdf', size: 1200 })).toEqual({ key: 'notCsv', values: { name: 'result.pdf' } });
  expect(checkBallotFile({ name: 'big.csv', type: 'text/csv', size: MAX_BALLOT_FILE_BYTES + 1 })).toEqual({ key: 'tooBig', values: { size: 801, max: 200 } });
  // The limit is the host's, in characters: 150,000 Hangul characters (450 KB of UTF-8) are taken, 200,001 ASCII ones are not.
  const hangul = `${'김민준,이서연\n'.repeat(18_750)}`;
  expect(hangul.length).toBe(150_000);
  expect(checkBallotFile({ name: 'seoul.csv', type: 'text/csv', size: new TextEncoder().encode(hangul).length })).toBeNull();
  expect(checkBallotText(hangul)).toBeNull();
  expect(checkBallotText('a'.repeat(200_001))).toEqual({ key: 'tooBig', values: { size: 201, max: 200 } });
  expect(checkBallotFile({ name: 'none.csv', type: 'text/csv', size: 0 })).toEqual({ key: 'empty' });
  expect(checkBallotText('Alice,Bob\nBob,Carol\n')).toBeNull();
  expect(checkBallotText('%PDF-1.7\n...')).toEqual({ key: 'notText' });
  expect(checkBallotText('PK\u0003\u0004[Content_Types].xml')).toEqual({ key: 'notText' });
  expect(checkBallotText('a,b\u0000c')).toEqual({ key: 'notText' });
  // A PNG read as UTF-8: its first byte is not UTF-8 and its header holds NULs.
  expect(checkBallotText(new TextDecoder().decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])))).toEqual({ key: 'notText' });
  expect(checkBallotText(' \n\n')).toEqual({ key: 'empty' });
  // Hangul and Arabic names are text, whatever their byte count.
  expect(checkBallotText('김민준,이서연\nمحمد,علي\n')).toBeNull();
  expect(titleFromFileName('seoul_mayor_2022.csv')).toBe('seoul mayor 2022');
});
