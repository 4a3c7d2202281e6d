import PDFDocument from 'pdfkit';
import type { CheckpointSummary, DirectoryEntryView } from '@cert/contracts';
import { checkpointLine } from '@cert/audit';

/**
 * docs/DOMAIN.md, Who's-who directory: the public reads the directory, and a yearly book as a PDF. The book of one
 * year: a title page, a table of contents by country with page numbers, then one entry per program, each
 * exactly as its leader chose to show it (the entries come from the public directory and carry nothing else).
 */
export type DirectoryBook = {
  year: number;
  generatedAt: string;
  entries: DirectoryEntryView[];
  /** The latest signed checkpoint of the log when the book was made (null before the first). */
  checkpoint?: CheckpointSummary | null;
};

const NO_COUNTRY = 'Country not shown';
const TOC_LINE = 16;
const TOC_LINES_PER_PAGE = 40;

const titleOf = (e: DirectoryEntryView) => e.leaderName ?? e.institution ?? '';
const countryOf = (e: DirectoryEntryView) => e.country ?? NO_COUNTRY;

/** Countries in book order (alphabetical, entries that show none last), each with its entries in directory order. */
export function chapters(entries: DirectoryEntryView[]): { country: string; entries: DirectoryEntryView[] }[] {
  const byCountry = new Map<string, DirectoryEntryView[]>();
  for (const e of entries) byCountry.set(countryOf(e), [...(byCountry.get(countryOf(e)) ?? []), e]);
  return [...byCountry.entries()]
    .sort(([a], [b]) => (a === NO_COUNTRY ? 1 : b === NO_COUNTRY ? -1 : a.localeCompare(b)))
    .map(([country, list]) => ({ country, entries: list }));
}

