// Time formatting for tables: local time, 24-hour, zero-padded.

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Epoch ms → "2024-05-01 08:03:09" in the browser's time zone; "" for bad input. */
export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return ''
  const d = new Date(ms)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  )
}

/** "2024-10-08" → "2024年10月8日"; anything else unchanged ("" for nothing). */
export function chineseDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? '')
}
