/**
 * Dependencies Vite pre-bundles for Storybook and the browser test projects. Listed up front because a
 * dependency discovered mid-run makes Vite re-optimise and load a second React, which fails the first
 * cold run on a fresh clone ("Cannot read properties of null (reading 'useRef')").
 */
export const prebundledDeps = [
  'react',
  'react-dom',
  'react-dom/client',
  '@mantine/core',
  '@mantine/hooks',
  '@mantine/charts',
  '@xstate/react',
  'xstate',
  'dayjs',
  'zod',
  'recharts',
  // The cost CSV (src/reports/csv) reaches the browser through the stories' fake backend.
  'papaparse',
];
