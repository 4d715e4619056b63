import { createTheme } from '@mantine/core';

/**
 * Dark-first theme close to Premiere's own panels (modelbridge-docs.md §16: dark-first, 8 px grid, laid
 * out for a narrow dock). Mantine's dark palette (body #242424) is already near Premiere's panel grey;
 * views choose compact sizes themselves, so nothing global changes their layout.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  cursorType: 'pointer',
  components: {},
});
