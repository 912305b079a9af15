// Icon components for the menu's icon names.
import type { Component } from 'vue'
import {
  Briefcase,
  Calendar,
  Clock,
  Document,
  DocumentAdd,
  Folder,
  Histogram,
  Key,
  List,
  Lock,
  OfficeBuilding,
  Setting,
  Stamp,
  Tickets,
  TrendCharts,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
import type { MenuIcon } from './menu'

export const menuIcons: Record<MenuIcon, Component> = {
  todo: Tickets,
  matters: Folder,
  matterList: List,
  matterNew: DocumentAdd,
  stats: TrendCharts,
  dashboard: Histogram,
  tools: Briefcase,
  deadline: Clock,
  system: Setting,
  user: User,
  org: OfficeBuilding,
  role: Stamp,
  audit: Document,
  calendar: Calendar,
  profile: UserFilled,
  password: Lock,
  totp: Key,
}
