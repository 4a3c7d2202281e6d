import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldErrors } from '../http/validation';

/** A cycle is a year, as in the reference APP-2026-…. */
@Injectable()
export class CyclePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^(19|20|21)\d{2}$/.test(value)) throw new FieldErrors([{ field: 'cycle', messages: ['must be a year, e.g. 2026'] }]);
    return value;
  }
}
