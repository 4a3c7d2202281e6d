import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldErrors } from '../http/validation';

/** An award cycle is named by its year. */
@Injectable()
export class AwardYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^(20|21)\d{2}$/.test(value)) throw new FieldErrors([{ field: 'year', messages: ['must be a year, e.g. 2027'] }]);
    return Number(value);
  }
}
