import { useEffect } from 'react';
import type { DeviceIdentity } from '../../../electron/contract';
import { BoothScreen } from '../booth';
import './kiosk.css';

/**
 * A booth tablet's only screen. There is no menu and no link: whatever URL is typed, a
 * booth sees this (the host refuses staff methods to it anyway). The booth itself — idle,
 * ballot, review, cast — is the booth feature; the kiosk only locks the page around it.
 */
export function KioskScreen({ device }: { device: DeviceIdentity }) {
  // No context menu, no text selection drag, no pinch-to-navigate on a booth (the staff app
  // and its shortcuts are not even loaded here).
  useEffect(() => {
    const block = (event: Event) => event.preventDefault();
    document.addEventListener('contextmenu', block);
    document.body.classList.add('kiosk-locked');
    return () => {
      document.removeEventListener('contextmenu', block);
      document.body.classList.remove('kiosk-locked');
    };
  }, []);
  return <BoothScreen device={device} />;
}
