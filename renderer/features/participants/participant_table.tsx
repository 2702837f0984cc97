import { useTranslation } from 'react-i18next';
import type { Category, Participant } from '../../../electron/contract';
import { CategoryTag, countryName, languageName, PersonName } from '../../ui/names';

/** The participant list as a table: names in both scripts, delegation, country, category, languages. */
export function ParticipantTable({ items, categories }: { items: Participant[]; categories: Category[] }) {
  const { t, i18n } = useTranslation();
  const colours = new Map(categories.map((c) => [c.code, c]));
  return (
    <table className="data-table" data-testid="participant-table">
      <thead>
        <tr>
          <th scope="col">{t('participants.name')}</th>
          <th scope="col">{t('participants.delegation')}</th>
          <th scope="col">{t('participants.country')}</th>
          <th scope="col">{t('participants.category')}</th>
          <th scope="col">{t('participants.languages')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => {
          const category = colours.get(p.categoryCode);
          return (
            <tr key={p.id} className={p.status === 'cancelled' ? 'cancelled' : undefined}>
              <td>
                <PersonName displayName={p.displayName} nativeName={p.nativeName} nativeNameLang={p.nativeNameLang} />
                <div className="sub"><bdi>{[p.position, p.organisation].filter(Boolean).join(', ')}</bdi></div>
              </td>
              <td><bdi>{p.delegationName ?? ''}</bdi></td>
              <td>{countryName(p.country, i18n.language)}</td>
              <td>
                <CategoryTag name={t(`category.${p.categoryCode}`, { defaultValue: category?.name ?? p.categoryCode })} colour={category?.colour ?? '#888888'} />
              </td>
              <td>{p.languages.map((l) => languageName(l, i18n.language)).join(', ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
