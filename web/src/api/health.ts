// Server liveness and version, shown in the layout footer.
import { http } from './http'

export interface Health {
  status: string
  db: string
  version: string
}

export function fetchHealth(): Promise<Health> {
  return http.get<Health>('/health', undefined, { expectUnauthorized: true })
}
