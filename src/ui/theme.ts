import { createTheme } from '@mantine/core';

/** Dark-first theme close to Premiere's own panels: compact sizes for a narrow dock. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {},
});
