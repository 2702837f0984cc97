import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issuance, VoterCard } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { countryName } from '../../ui/names';
import { PersonPhoto } from '../../ui/person_photo';
import { AssignBooth } from './booths_card';

/**
 * A voter as the identity station shows them, the way the real identity device looks a voter
 * up: photo, name in Latin letters and in their own script, country, delegation and
 * organisation (so two people with the same name are told apart), then one large button
 * that issues their one ballot — or the reason they cannot have one.
 */
export function VoterCardView({ voter, roundId, station, onIssued }: {
  voter: VoterCard;
  roundId: number;
  station: string;
  onIssued: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [issued, setIssued] = useState<Issuance | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    void api.call('voting.issue', { roundId, participantId: voter.participantId, ...(station ? { station } : {}) }).then((r) => {
      setBusy(false);
      if (r.ok) {
        setIssued(r.value);
        onIssued();
      } else {
        setRefusal(r.error.message);
      }
    });
  };

  const notice = refusal ?? voter.notice;
  const blocked = !voter.eligible || (voter.ballot !== null && !issued);
  return (
    <article className={blocked && !issued ? 'voter-card blocked' : 'voter-card'} data-testid="voter-card" data-participant={voter.participantId}>
      <PersonPhoto participantId={voter.participantId} photoFile={voter.photoFile} name={voter.displayName} size={112} />
      <div className="voter-facts">
        <h2 className="voter-name"><bdi>{voter.displayName}</bdi></h2>
        {voter.nativeName && voter.nativeName !== voter.displayName ? (
          <p className="voter-native" lang={voter.nativeNameLang ?? undefined}><bdi>{voter.nativeName}</bdi></p>
        ) : null}
        <dl className="facts">
          <dt>{t('room.voter.country')}</dt>
          <dd>{voter.country ? countryName(voter.country, i18n.language) : '—'}</dd>
          <dt>{t('room.voter.delegation')}</dt>
          <dd><bdi>{voter.delegationName ?? '—'}</bdi></dd>
          <dt>{t('room.voter.organisation')}</dt>
          <dd><bdi>{voter.organisation || '—'}</bdi></dd>
        </dl>
      </div>
      <div className="voter-action">
        {issued ? (
          <div className="issued-ok" role="status" data-testid="issued-ok">
            <p className="strong">{t('room.voter.issuedAt', { time: issued.issuedAtLocal, station: issued.station })}</p>
            <AssignBooth issuanceId={issued.id} />
          </div>
        ) : !voter.eligible ? (
          <p className="refusal" role="alert" data-testid="voter-refusal">{voter.ineligibleReason ?? t('room.voter.notEligible')}</p>
        ) : voter.ballot ? (
          <p className="refusal" role="alert" data-testid="voter-refusal">{voter.notice ?? t('room.voter.hasBallot')}</p>
        ) : (
          <>
            <button type="button" className="primary issue" disabled={busy} onClick={issue} data-testid="issue-ballot">
              {t('room.voter.issue')}
            </button>
            {notice ? <p className="refusal" role="alert" data-testid="voter-refusal">{notice}</p> : null}
          </>
        )}
      </div>
    </article>
  );
}
