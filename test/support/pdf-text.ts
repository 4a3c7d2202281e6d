import type { Response } from 'superagent';

export { pdfText } from '../../libs/audit/src/testing/pdf-text';

/** A supertest parser that keeps the body as bytes (a PDF), for `.buffer(true).parse(binary)`. */
export const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
