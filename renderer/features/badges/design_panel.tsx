import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BADGE_TEMPLATES, MAX_LOGO_DATA_URL_CHARS, type BadgeDesign, type BadgeFields } from '../../../electron/contract';

const FIELDS: ReadonlyArray<keyof BadgeFields> = [
  'nativeName',
  'latinName',
  'organisation',
  'position',
  'country',
  'flag',
  'delegation',
  'category',
  'qr',
  'logo',
];

/** The largest side of a stored logo, in pixels: sharp at 15 mm on paper, small in the event. */
const LOGO_MAX_PX = 480;

/**
 * Scales an image file down and re-encodes it as PNG (WebP if PNG is too big), so a logo of
 * any size fits the event and the request limit. Rejects when the file is not an image.
 */
async function logoFromFile(file: File): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const ratio = Math.min(1, LOGO_MAX_PX / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * ratio));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * ratio));
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = canvas.toDataURL('image/png');
    return png.length <= MAX_LOGO_DATA_URL_CHARS ? png : canvas.toDataURL('image/webp', 0.85);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Format, fields, title and logo of the event's badge. */
export function DesignPanel({ design, eventName, onChange }: {
  design: BadgeDesign;
  eventName: string;
  onChange: (design: BadgeDesign) => void;
}) {
  const { t } = useTranslation();
  const [logoError, setLogoError] = useState<string | null>(null);
  const setField = (field: keyof BadgeFields, on: boolean) => {
    const fields = { ...design.fields, [field]: on };
    if (fields.nativeName || fields.latinName) onChange({ ...design, fields });
  };
  const onLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const logo = await logoFromFile(file);
      if (logo.length > MAX_LOGO_DATA_URL_CHARS) throw new Error('too large');
      setLogoError(null);
      onChange({ ...design, logo, fields: { ...design.fields, logo: true } });
    } catch {
      setLogoError(t('badges.logoUnreadable'));
    }
  };

  return (
    <>
      <fieldset className="badge-panel">
        <legend>{t('badges.format')}</legend>
        <div className="template-choice" role="radiogroup" aria-label={t('badges.format')}>
          {BADGE_TEMPLATES.map((template) => (
            <label key={template} className={design.template === template ? 'template-option selected' : 'template-option'} data-testid={`template-${template}`}>
              <input
                type="radio"
                name="badge-template"
                value={template}
                checked={design.template === template}
                onChange={() => onChange({ ...design, template })}
              />
              <span className="template-name">{t(`badges.template.${template}`)}</span>
              <span className="template-hint">{t(`badges.templateHint.${template}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="badge-panel">
        <legend>{t('badges.fieldsTitle')}</legend>
        <div className="field-choice">
          {FIELDS.map((field) => (
            <label key={field} className="checkbox">
              <input
                type="checkbox"
                checked={design.fields[field]}
                disabled={(field === 'nativeName' && !design.fields.latinName) || (field === 'latinName' && !design.fields.nativeName)}
                title={field === 'nativeName' || field === 'latinName' ? t('badges.oneNameNeeded') : undefined}
                onChange={(e) => setField(field, e.target.checked)}
                data-testid={`field-${field}`}
              />
              {t(`badges.field.${field}`)}
            </label>
          ))}
        </div>
        <label className="stacked">
          <span>{t('badges.badgeTitle')}</span>
          <input
            type="text"
            value={design.title}
            maxLength={120}
            placeholder={eventName || t('badges.badgeTitlePlaceholder')}
            onChange={(e) => onChange({ ...design, title: e.target.value })}
            data-testid="badge-title"
          />
        </label>
        <div className="logo-row">
          <span>{t('badges.logo')}</span>
          {design.logo ? <img className="logo-thumb" src={design.logo} alt="" /> : null}
          <label className="button-like">
            {t('badges.chooseLogo')}
            <input type="file" accept="image/png,image/jpeg,image/webp" className="visually-hidden" onChange={(e) => void onLogo(e)} data-testid="logo-input" />
          </label>
          {design.logo ? (
            <button type="button" onClick={() => onChange({ ...design, logo: null })}>{t('badges.removeLogo')}</button>
          ) : null}
        </div>
        <p className={logoError ? 'field-error' : 'muted small'} role={logoError ? 'alert' : undefined}>{logoError ?? t('badges.logoHint')}</p>
      </fieldset>
    </>
  );
}
