import { expect, test } from 'vitest';
import { MAX_BALLOT_FILE_BYTES, checkBallotFile, checkBallotText, titleFromFileName } from './ballot_file';

test('a ballot-records file must be a CSV of at most 200 KB, with text in it', () => {
  expect(checkBallotFile({ name: 'mayor.csv', type: '', size: 1200 })).toBeNull();
  expect(checkBallotFile({ name: 'records', type: 'text/csv', size: 1200 })).toBeNull();
  expect(checkBallotFile({ name: 'result.pdf', type: 'application/pdf', size: 1200 })).toEqual({ key: 'notCsv', values: { name: 'result.pdf' } });
  expect(checkBallotFile({ name: 'big.csv', type: 'text/csv', size: MAX_BALLOT_FILE_BYTES + 1 })).toEqual({ key: 'tooBig', values: { size: 201, max: 200 } });
  expect(checkBallotFile({ name: 'none.csv', type: 'text/csv', size: 0 })).toEqual({ key: 'empty' });
  expect(checkBallotText('Alice,Bob\nBob,Carol\n')).toBeNull();
  expect(checkBallotText('%PDF-1.7\n...')).toEqual({ key: 'notText' });
  expect(checkBallotText('PK\u0003\u0004[Content_Types].xml')).toEqual({ key: 'notText' });
  expect(checkBallotText('a,b\u0000c')).toEqual({ key: 'notText' });
  expect(checkBallotText(' \n\n')).toEqual({ key: 'empty' });
  // Hangul and Arabic names are text, whatever their byte count.
  expect(checkBallotText('김민준,이서연\nمحمد,علي\n')).toBeNull();
  expect(titleFromFileName('seoul_mayor_2022.csv')).toBe('seoul mayor 2022');
});
