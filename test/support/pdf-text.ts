import { inflateSync } from 'node:zlib';
import type { Response } from 'superagent';

/** The text a PDF shows: every content stream inflated, the strings of its text operators decoded (pdfkit writes hex). */
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

/** A supertest parser that keeps the body as bytes (a PDF), for `.buffer(true).parse(binary)`. */
export const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
