import { inflateSync } from 'node:zlib';

/**
 * Dev-only: the text a PDF shows, line by line, for specs that read a report as a person would. Every content stream
 * is inflated and the strings of its text operators decoded (pdfkit writes them as hex, split where it kerns).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const parts = [...tj[1].matchAll(/<([0-9a-fA-F]*)>|\((.*?)\)/g)].map((p) =>
        p[1] !== undefined ? Buffer.from(p[1], 'hex').toString('latin1') : p[2],
      );
      texts.push(parts.join(''));
    }
  }
  return texts.join('\n');
}
