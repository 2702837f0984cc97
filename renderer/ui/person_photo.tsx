import { useEffect, useState } from 'react';
import { useApi } from '../api/api_context';

/** Initials for the placeholder: first letters of the first and last words, in any script. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = [...(words[0] ?? '')][0] ?? '';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/**
 * A person's photo, read from the host (it lives in the event folder, so it works the same over
 * IPC and on a LAN desk); their initials on the category colour where there is none. `photoFile`
 * is only a cache key: a new photo has a new file name, so the picture refreshes by itself.
 */
export function PersonPhoto({ participantId, photoFile, name, colour, size = 96 }: {
  participantId: number;
  photoFile: string | null;
  name: string;
  colour?: string;
  size?: number;
}) {
  const api = useApi();
  // The picture is kept with the file it came from, so a changed photo never shows the old one.
  const [loaded, setLoaded] = useState<{ key: string; src: string } | null>(null);
  const key = `${participantId}/${photoFile ?? ''}`;
  useEffect(() => {
    if (!photoFile) return;
    let live = true;
    void api.call('photos.get', { participantId }).then((r) => {
      if (live && r.ok) setLoaded({ key, src: `data:${r.value.mimeType};base64,${r.value.base64}` });
    });
    return () => {
      live = false;
    };
  }, [api, participantId, photoFile, key]);
  const src = photoFile && loaded?.key === key ? loaded.src : null;
  const box = { inlineSize: size, blockSize: size };
  if (src) return <img className="person-photo" src={src} alt="" style={box} data-testid="person-photo" />;
  return (
    <span className="person-photo person-photo-none" aria-hidden="true" style={{ ...box, fontSize: size * 0.38, backgroundColor: colour }}>
      {initialsOf(name)}
    </span>
  );
}
