/**
 * Desk sounds, made on the spot with WebAudio (no audio files to ship or load): a rising
 * two-note chime for a welcome, a level double beep for "look at the screen" (already here,
 * checked out), a low falling buzz for a refusal. Distinct by pitch direction and timbre, so
 * staff with their eyes on the person still know what happened; short and soft, for a
 * quiet hotel lobby.
 */

/** Which sound a result makes. */
export type ToneKind = 'welcome' | 'notice' | 'refused';

/** One note: when it starts after the sound begins, how long, its pitch and waveform. */
export interface Note {
  readonly atMs: number;
  readonly durationMs: number;
  readonly hz: number;
  readonly wave: OscillatorType;
}

/** The notes of each sound. */
export const TONES: Readonly<Record<ToneKind, readonly Note[]>> = {
  // E5 then A5: an upward fourth reads as "yes".
  welcome: [
    { atMs: 0, durationMs: 110, hz: 659.25, wave: 'sine' },
    { atMs: 100, durationMs: 200, hz: 880, wave: 'sine' },
  ],
  // The same note twice: "attention", not alarm.
  notice: [
    { atMs: 0, durationMs: 110, hz: 740, wave: 'triangle' },
    { atMs: 170, durationMs: 110, hz: 740, wave: 'triangle' },
  ],
  // Low, falling and a little rough: unmistakably "no" even in a noisy room.
  refused: [
    { atMs: 0, durationMs: 180, hz: 311, wave: 'square' },
    { atMs: 190, durationMs: 260, hz: 233, wave: 'square' },
  ],
};

// Square waves sound much louder than sines at the same gain.
const GAIN: Readonly<Record<OscillatorType, number>> = { sine: 0.22, triangle: 0.2, square: 0.06, sawtooth: 0.06, custom: 0.1 };

/** Plays desk sounds; one AudioContext for the page, made on first use. */
export interface TonePlayer {
  play(kind: ToneKind): void;
  /** Makes the AudioContext ahead of the first result, so that result is not delayed by it. */
  prepare(): void;
}

/**
 * A player on the page's WebAudio. Browsers start an AudioContext suspended until a user
 * gesture; a scanner's keys are one, so the first scan unlocks it. Failure to play is never
 * an error the desk should show: the screen says everything the sound does.
 */
export function createTonePlayer(): TonePlayer {
  let context: AudioContext | null = null;
  return {
    prepare() {
      try {
        context ??= new AudioContext();
      } catch {
        // no audio here
      }
    },
    play(kind) {
      try {
        context ??= new AudioContext();
        if (context.state === 'suspended') void context.resume().catch(() => undefined);
        const start = context.currentTime + 0.01;
        for (const note of TONES[kind]) {
          const osc = context.createOscillator();
          const gain = context.createGain();
          osc.type = note.wave;
          osc.frequency.value = note.hz;
          const t0 = start + note.atMs / 1000;
          const t1 = t0 + note.durationMs / 1000;
          // A short attack and release: no clicks.
          gain.gain.setValueAtTime(0, t0);
          gain.gain.linearRampToValueAtTime(GAIN[note.wave], t0 + 0.012);
          gain.gain.setValueAtTime(GAIN[note.wave], t1 - 0.03);
          gain.gain.linearRampToValueAtTime(0, t1);
          osc.connect(gain).connect(context.destination);
          osc.start(t0);
          osc.stop(t1 + 0.01);
        }
      } catch {
        // no audio device: the colour and text carry the result
      }
    },
  };
}
