import { createActorContext } from '@xstate/react';
import { billingMachine } from '../../machines/billing/billing.machine.ts';

/**
 * The app-level billing actor (filter, page size, display currency): `Provider`, `useSelector`,
 * `useActorRef`. Starts with an empty input (USD, no filter) unless the Provider passes `options`.
 */
export const BillingActorContext = createActorContext(billingMachine, { input: {} });
