import {
  createTheme,
  CSSVariablesResolver,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  VariantColorsResolver,
} from '@mantine/core';

/**
 * Mantine's defaults miss WCAG AA, which every page must meet: dimmed text is 3.3:1, and text in green, orange, teal, cyan or
 * yellow at the usual shades is 2-3.5:1 on white. Here: a darker primary shade; outline, light and subtle variants
 * write in a darkened shade 9 of their color (at least 4.5:1 on white and on their own shade 0); filled variants of
 * the light hues get a dark enough background for white text; dimmed and placeholder text are gray 7 (8:1), errors red 9.
 * axe checks every page in the browser tests.
 */
const LIGHT_HUES = new Set(['green', 'teal', 'cyan', 'orange', 'lime', 'yellow']);

const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'gray' || parsed.color === 'dark') return base;
  const palette = input.theme.colors[parsed.color];
  const ink = darken(palette[9], 0.25);
  switch (input.variant) {
    case 'outline':
      return { ...base, color: ink, hoverColor: ink, border: `1px solid ${ink}` };
    case 'light':
    case 'subtle':
      return { ...base, color: ink, hoverColor: ink };
    case 'filled':
      if (!LIGHT_HUES.has(parsed.color) || parsed.color === 'yellow') return base;
      return { ...base, background: darken(palette[9], 0.15), hover: darken(palette[9], 0.3), color: '#fff' };
    default:
      return base;
  }
};

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.35,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
  variantColorResolver,
  components: {
    // Toasts: a named close button, and description text dark enough to read.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close this message' } },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
