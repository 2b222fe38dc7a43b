import { filenameFromContentDisposition } from './content-disposition';

const FALLBACK = 'business.pdf';

describe('filenameFromContentDisposition', () => {
  it('reads the unquoted name the API sends', () => {
    expect(
      filenameFromContentDisposition(
        'attachment; filename=business-2026-11-28-2026-12-05.pdf',
        FALLBACK,
      ),
    ).toBe('business-2026-11-28-2026-12-05.pdf');
  });

  it('reads a quoted name with spaces, semicolons and escaped quotes', () => {
    expect(
      filenameFromContentDisposition('attachment; filename="Q4 \\"final\\"; v2.csv"', FALLBACK),
    ).toBe('Q4 "final"; v2.csv');
  });

  it('prefers the RFC 6266 filename* form', () => {
    expect(
      filenameFromContentDisposition(
        "attachment; filename=fallback.md; filename*=UTF-8''r%C3%A9sum%C3%A9%20Q4.md",
        FALLBACK,
      ),
    ).toBe('résumé Q4.md');
  });

  it('ignores a filename* in another charset and keeps filename', () => {
    expect(
      filenameFromContentDisposition(
        "attachment; filename*=ISO-8859-1'en'caf%E9.pdf; filename=cafe.pdf",
        FALLBACK,
      ),
    ).toBe('cafe.pdf');
  });

  it('matches parameter names case-insensitively', () => {
    expect(filenameFromContentDisposition('attachment; FileName=report.html', FALLBACK)).toBe(
      'report.html',
    );
  });

  it('drops folders from the name', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/x.pdf"', FALLBACK)).toBe(
      'x.pdf',
    );
    expect(filenameFromContentDisposition('attachment; filename=a\\b\\c.csv', FALLBACK)).toBe(
      'c.csv',
    );
  });

  it.each([
    [null],
    [''],
    ['attachment'],
    ['attachment; filename=""'],
    ['attachment; filename=".."'],
    ["attachment; filename*=UTF-8''%E0%A4%A"],
  ])('falls back for %p', (header) => {
    expect(filenameFromContentDisposition(header, FALLBACK)).toBe(FALLBACK);
  });
});