export function directoryBookPdf(book: DirectoryBook, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    compress: opts.compress ?? true,
    info: {
      Title: `Who's Who of STEM Leaders ${book.year}`,
      Author: 'International Association for STEM Leaders (IASL)',
      CreationDate: new Date(book.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const parts = chapters(book.entries);

  titlePage(doc, book, parts.filter((p) => p.country !== NO_COUNTRY).length);
  // The contents come before the entries but need their page numbers: reserve the pages now, fill them at the end.
  const tocLines = parts.reduce((n, p) => n + 1 + p.entries.length, 0);
  const tocPages = Math.max(1, Math.ceil(tocLines / TOC_LINES_PER_PAGE));
  const firstTocPage = 1;
  for (let i = 0; i < tocPages; i++) doc.addPage();

  const pages: { country: number; entries: number[] }[] = [];
  for (const part of parts) {
    doc.addPage();
    const countryPage = currentPage(doc);
    doc.outline.addItem(part.country);
    doc.font('Helvetica-Bold').fontSize(20).text(part.country).moveDown(0.6);
    const entryPages = part.entries.map((entry) => {
      // An entry starts on a new page rather than split, unless it is longer than a page.
      if (doc.y + entryHeight(doc, entry) > doc.page.height - doc.page.margins.bottom && doc.y > doc.page.margins.top + 60) doc.addPage();
      const page = currentPage(doc);
      entryBlock(doc, entry);
      return page;
    });
    pages.push({ country: countryPage, entries: entryPages });
  }
  if (parts.length === 0) {
    doc.addPage();
    doc.font('Helvetica').fontSize(12).text(`No program has chosen to appear in the ${book.year} book yet.`);
  }

  contents(doc, parts, pages, firstTocPage);
  pageNumbers(doc);
  doc.end();
  return done;
}

const currentPage = (doc: PDFKit.PDFDocument) => doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;

function titlePage(doc: PDFKit.PDFDocument, book: DirectoryBook, countries: number) {
  doc.moveDown(8);
  doc.font('Helvetica-Bold').fontSize(30).text("Who's Who of STEM Leaders", { align: 'center' });
  doc.moveDown(0.5).font('Helvetica').fontSize(16).text('A book of best practices in STEM', { align: 'center' });
  doc.moveDown(0.5).fontSize(22).text(`${book.year}`, { align: 'center' });
  doc.moveDown(3).fontSize(12).text('International Association for STEM Leaders (IASL)', { align: 'center' });
  doc.moveDown(0.3).text('STEM Certification Division', { align: 'center' });
  doc
    .moveDown(3)
    .fontSize(10)
    .text(
      `${book.entries.length} designated ${book.entries.length === 1 ? 'program' : 'programs'} in ${countries} ${countries === 1 ? 'country' : 'countries'}, designated or awarded in ${book.year}. ` +
        "Every entry appears as its leader chose to show it; the best-practice summaries are in the leaders' own words.",
      { align: 'center' },
    );
  doc
    .moveDown(0.5)
    .fontSize(9)
    .fillColor('#555555')
    .text(`Generated ${book.generatedAt.slice(0, 10)}.`, { align: 'center' })
    .text(checkpointLine(book.checkpoint ?? null), { align: 'center' })
    .fillColor('black');
}

const textWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Roughly the height entryBlock will take: its heading and fact lines, and the summary as set. */
function entryHeight(doc: PDFKit.PDFDocument, e: DirectoryEntryView): number {
  const summary = e.summary
    ? doc
        .font('Helvetica-Oblique')
        .fontSize(10)
        .heightOfString(e.summary, { width: textWidth(doc), align: 'justify' })
    : 0;
  return 80 + summary + (e.verifyUrl ? 14 : 0);
}

function entryBlock(doc: PDFKit.PDFDocument, e: DirectoryEntryView) {
  doc.font('Helvetica-Bold').fontSize(13).text(titleOf(e));
  doc.font('Helvetica').fontSize(10);
  if (e.leaderName && e.institution) doc.text(e.institution);
  const facts = [
    e.designationYear !== undefined ? `Designated ${e.designationYear}` : null,
    e.focusAreas?.length ? `Focus: ${e.focusAreas.join(', ')}` : null,
  ].filter(Boolean);
  if (facts.length > 0) doc.fillColor('#333333').text(facts.join(' · ')).fillColor('black');
  if (e.awards?.length) doc.text(`Awards: ${e.awards.map((a) => `${a.award} (${a.year})`).join('; ')}`);
  if (e.summary) doc.moveDown(0.3).font('Helvetica-Oblique').text(e.summary, { align: 'justify' }).font('Helvetica');
  if (e.verifyUrl)
    doc.moveDown(0.2).fillColor('#1b5e20').text(`Verified designation: ${e.verifyUrl}`, { link: e.verifyUrl }).fillColor('black');
  doc.moveDown(1.2);
}

function contents(
  doc: PDFKit.PDFDocument,
  parts: { country: string; entries: DirectoryEntryView[] }[],
  pages: { country: number; entries: number[] }[],
  firstTocPage: number,
) {
  const lines = parts.flatMap((p, i) => [
    { text: p.country, page: pages[i].country, bold: true },
    ...p.entries.map((e, j) => ({
      text: `    ${titleOf(e)}${e.leaderName && e.institution ? `, ${e.institution}` : ''}`,
      page: pages[i].entries[j],
      bold: false,
    })),
  ]);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  lines.forEach((line, n) => {
    const onPage = Math.floor(n / TOC_LINES_PER_PAGE);
    doc.switchToPage(firstTocPage + onPage);
    if (n % TOC_LINES_PER_PAGE === 0) doc.font('Helvetica-Bold').fontSize(18).text('Contents', left, doc.page.margins.top);
    const y = doc.page.margins.top + 40 + (n % TOC_LINES_PER_PAGE) * TOC_LINE;
    doc.font(line.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    doc.text(line.text, left, y, { width: width - 40, lineBreak: false, ellipsis: true });
    doc.text(String(line.page + 1), left + width - 40, y, { width: 40, align: 'right', lineBreak: false });
  });
  if (lines.length === 0) {
    doc.switchToPage(firstTocPage);
    doc.font('Helvetica-Bold').fontSize(18).text('Contents', left, doc.page.margins.top);
  }
}

/** Page numbers in the footer of every page but the title page. */
function pageNumbers(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(String(i + 1), 0, doc.page.height - 32, { width: doc.page.width, align: 'center', lineBreak: false })
      .fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}
