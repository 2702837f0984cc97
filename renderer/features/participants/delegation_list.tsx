import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import { countryName } from '../../ui/names';
import { ErrorNotice } from '../../ui/page';

/** Delegations in protocol order with their heads and sizes. */
export function DelegationList() {
  const { t, i18n } = useTranslation();
  const delegations = useApiQuery('delegations.list', {});
  if (delegations.status === 'error') {
    return <ErrorNotice message={delegations.error.message} onRetry={delegations.reload} retryLabel={t('common.retry')} />;
  }
  return (
    <table className="data-table" data-testid="delegation-table">
      <thead>
        <tr>
          <th scope="col">{t('participants.delegation')}</th>
          <th scope="col">{t('participants.country')}</th>
          <th scope="col">{t('participants.head')}</th>
          <th scope="col" className="num">{t('participants.members')}</th>
        </tr>
      </thead>
      <tbody>
        {delegations.value?.map((d) => (
          <tr key={d.id}>
            <td><bdi>{d.name}</bdi></td>
            <td>{countryName(d.country, i18n.language)}</td>
            <td><bdi>{d.headName ?? t('participants.noHead')}</bdi></td>
            <td className="num">{d.memberCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
