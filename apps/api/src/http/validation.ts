import { ArgumentMetadata, HttpException, ValidationPipe } from '@nestjs/common';
import { fieldErrors } from './field-messages';

/** A 400 that names every offending field by its path (`survey.institution.name`, `ratings.3.level`). */
export class FieldErrors extends Error {
  constructor(readonly fields: { field: string; messages: string[] }[]) {
    super(`invalid fields: ${fields.map((f) => f.field).join(', ')}`);
  }
}

/**
 * Whatever a validator or transformer throws on a strange input (a stack overflow, a URIError) is the caller's bad
 * request, answered 400 naming the part, never a 500: the refused field errors and HTTP refusals pass as they are.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (error) {
      if (error instanceof FieldErrors || error instanceof HttpException) throw error;
      const part = metadata.data ?? metadata.type;
      throw new FieldErrors([
        {
          field: part,
          messages: [`Send ${part === 'body' ? 'the form' : `"${part}"`} as the API documentation shows: this could not be read`],
        },
      ]);
    }
  }
}

export const strictValidationPipe = () =>
  new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target and value let field-messages.ts find each field's label and bounds and tell a missing answer apart.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new FieldErrors(fieldErrors(errors)),
  });
