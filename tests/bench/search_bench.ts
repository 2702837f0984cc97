/**
 * Search over 100,000 generated participants in many scripts: index build time and memory,
 * and the latency of the searches a desk makes while someone types (every prefix of a name,
 * both name orders, Hangul syllable by syllable, romanised Korean, diacritic-free spellings,
 * one-typo spellings, e-mails, badge numbers). Each figure is one `name value unit` line.
 *
 * `search_*` times the ranked search and its ordering, with the results cache cleared before
 * each query so that nothing is answered from an earlier identical one; `search_list_*` adds
 * reading the first 50 rows from SQLite (a screenful and more, as the screen asks);
 * `search_api_*` is the whole `participants.list` call through the dispatcher (input and
 * output validated), as the participants screen makes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import v8 from 'node:v8';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { buildHandlers } from '../../electron/core/api/handlers';
import { HostSession } from '../../electron/core/api/host_session';
import { PushBus } from '../../electron/core/api/push_bus';
import { DEMO_CATEGORIES } from '../../electron/core/demo/demo_people';
import { DEMO_EVENT_INPUT } from '../../electron/core/demo/seed_demo_event';
import { EventHome } from '../../electron/core/home/event_home';
import { eventSearch, listParticipants } from '../../electron/core/participants/participant_search';
import { insertDelegation, insertParticipant, upsertCategory } from '../../electron/core/participants/participant_store';
import type { Db } from '../../electron/core/db/connection';
import { generatePeople, seededRandom, type GeneratedPerson } from './participant_generator';
import { percentile, report } from './stats';

const PEOPLE = 100_000;
const TYPISTS = 300;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

/** Fills an event with the generated people in one transaction. */
function fill(db: Db, people: GeneratedPerson[]): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const c of DEMO_CATEGORIES) upsertCategory(db, c);
    const delegationIds = Array.from({ length: 200 }, (_, i) => insertDelegation(db, { name: `Delegation ${i + 1}`, country: null, protocolOrder: i + 1 }));
    people.forEach((p, i) => insertParticipant(db, { ...p, delegationId: i % 3 === 0 ? null : (delegationIds[i % 200] as number) }, now));
  }).immediate();
}

/** What desk staff type to find these people, keystroke by keystroke. */
function typedQueries(people: GeneratedPerson[]): string[] {
  const rnd = seededRandom(7);
  const queries: string[] = [];
  const prefixes = (text: string) => {
    for (let i = 1; i <= text.length; i++) queries.push(text.slice(0, i));
  };
  const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (let n = 0; n < TYPISTS; n++) {
    const p = people[Math.floor(rnd() * people.length)] as GeneratedPerson;
    switch (n % 6) {
      case 0:
        prefixes(plain(`${p.familyName} ${p.givenName}`));
        break;
      case 1:
        prefixes(plain(`${p.givenName} ${p.familyName}`));
        break;
      case 2:
        prefixes(p.nativeName || p.displayName);
        break;
      case 3: {
        const name = plain(p.familyName);
        const cut = Math.min(name.length - 1, 2 + Math.floor(rnd() * Math.max(1, name.length - 2)));
        prefixes(name.slice(0, cut) + name.slice(cut + 1)); // one letter missed
        break;
      }
      case 4:
        prefixes(p.email.split('@')[0] ?? '');
        break;
      default:
        prefixes(p.externalId);
    }
  }
  return queries.filter((q) => q.trim());
}

/** Runs the search benchmark in a folder under `tmp` (called by bench_main). */
export async function benchSearch(parent: string = os.tmpdir()): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(parent, 'search-bench-'));
  try {
    const session = new HostSession({
      home: new EventHome(path.join(tmp, 'home')),
      bus: new PushBus(),
      seedDemo: () => undefined,
      demoEventInput: { ...DEMO_EVENT_INPUT, withDemoData: false },
    });
    const started = session.start(path.join(tmp, 'event'), { demoIfNew: false });
    if (!started.ok || !session.current) throw new Error('could not create the bench event');
    const db = session.current.db;
    const people = generatePeople(PEOPLE);
    fill(db, people);

    const before = heapMb();
    const t0 = performance.now();
    const search = eventSearch(db);
    report('search_index_build_100k', performance.now() - t0, 'ms');
    const t1 = performance.now();
    search.lists.order("protocol", "en");
    report('search_protocol_order_100k', performance.now() - t1, 'ms');
    report('search_index_memory_100k', heapMb() - before, 'MB');

    const queries = typedQueries(people);
    report('search_queries', queries.length, 'count');
    const run = (q: string) => {
      search.lists.clearCache();
      return listParticipants(db, { query: q, limit: 50, offset: 0 });
    };
    for (const q of queries.slice(0, 200)) run(q); // warm-up
    gc(); // start from a clean heap: earlier benchmarks in this process leave their garbage behind
    const core: number[] = [];
    const list: number[] = [];
    for (const q of queries) {
      search.lists.clearCache();
      const a = performance.now();
      search.lists.ordered({ query: q, direction: 'asc', locale: 'en' });
      core.push(performance.now() - a);
      const b = performance.now();
      run(q);
      list.push(performance.now() - b);
    }
    report('search_p50_100k', percentile(core, 50), 'ms');
    report('search_p99_100k', percentile(core, 99), 'ms');
    report('search_max_100k', percentile(core, 100), 'ms');
    report('search_list_p50_100k', percentile(list, 50), 'ms');
    report('search_list_p99_100k', percentile(list, 99), 'ms');

    const dispatch = createDispatcher(buildHandlers(session, { version: 'bench' }), { error: () => undefined });
    const caller = { role: 'admin', transport: 'test' } as const;
    const api: number[] = [];
    for (const q of queries) {
      search.lists.clearCache();
      const a = performance.now();
      await dispatch(caller, 'participants.list', { query: q, limit: 50 });
      api.push(performance.now() - a);
    }
    report('search_api_p50_100k', percentile(api, 50), 'ms');
    report('search_api_p99_100k', percentile(api, 99), 'ms');
    session.close();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
