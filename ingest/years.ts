/** Years a text names as deadlines or milestones: "到2025年底" → 2025, "2023—2025年" → both. */
export function extractYears(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.matchAll(/(?<![\d.])((?:19|20)\d{2})\s*(?:[-—–~～至到]\s*((?:19|20)\d{2})\s*)?年/g)) {
    years.add(Number(m[1]));
    if (m[2]) years.add(Number(m[2]));
  }
  return [...years].sort((a, b) => a - b);
}
