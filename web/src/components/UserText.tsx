/**
 * Text written by users (names, descriptions, labels) in whatever script it is: its direction comes from its
 * own first strong character (`dir="auto"`), so an Arabic name reads right to left on an English page and an
 * English one left to right on an Arabic page, without disturbing the text around it.
 */
export function UserText({ text, block = false, className }: { text: string | null | undefined; block?: boolean; className?: string }) {
  if (!text) return null;
  return block ? (
    <p dir="auto" className={className}>
      {text}
    </p>
  ) : (
    <bdi className={className}>{text}</bdi>
  );
}

/**
 * User text to interpolate into a translated sentence: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE, the plain-text form of `<bdi>`, so a Latin name inside an Arabic sentence (or the reverse) keeps
 * its own direction and leaves the sentence's order alone.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
