import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { fromBuffer } from 'file-type';
import {
  CURRENT_EVIDENCE_POLICY,
  DomainError,
  EvidenceDocument,
  evidenceType,
  fileTooLarge,
  applicationFull,
  sanitizeFileName,
  typeNotAllowed,
} from '@cert/domain';
import { BlobStore } from '@cert/blob-store';
import { SubjectKeys, encryptDocument } from '@cert/privacy';
import { FieldErrors } from '../http/validation';

/** Bytes read before the type is decided: enough for file-type to see past an office file's first zip entries. */
const SNIFF_BYTES = 256 * 1024;

const fileProblem = (message: string) => new FieldErrors([{ field: 'file', messages: [message] }]);

/** A refusal raised inside the stream; the upload answers it once the request has been read to its end. */
class Refused extends Error {
  constructor(readonly problem: DomainError | FieldErrors) {
    super(problem.message);
  }
}

/**
 * docs/DOMAIN.md, Evidence: the content's type is decided from its first bytes, whatever its name or declared type.
 * Text (plain or CSV) has no magic bytes: it is taken as text when it is UTF-8 without NUL bytes and does not open
 * like markup (HTML, SVG and XML are refused: a browser could run their scripts).
 */
export async function detectType(sample: Buffer, name: string, declared: string): Promise<string | null> {
  const found = await fromBuffer(sample);
  if (found) return found.mime;
  if (sample.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastWholeCharacter(sample)));
  } catch {
    return null;
  }
  const opening = sample
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (opening.startsWith('<')) return 'text/html';
  return name.toLowerCase().endsWith('.csv') || declared === 'text/csv' ? 'text/csv' : 'text/plain';
}

/** A sample cut at a byte limit may end inside a multi-byte character; that is not a reason to call it binary. */
const lastWholeCharacter = (b: Buffer): number => {
  for (let i = b.length - 1, n = 0; i >= 0 && n < 4; i--, n++) {
    const byte = b[i];
    if ((byte & 0xc0) === 0x80) continue;
    const width = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + width <= b.length ? b.length : i;
  }
  return b.length;
};

/**
 * Holds back the first bytes until the type is decided, refuses what the allow-list does not hold, counts and hashes
 * the content, and refuses it past `maxBytes` (before a byte over the limit is stored).
 */
class Inspector extends Transform {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private decided = false;
  private textual = false;
  size = 0;
  mediaType = '';
  private readonly hash = createHash('sha256');

  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: () => DomainError,
    private readonly name: string,
    private readonly declared: string,
  ) {
    super();
  }

  get sha256() {
    return this.hash.digest('hex');
  }

  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new Refused(this.tooLarge()));
    this.hash.update(chunk);
    if (this.decided) {
      if (this.textual && chunk.includes(0)) return done(new Refused(typeNotAllowed(null)));
      return done(null, chunk);
    }
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < SNIFF_BYTES) return done();
    this.decide().then(() => done(), done);
  }

  override _flush(done: TransformCallback) {
    if (this.decided) return done();
    if (this.heldBytes === 0) return done(new Refused(fileProblem('The file is empty: choose the file again, or another one.')));
    this.decide().then(() => done(), done);
  }

  private async decide() {
    const sample = Buffer.concat(this.held);
    const type = await detectType(sample, this.name, this.declared);
    if (!type || !evidenceType(type))
      throw new Refused(typeNotAllowed(type === 'text/html' ? 'HTML or another markup' : describeType(type)));
    this.mediaType = type;
    this.textual = type.startsWith('text/');
    this.decided = true;
    this.held = [];
    this.push(sample);
  }
}

const describeType = (type: string | null) => (type ? (type === 'application/zip' ? 'a zip archive' : type) : null);

export type Upload = { document: EvidenceDocument };

/**
 * Streams one multipart upload (one part, `file`) through the inspector and the document cipher into the blob store.
 * Resolves with the document as its event will record it; on any refusal nothing stays stored (the blob is deleted)
 * and the refusal is thrown once the request body has been read, so the client reads the answer.
 */
export async function receiveDocument(
  request: Request,
  opts: { maxBytes: number; limitedBy: 'file' | 'application'; usedBytes: number; blobs: BlobStore; keys: SubjectKeys; subjectId: string },
): Promise<Upload> {
  const policy = CURRENT_EVIDENCE_POLICY;
  const tooLarge = () => (opts.limitedBy === 'file' ? fileTooLarge() : applicationFull(opts.usedBytes));
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 10, headerPairs: 20 },
    });
  } catch {
    throw fileProblem('Send the document as multipart/form-data, in a part named "file".');
  }
  const documentId = randomUUID();
  let stored = false;
  // Set by the parser's callbacks, which the compiler does not follow.
  const part: { received: Promise<EvidenceDocument> | null; putting: Promise<unknown> | null } = { received: null, putting: null };

  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || part.received) {
        stream.resume();
        return;
      }
      const name = sanitizeFileName(info.filename ?? '', policy);
      const inspector = new Inspector(opts.maxBytes, tooLarge, name, info.mimeType);
      const cipher = encryptDocument();
      const encrypted = new PassThrough();
      const put = opts.blobs.put(documentId, encrypted).then((kept) => ((stored = true), kept));
      part.putting = put;
      // Read through a stream of our own: a refusal destroys it, while the part itself is read on to its end.
      const source = new PassThrough();
      stream.on('error', (error) => source.destroy(error));
      stream.pipe(source);
      part.received = Promise.all([pipeline(source, inspector, cipher.stream, encrypted), put]).then(async ([, kept]) => ({
        documentId,
        name,
        mediaType: inspector.mediaType,
        size: inspector.size,
        sha256: inspector.sha256,
        stored: kept,
        contentKey: await cipher.seal(opts.keys, opts.subjectId),
        policyVersion: policy.version,
      }));
      // The rest of this part is read and dropped once refused, so the request ends and the answer reaches the client.
      part.received.catch(() => {
        stream.unpipe(source);
        stream.resume();
      });
    });
    parser.on('close', resolve);
    parser.on('error', (error: Error) =>
      reject(fileProblem(`The upload was cut off or malformed (${error.message.toLowerCase()}): choose the file and send it again.`)),
    );
  });
  request.pipe(parser);

  try {
    await parsed;
    if (!part.received) throw fileProblem('Choose a file to upload, sent in a part named "file".');
    return { document: await part.received };
  } catch (error) {
    request.unpipe(parser);
    request.resume();
    // The store finishes (or gives up) its write first, so what it kept, or its temporary file, is gone before the answer.
    await part.putting?.catch(() => undefined);
    if (stored || (await opts.blobs.exists(documentId))) await opts.blobs.delete(documentId);
    throw error instanceof Refused ? error.problem : error;
  }
}
