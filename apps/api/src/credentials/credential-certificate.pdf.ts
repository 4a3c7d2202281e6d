import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type Certificate = {
  title: string;
  leaderName: string;
  /** The credential's own sentence: what is held, by which program, led by whom. */
  description: string;
  issuedAt: string;
  validUntil: string | null;
  credentialId: string;
  verifyUrl: string;
};

const day = (iso: string) => iso.slice(0, 10);

/** The QR code of a verification page's URL: its matrix of modules, true where dark. */
export function qrModules(url: string): boolean[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => !!modules.get(row, col)));
}

/** Drawn as vector squares (sharp at any print size), on a white quiet zone of two modules. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const modules = qrModules(url);
  const unit = size / (modules.length + 4);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  modules.forEach((cells, row) =>
    cells.forEach((dark, col) => {
      if (dark) doc.rect(x + (col + 2) * unit, y + (row + 2) * unit, unit, unit);
    }),
  );
  doc.fill('#000000').restore();
  doc.link(x, y, size, size, url);
}

/**
 * The printable certificate of a credential: what it attests, and a QR code (also a link) that opens the public
 * verification page, where anyone sees whether it still holds. The certificate proves nothing by itself; the page does.
 */
export function certificatePdf(c: Certificate, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    compress: opts.compress ?? true,
    info: {
      Title: `${c.title}: ${c.leaderName}`,
      Author: 'International Association for STEM Leaders (IASL)',
      CreationDate: new Date(c.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  doc.font('Helvetica').fontSize(14).fillColor('#555').text('International Association for STEM Leaders', { align: 'center', width });
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(34).fillColor('#1b3a5c').text(c.title, { align: 'center', width });
  doc.moveDown(1).font('Helvetica-Bold').fontSize(22).fillColor('#222').text(c.leaderName, { align: 'center', width });
  doc.moveDown(0.5).font('Helvetica').fontSize(15).text(c.description, { align: 'center', width });
  doc
    .moveDown(1)
    .fontSize(12)
    .fillColor('#555')
    .text(`Issued ${day(c.issuedAt)}${c.validUntil ? `, valid until ${day(c.validUntil)}` : ''}. Credential ${c.credentialId}.`, {
      align: 'center',
      width,
    });
  const size = 130;
  const x = doc.page.width - 56 - size;
  const y = doc.page.height - 56 - size - 24;
  drawQr(doc, c.verifyUrl, x, y, size);
  doc
    .fontSize(9)
    .fillColor('#1b3a5c')
    .text('Check it is valid: scan or open', 56, y + 40, { width: x - 72, align: 'left' })
    .text(c.verifyUrl, { width: x - 72, link: c.verifyUrl, underline: true });
  doc.end();
  return done;
}
