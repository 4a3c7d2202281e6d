import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldErrors } from '../http/validation';

// `<event uuid>-<template>-<16 hex>`, as the notifications processor makes them.
export const NOTIFICATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[a-z-]{3,40}-[0-9a-f]{16}$/;

@Injectable()
export class NotificationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!NOTIFICATION_ID.test(value)) throw new FieldErrors([{ field: 'notificationId', messages: ['must be a notification id'] }]);
    return value;
  }
}
