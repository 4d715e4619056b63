import { useActorRef } from '@xstate/react';
import { useEffect, useState } from 'react';
import { defineSettlementLogic } from '../../../machines/generation/settlement-logic.ts';
import { selectStatus } from '../../../machines/persistence/persistence.selectors.ts';
import type { settlementMachine } from '../../../machines/generation/settlement.machine.ts';
import { PersistenceActorContext } from '../../actors/persistence-context.ts';
import type { PanelWiring } from './panel-wiring.ts';
import { persistenceLedgerPort } from '../../../machines/persistence/ledger-port.ts';

/** Runs settlement from the ledger known at mount and forwards every event merged later to it. */
function Settlement({ logic, now }: { logic: typeof settlementMachine; now: () => string }) {
  const persistence = PersistenceActorContext.useActorRef();
  const [events] = useState(() => persistence.getSnapshot().context.events);
  const settlement = useActorRef(logic, { input: { events, now: now() } });
  useEffect(() => {
    const seen = new Set(events.map((e) => e.id));
    const forward = (all: typeof events) => {
      const fresh = all.filter((e) => !seen.has(e.id));
      for (const event of fresh) seen.add(event.id);
      if (fresh.length > 0) settlement.send({ type: 'LEDGER_APPENDED', events: fresh });
    };
    forward(persistence.getSnapshot().context.events);
    const subscription = persistence.subscribe((snapshot) => forward(snapshot.context.events));
    return () => subscription.unsubscribe();
  }, [persistence, settlement, events]);
  return null;
}

/**
 * The settlement singleton: once the ledger is known (cache and disk read), re-reads the results of
 * unsettled runs with backoff for up to 6 days and records their actual cost. Renders nothing.
 */
export function SettlementRunner({
  deps,
  disk,
}: {
  deps: PanelWiring['settlement'];
  disk: PanelWiring['ledgerDisk'];
}) {
  const persistence = PersistenceActorContext.useActorRef();
  const ready = PersistenceActorContext.useSelector((s) => selectStatus(s).kind !== 'booting');
  const [logic] = useState(() =>
    defineSettlementLogic({ ...deps, ledger: persistenceLedgerPort(persistence, disk) }),
  );
  return ready ? <Settlement logic={logic} now={deps.clock.now} /> : null;
}
