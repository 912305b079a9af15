import { describe, expect, it } from 'vitest'
import { apiQuery, defaultFilters, filtersFromRoute, routeQuery, sortFromTable, tableSort } from './listQuery'

describe('filtersFromRoute', () => {
  it('reads every filter from the address', () => {
    expect(
      filtersFromRoute('test_case', {
        state: 'accepted',
        due: 'overdue',
        q: '某局',
        mine: '1',
        sort: 'updated_at',
        order: 'desc',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      kind: 'test_case',
      state: 'accepted',
      due: 'overdue',
      q: '某局',
      mine: true,
      sort: 'updated_at',
      order: 'desc',
      page: 3,
      pageSize: 50,
    })
  })

  it('falls back to defaults for anything malformed', () => {
    expect(
      filtersFromRoute(undefined, { due: 'tomorrow', sort: 'drop table', order: 'up', page: '-2', pageSize: '7', mine: 'yes' }),
    ).toEqual(defaultFilters())
    expect(filtersFromRoute(['a', 'b'], { page: ['4', '5'] })).toMatchObject({ kind: 'a', page: 4 })
  })
})

describe('routeQuery', () => {
  it('leaves defaults out and round-trips', () => {
    expect(routeQuery(defaultFilters('x'))).toEqual({})
    const f = { ...defaultFilters('x'), state: 's', q: ' 关键词 ', mine: true, page: 2, order: 'desc' as const }
    const q = routeQuery(f)
    expect(q).toEqual({ state: 's', q: '关键词', mine: '1', sort: 'due_on', order: 'desc', page: '2' })
    expect(filtersFromRoute('x', q)).toEqual({ ...f, q: '关键词' })
  })
})

describe('apiQuery', () => {
  it('maps filters to the list API, state only within a kind', () => {
    expect(apiQuery({ ...defaultFilters(), state: 'accepted', mine: true, due: 'soon', q: ' a ' })).toEqual({
      page: 1,
      pageSize: 20,
      sort: 'due_on',
      order: 'asc',
      due: 'soon',
      q: 'a',
      assignee: 'me',
    })
    expect(apiQuery({ ...defaultFilters('k'), state: 'accepted' })).toMatchObject({ kind: 'k', state: 'accepted' })
  })
})

describe('table sorting', () => {
  it('maps ElTable columns to API sorts and back', () => {
    expect(sortFromTable('dueOn', 'descending')).toEqual({ sort: 'due_on', order: 'desc' })
    expect(sortFromTable('number', 'ascending')).toEqual({ sort: 'number', order: 'asc' })
    expect(sortFromTable('dueOn', null)).toEqual({ sort: 'due_on', order: 'asc' })
    expect(sortFromTable('whatever', 'ascending')).toEqual({ sort: 'due_on', order: 'asc' })
    expect(tableSort({ sort: 'updated_at', order: 'desc' })).toEqual({ prop: 'updatedAt', order: 'descending' })
    expect(tableSort({ sort: 'due_on', order: 'asc' })).toEqual({ prop: 'dueOn', order: 'ascending' })
  })
})
