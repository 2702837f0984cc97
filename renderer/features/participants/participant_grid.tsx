import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Participant, ParticipantSort } from '../../../electron/contract';
import { CategoryTag, countryName } from '../../ui/names';
import type { ParticipantRows } from './use_participant_rows';

const ROW_HEIGHT = 58;
const COLUMNS: ReadonlyArray<{ key: 'name' | 'organisation' | 'delegation' | 'country' | 'category' | 'badgeNumber'; sort: ParticipantSort | null }> = [
  { key: 'name', sort: 'name' },
  { key: 'organisation', sort: 'organisation' },
  { key: 'delegation', sort: 'delegation' },
  { key: 'country', sort: 'country' },
  { key: 'category', sort: 'category' },
  { key: 'badgeNumber', sort: null },
];

/** Text that may be anything a registration form received: isolated, ellipsised, full text on hover. */
function Cell({ text, className, lang }: { text: string; className?: string; lang?: string | undefined }) {
  return (
    <bdi className={className ? `cell-text ${className}` : 'cell-text'} title={text} lang={lang}>
      {text}
    </bdi>
  );
}

function Row({ p, categories }: { p: Participant; categories: ReadonlyMap<string, Category> }) {
  const { t, i18n } = useTranslation();
  const category = categories.get(p.categoryCode);
  const showNative = p.nativeName && p.nativeName !== p.displayName;
  return (
    <>
      <div role="gridcell" className="pcell pcell-name">
        <span className="name-line">
          <Cell text={p.displayName} className="person-display" />
          {showNative ? <Cell text={p.nativeName} className="person-native" lang={p.nativeNameLang ?? undefined} /> : null}
        </span>
        <span className="sub-line">
          {p.status === 'cancelled' ? <span className="status-pill">{t('people.cancelled')}</span> : null}
          {p.registrationSource === 'walk_in' ? <span className="walkin-pill">{t('people.walkIn')}</span> : null}
          <Cell text={p.position} />
        </span>
      </div>
      <div role="gridcell" className="pcell"><Cell text={p.organisation} /></div>
      <div role="gridcell" className="pcell pcol-delegation"><Cell text={p.delegationName ?? ''} /></div>
      <div role="gridcell" className="pcell"><Cell text={countryName(p.country, i18n.language)} /></div>
      <div role="gridcell" className="pcell">
        <CategoryTag name={t(`category.${p.categoryCode}`, { defaultValue: category?.name ?? p.categoryCode })} colour={category?.colour ?? '#888888'} />
      </div>
      <div role="gridcell" className="pcell pcell-id pcol-id"><Cell text={p.externalId ?? ''} /></div>
    </>
  );
}

/**
 * The participant list as a virtualised grid: only the rows on screen exist in the page, and
 * their data is fetched in windows as the user scrolls, so 100,000 people scroll like 100.
 * Keyboard first: arrows move the selection, Page Up/Down and Home/End jump, Enter opens.
 */
export function ParticipantGrid({ rows, categories, selected, onSelect, onOpen, sort, direction, onSort }: {
  rows: ParticipantRows;
  categories: readonly Category[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  sort: ParticipantSort | undefined;
  direction: 'asc' | 'desc';
  onSort: (sort: ParticipantSort) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  // TanStack Virtual hands out new functions on every render; the React compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const { need } = rows;

  useEffect(() => {
    if (total > 0) need(first, last);
  }, [need, first, last, total]);

  useEffect(() => {
    if (selected >= 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const move: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in move && total > 0) {
      e.preventDefault();
      const from = selected < 0 ? -1 : selected;
      onSelect(Math.min(total - 1, Math.max(0, from + (move[e.key] as number))));
    } else if (e.key === 'Enter' && selected >= 0) {
      e.preventDefault();
      onOpen(selected);
    }
  };

  return (
    <div
      ref={grid}
      className="pgrid"
      role="grid"
      aria-label={t('people.listLabel')}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selected >= 0 ? `participant-row-${selected}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="participant-table"
    >
      <div role="row" aria-rowindex={1} className="pgrid-head">
        {COLUMNS.map((c) => {
          const active = c.sort !== null && sort === c.sort;
          return (
            <div key={c.key} role="columnheader" className={`pcell pcol-${c.key === 'badgeNumber' ? 'id' : c.key}`} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              {c.sort ? (
                <button type="button" className="sort-button" onClick={() => onSort(c.sort as ParticipantSort)} data-testid={`sort-${c.key}`} tabIndex={-1}>
                  {t(`people.column.${c.key}`)}
                  <span aria-hidden="true" className="sort-mark">{active ? (direction === 'asc' ? '▲' : '▼') : ''}</span>
                </button>
              ) : (
                t(`people.column.${c.key}`)
              )}
            </div>
          );
        })}
      </div>
      <div className="pgrid-scroll" ref={scroller}>
        <div className="pgrid-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const p = rows.rowAt(item.index);
            const classes = ['pgrid-row', item.index === selected ? 'selected' : '', p?.status === 'cancelled' ? 'cancelled' : ''].filter(Boolean).join(' ');
            return (
              <div
                key={item.key}
                id={`participant-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === selected}
                className={classes}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  onSelect(item.index);
                  grid.current?.focus({ preventScroll: true });
                }}
                onDoubleClick={() => onOpen(item.index)}
                data-testid={p ? 'participant-row' : 'participant-row-loading'}
              >
                {p ? <Row p={p} categories={byCode} /> : <div role="gridcell" className="pcell loading-cell">{t('common.loading')}</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
