// The list envelope every paged endpoint returns.
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface Items<T> {
  items: T[]
}
