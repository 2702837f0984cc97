import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { countryName, PersonName } from '../../ui/names';

const SHOWN = 8;
/**
 * Typing pauses this long before the host is asked: fast typing (and the first keys of a
 * scanner burst, before it is recognised) costs no search per key.
 */
const SEARCH_DELAY_MS = 90;

/**
 * The fallback when a badge is missing or will not scan: the participants search (any name in
 * any script, no accents needed, a typo forgiven). Arrow keys move, Enter or one tap checks the
 * highlighted person in; the field empties for the next person.
 */
export function NameSearch({ onPick, inputRef, mode }: {
  onPick: (participant: Participant) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  mode: 'checkin' | 'checkout';
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // The answer with the query it answers: Enter must never pick from an older query's list.
  const [answer, setAnswer] = useState<{ query: string; items: Participant[] } | null>(null);
  // Enter pressed before the answer for the current text arrived: pick its first match then.
  const enterPending = useRef<string | null>(null);
  const trimmed = query.trim();
  const items = trimmed && answer ? answer.items : [];
  const fresh = answer?.query === trimmed;
  const current = Math.min(active, Math.max(0, items.length - 1));

  const pick = (participant: Participant | undefined) => {
    if (!participant) return;
    enterPending.current = null;
    onPick(participant);
    setQuery('');
    setActive(0);
  };
  const pickRef = useRef(pick);
  useEffect(() => {
    pickRef.current = pick;
  });

  useEffect(() => {
    if (!trimmed) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.call('participants.list', { query: trimmed, limit: SHOWN, locale: i18n.language }).then((result) => {
        if (!live || !result.ok) return;
        setAnswer({ query: trimmed, items: result.value.items });
        if (enterPending.current === trimmed) pickRef.current(result.value.items[0]);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, trimmed, i18n.language]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(Math.min(current + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (fresh) pick(items[current]);
      else if (trimmed) enterPending.current = trimmed;
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  };

  const listId = 'desk-search-results';
  return (
    <section className="card desk-search" aria-labelledby="desk-search-title">
      <h2 id="desk-search-title">{t('desk.search.title')} <kbd>F2</kbd></h2>
      <input
        ref={inputRef}
        type="search"
        className="desk-search-input"
        value={query}
        placeholder={t('desk.search.placeholder')}
        aria-label={t('desk.search.title')}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items[current] ? `desk-found-${items[current].id}` : undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="desk-search"
        maxLength={200}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className={fresh ? 'desk-found' : 'desk-found stale'} aria-label={t('desk.search.results')} aria-busy={!fresh}>
        {items.map((p, i) => (
          <li
            key={p.id}
            id={`desk-found-${p.id}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'desk-found-item active' : 'desk-found-item'}
            data-testid="desk-found"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(p)}
          >
            <PersonName displayName={p.displayName} nativeName={p.nativeName} nativeNameLang={p.nativeNameLang} />
            <span className="desk-found-meta muted">
              {/* Each part isolated (FSI…PDI): a bidi override in a delegation name must not reverse the country. */}
              {[p.delegationName, countryName(p.country, i18n.language)].filter(Boolean).map((s) => `\u2068${s}\u2069`).join(' · ')}
              {p.status === 'cancelled' ? ` · ${t('desk.search.cancelled')}` : ''}
            </span>
            {i === current ? <span className="desk-found-enter" aria-hidden="true">{mode === 'checkin' ? t('desk.search.enterIn') : t('desk.search.enterOut')}</span> : null}
          </li>
        ))}
      </ul>
      {trimmed && fresh && items.length === 0 ? <p className="muted" role="status">{t('desk.search.none')}</p> : null}
      {!trimmed ? <p className="muted desk-hint">{t('desk.search.hint')}</p> : null}
    </section>
  );
}
