import { blindDocumentLabel, blindDownloadName, downloadName, sanitizeFileName } from './file-name';
import { CURRENT_EVIDENCE_POLICY, limitInWords, sizeInWords } from './evidence-policy';
import { fileTooLarge } from '../application/decide/evidence';

describe('evidence › file names', () => {
  it.each([
    ['a path, either way of writing it', '../../etc/passwd', 'passwd'],
    ['a Windows path', 'C:\\Users\\ada\\minutes.pdf', 'minutes.pdf'],
    ['a right-to-left override that disguises the ending', 'report\u202Efdp.exe', 'reportfdp.exe'],
    ['control characters and a newline that would split a header', 'min\u0000utes\r\n.pdf', 'minutes.pdf'],
    ['quotes and characters file systems refuse', 'a"b<c>d|e?.pdf', 'a_b_c_d_e_.pdf'],
    ['leading dots', '...hidden.pdf', 'hidden.pdf'],
    ['nothing left', '../', 'document'],
    ['zero-width characters', 'mi\u200Bnutes.pdf', 'minutes.pdf'],
  ])('makes safe %s', (_, raw, safe) => expect(sanitizeFileName(raw)).toBe(safe));

  it('shortens a long name to 120 characters, keeping its ending', () => {
    const name = sanitizeFileName(`${'x'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('adds the ending of the real type to a download name that lacks it', () => {
    expect(downloadName('minutes', 'application/pdf')).toBe('minutes.pdf');
    expect(downloadName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(downloadName('survey.exe', 'text/csv')).toBe('survey.exe.csv');
  });

  it('labels a document for a blind reviewer without its name', () => {
    expect(blindDocumentLabel(2, 'EC1.Leaders3', 'application/pdf', 1_234_567)).toBe('Document 2 for EC1.Leaders3 (PDF, 1.2 MB)');
    expect(blindDownloadName(2, 'EC1.Leaders3', 'application/pdf')).toBe('EC1.Leaders3 document 2.pdf');
  });

  it("says sizes as people read them, in the binary units of the policy's limits, choosing the unit after rounding", () => {
    const sizes = [0, 1, 1023, 1024, 1536, 12_345, 999_999, 1_048_575, 1_234_567, 20 * 1024 * 1024, 200 * 1024 * 1024, 5 * 1024 ** 3];
    expect(sizes.map(sizeInWords)).toEqual([
      '0 bytes',
      '1 byte',
      '1023 bytes',
      '1 kB',
      '1.5 kB',
      '12 kB',
      '977 kB',
      '1 MB',
      '1.2 MB',
      '20 MB',
      '200 MB',
      '5 GB',
    ]);
  });

  it('words the limits as the refusals say them', () => {
    expect(limitInWords(CURRENT_EVIDENCE_POLICY.maxFileBytes)).toBe('20 MB');
    expect(limitInWords(CURRENT_EVIDENCE_POLICY.maxApplicationBytes)).toBe('200 MB');
    expect(fileTooLarge().message).toContain('at most 20 MB');
  });
});
