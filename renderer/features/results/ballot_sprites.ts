/**
 * Rasterises each distinct ballot picture (an SVG data URL) once into a bitmap of `width` ×
 * `height` CSS pixels at the screen's pixel ratio. Drawing a bitmap into a small canvas costs a
 * copy, where swapping an <img>'s SVG costs a resource fetch and a vector repaint on the main
 * thread for every paper: at 32 papers a second that is what made the projector stutter.
 * A picture that fails to load stays undefined; the caller draws a plain paper instead.
 */
export async function loadBallotSprites(urls: readonly string[], width: number, height: number, tiltDeg = 0): Promise<Array<ImageBitmap | undefined>> {
  const scale = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  return Promise.all(
    urls.map(async (url) => {
      try {
        const img = new Image();
        img.src = url;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(width * scale);
        canvas.height = Math.round(height * scale);
        const ctx = canvas.getContext('2d');
        if (!ctx) return undefined;
        drawContained(ctx, img, img.naturalWidth || width, img.naturalHeight || height, tiltDeg);
        return await createImageBitmap(canvas);
      } catch {
        return undefined;
      }
    }),
  );
}

/**
 * Draws `source` centred in the whole canvas, keeping its proportions (object-fit: contain),
 * turned by `tiltDeg` (the turned paper still fits). A tilt is drawn into the bitmap, never
 * animated: a rotated layer costs a software compositor one extra render pass per paper per frame.
 */
export function drawContained(ctx: CanvasRenderingContext2D, source: CanvasImageSource, sourceWidth: number, sourceHeight: number, tiltDeg = 0): void {
  const { width, height } = ctx.canvas;
  const a = (tiltDeg * Math.PI) / 180;
  const [cos, sin] = [Math.abs(Math.cos(a)), Math.abs(Math.sin(a))];
  const fit = Math.min(width / (sourceWidth * cos + sourceHeight * sin), height / (sourceWidth * sin + sourceHeight * cos));
  const w = sourceWidth * fit;
  const h = sourceHeight * fit;
  ctx.clearRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate(a);
  ctx.drawImage(source, -w / 2, -h / 2, w, h);
  ctx.restore();
}

/** A paper without its picture (still loading, or unreadable): the ballot's colour with a dark edge. */
export function drawPlainPaper(ctx: CanvasRenderingContext2D, colour: string): void {
  const { width, height } = ctx.canvas;
  const w = Math.min(width, (height * 60) / 76);
  const x = (width - w) / 2;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = colour;
  ctx.strokeStyle = '#444';
  ctx.lineWidth = Math.max(1, width / 54);
  ctx.fillRect(x, 0, w, height);
  ctx.strokeRect(x + 0.5, 0.5, w - 1, height - 1);
}
