import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { CategoryTag } from '../../ui/names';
import { ErrorNotice } from '../../ui/page';

/** One category's name, colour and place, saved when changed. */
function CategoryRow({ c, canManage, onMessage }: { c: Category; canManage: boolean; onMessage: (m: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(c.name);
  const [colour, setColour] = useState(c.colour);
  const shown = t(`category.${c.code}`, { defaultValue: c.name });
  const save = async (next: Partial<Category>) => {
    const result = await api.call('categories.save', { ...c, name, colour, ...next });
    onMessage(result.ok ? t('people.categorySaved', { name: next.name ?? name }) : result.error.message);
  };
  const remove = async () => {
    const result = await api.call('categories.delete', { code: c.code });
    onMessage(result.ok ? t('people.categoryRemoved', { name: shown }) : result.error.message);
  };
  return (
    <tr>
      <td><CategoryTag name={shown} colour={colour} /></td>
      <td><code>{c.code}</code></td>
      <td>
        {canManage ? (
          <input value={name} onChange={(e) => setName(e.target.value)} onBlur={() => name.trim() && name !== c.name && void save({ name: name.trim() })} aria-label={t('people.categoryName', { code: c.code })} dir="auto" />
        ) : (
          <bdi>{c.name}</bdi>
        )}
      </td>
      <td>
        {canManage ? (
          <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} onBlur={() => colour !== c.colour && void save({ colour })} aria-label={t('people.categoryColour', { name: shown })} data-testid={`colour-${c.code}`} />
        ) : (
          <code>{c.colour}</code>
        )}
      </td>
      <td className="row-actions">{canManage ? <button type="button" className="danger" onClick={() => void remove()}>{t('people.remove')}</button> : null}</td>
    </tr>
  );
}

/**
 * Participant categories and their colours, used on badges and on every screen. The host's
 * own screen may rename them, change colours, add new ones and remove unused ones.
 */
export function CategoryList({ canManage, onMessage }: { canManage: boolean; onMessage: (m: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const categories = useApiQuery('categories.list', {});
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [colour, setColour] = useState('#3b82f6');
  if (categories.status === 'error') {
    return <ErrorNotice message={categories.error.message} onRetry={categories.reload} retryLabel={t('common.retry')} />;
  }
  const list = categories.value ?? [];
  const validCode = /^[a-z][a-z0-9_]{0,31}$/u.test(code);
  const add = async () => {
    const sortOrder = Math.max(0, ...list.map((c) => c.sortOrder)) + 10;
    const result = await api.call('categories.save', { code, name: name.trim(), colour, sortOrder });
    if (result.ok) {
      setCode('');
      setName('');
    }
    onMessage(result.ok ? t('people.categorySaved', { name: name.trim() }) : result.error.message);
  };
  return (
    <>
      <table className="data-table" data-testid="category-table">
        <thead>
          <tr>
            <th scope="col">{t('participants.category')}</th>
            <th scope="col">{t('people.categoryCode')}</th>
            <th scope="col">{t('people.categoryNameHeader')}</th>
            <th scope="col">{t('people.colour')}</th>
            <th scope="col"><span className="visually-hidden">{t('people.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => <CategoryRow key={`${c.code}-${c.name}-${c.colour}`} c={c} canManage={canManage} onMessage={onMessage} />)}
        </tbody>
      </table>
      {canManage ? (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <input value={code} onChange={(e) => setCode(e.target.value.toLowerCase())} placeholder={t('people.newCategoryCode')} aria-label={t('people.categoryCode')} aria-invalid={code !== '' && !validCode} dir="ltr" />
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('people.newCategoryName')} aria-label={t('people.categoryNameHeader')} dir="auto" />
          <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} aria-label={t('people.colour')} />
          <button type="submit" disabled={!validCode || !name.trim()}>{t('people.addCategory')}</button>
        </form>
      ) : null}
      {canManage ? <p className="muted">{t('people.categoryHint')}</p> : null}
    </>
  );
}
