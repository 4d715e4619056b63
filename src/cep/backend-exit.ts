/**
 * Exit code of the bundled backend when the asked port is taken, so the CEP launcher can retry on a
 * free port instead of showing an error (any other start failure exits 1 with the reason on stderr).
 */
export const EXIT_PORT_IN_USE = 3;
