import dayjs from 'dayjs';

const DAY = 86_400_000;

/** "Due in 12 days", "Due tomorrow", "Due today", "Overdue by 3 days": whole calendar days in the reader's time zone. */
export function dueIn(dueAt: string, now: Date = new Date()): { text: string; days: number; overdue: boolean } {
  const due = dayjs(dueAt);
  const days = Math.round((due.startOf('day').valueOf() - dayjs(now).startOf('day').valueOf()) / DAY);
  if (due.valueOf() < now.getTime()) {
    const late = Math.max(0, -days);
    return { text: late === 0 ? 'Overdue since today' : `Overdue by ${late} ${late === 1 ? 'day' : 'days'}`, days, overdue: true };
  }
  if (days === 0) return { text: 'Due today', days, overdue: false };
  if (days === 1) return { text: 'Due tomorrow', days, overdue: false };
  return { text: `Due in ${days} days`, days, overdue: false };
}

// dateStyle cannot be combined with timeZoneName, so the parts are named one by one.
const exactFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const utcFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** "1 April 2026 at 09:00 GMT+2": the exact moment, with the time zone it is shown in. */
export const exactDate = (iso: string) => exactFormat.format(new Date(iso));
/** "1 Apr 2026". */
export const shortDate = (iso: string) => dayFormat.format(new Date(iso));
/** "1 Apr 2026, 09:00:00 UTC", for audit trails. */
export const utcDate = (iso: string) => `${utcFormat.format(new Date(iso))} UTC`;

/** A `datetime-local` input's value for an instant, and back. */
export const toLocalInput = (iso: string) => dayjs(iso).format('YYYY-MM-DDTHH:mm');
export const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');
