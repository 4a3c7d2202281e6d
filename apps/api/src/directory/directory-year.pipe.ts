import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldErrors } from '../http/validation';

/** A book is per year: four digits, as the directory's designation and award years. */
@Injectable()
export class DirectoryYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^(19|20|21)\d{2}$/.test(value)) throw new FieldErrors([{ field: 'year', messages: ['must be a year, e.g. 2026'] }]);
    return Number(value);
  }
}
