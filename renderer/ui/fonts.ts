// Every font ships with the app (Fontsource packages, bundled by Vite): nothing is fetched
// from outside. The CSS subsets by unicode-range, so a screen loads only the glyphs it shows.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/700.css';
import '@fontsource/noto-sans-sc/400.css';
// Japanese names need Japanese glyph shapes (骨, 直, 海 differ from the Chinese forms): lang="ja" picks this one.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import '@fontsource/noto-sans-tamil/400.css';
import '@fontsource/noto-sans-tamil/700.css';
