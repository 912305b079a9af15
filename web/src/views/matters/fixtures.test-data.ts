// A kind shaped like the demo `test_case`, for the helpers' tests.
import type { Kind } from '@/api/matters'

export const sampleKind: Kind = {
  kind: 'sample',
  label: '测试事项',
  version: 1,
  titleLabel: '事项名称',
  initial: 'submitted',
  final: ['closed'],
  numbered: true,
  fields: [
    { key: 'category', label: '类别', type: 'enum', required: true, options: ['甲', '乙'] },
    { key: 'summary', label: '摘要', type: 'long_text', required: false },
    { key: 'amount', label: '涉案金额', type: 'money', required: false, min: 0 },
    { key: 'count', label: '件数', type: 'number', required: false },
    { key: 'received', label: '收到日期', type: 'date', required: false },
    { key: 'unit', label: '报送单位', type: 'org', required: false },
    { key: 'handler', label: '经办人', type: 'user', required: false },
    { key: 'applicant', label: '申请人', type: 'party', required: false },
    { key: 'draft', label: '送审稿', type: 'attachment', required: false },
    { key: 'related', label: '关联事项', type: 'matter_link', required: false },
    { key: 'conclusion', label: '审查结论', type: 'enum', required: false, options: ['合法', '不合法'] },
  ],
  states: [
    { name: 'submitted', label: '已报送', final: false },
    { name: 'accepted', label: '已受理', final: false },
    { name: 'closed', label: '已办结', final: true },
  ],
  actions: [],
  deadlines: [],
}
