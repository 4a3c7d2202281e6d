import { useMediaQuery } from '@mantine/hooks';

/**
 * Wider than a phone (Mantine's `sm` breakpoint, 48em): tables there, stacked cards below. For content that other
 * text on the page repeats, rendering one or the other (rather than hiding one with `visibleFrom`) keeps it said once.
 */
export function useWide(): boolean {
  return useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
}

/** For a `List` of cards: Mantine sizes each item to its content; cards read better all the width of the list. */
export const CARD_LIST_STYLES = { itemWrapper: { display: 'flex', alignItems: 'stretch' } } as const;
