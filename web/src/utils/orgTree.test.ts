import { describe, expect, it } from 'vitest'
import type { Org, OrgType } from '@/api/orgs'
import { buildOrgTree, orgPath, subtreeIds, type OrgNode } from './orgTree'

const org = (id: string, parentId: string | null, code: string, name = `机构${id}`, type: OrgType = 'department'): Org => ({
  id,
  parentId,
  name,
  shortName: '',
  code,
  type,
})

const shape = (nodes: OrgNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? { [n.id]: shape(n.children) } : n.id))

const county = [
  org('1', null, '001', '县人民政府'),
  org('3', '1', '003', '县司法局'),
  org('2', '1', '002', '县发改局'),
  org('4', '3', '004', '行政复议科'),
  org('5', '2', '005', '法规科'),
]

describe('buildOrgTree', () => {
  it('nests children under parents and sorts siblings of one kind by code', () => {
    expect(shape(buildOrgTree(county))).toEqual([{ 1: [{ 2: ['5'] }, { 3: ['4'] }] }])
  })

  it('puts departments before townships, offices and law firms, whatever their codes', () => {
    const mixed = [
      org('g', null, 'GOV', '县政府', 'government'),
      org('t', 'g', 'CGZ', '城关镇', 'township'),
      org('o', 'g', 'GOV-IT', '信息中心', 'office'),
      org('d2', 'g', 'SCJG', '市场监管局', 'department'),
      org('d1', 'g', 'JUS', '司法局', 'department'),
      org('l', null, 'LAW1', '律所', 'law_firm'),
    ]
    expect(shape(buildOrgTree(mixed))).toEqual([{ g: ['d1', 'd2', 't', 'o'] }, 'l'])
  })

  it('treats orgs whose parent is not listed as roots', () => {
    expect(shape(buildOrgTree(county.filter((o) => o.id !== '1')))).toEqual([{ 2: ['5'] }, { 3: ['4'] }])
  })

  it('does not change its input', () => {
    const copy = structuredClone(county)
    buildOrgTree(county)
    expect(county).toEqual(copy)
  })

  it('keeps every org exactly once even when the data has a cycle', () => {
    const cyclic = [org('a', 'b', '1'), org('b', 'a', '2'), org('c', null, '3')]
    const tree = buildOrgTree(cyclic)
    const ids: string[] = []
    const walk = (ns: OrgNode[]) => ns.forEach((n) => (ids.push(n.id), walk(n.children)))
    walk(tree)
    expect(ids.sort()).toEqual(['a', 'b', 'c'])
  })

  it('returns an empty list for no orgs', () => {
    expect(buildOrgTree([])).toEqual([])
  })
})

describe('subtreeIds', () => {
  it('collects an org and all below it', () => {
    expect([...subtreeIds(county, '1')].sort()).toEqual(['1', '2', '3', '4', '5'])
    expect([...subtreeIds(county, '3')].sort()).toEqual(['3', '4'])
    expect([...subtreeIds(county, '5')]).toEqual(['5'])
  })
})

describe('orgPath', () => {
  it('names the chain from the root', () => {
    expect(orgPath(county, '4')).toEqual(['县人民政府', '县司法局', '行政复议科'])
    expect(orgPath(county, 'missing')).toEqual([])
  })
})
